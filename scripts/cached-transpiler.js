'use strict';
/**
 * ts-node's transpiler (tsconfig.json, "ts-node"): TypeScript's own transpileModule, with each
 * file's output kept on disk (node_modules/.cache/medianest-ts/) under a hash of everything that
 * shapes it: the TypeScript version, the compiler options, the file name and its text. Loading
 * the suite transpiles about 170 files; from the cache that costs a few milliseconds instead of
 * seconds. Type checking stays with `tsc --noEmit` (npm run typecheck), as before.
 */
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const CACHE = join(__dirname, '..', 'node_modules', '.cache', 'medianest-ts');

exports.create = function create({ service }) {
  const ts = service.projectLocalResolveHelper ? require(service.projectLocalResolveHelper('typescript', true)) : require('typescript');
  const compilerOptions = service.config.options;
  const salt = `${ts.version}\0${JSON.stringify(compilerOptions)}\0`;
  return {
    transpile(code, { fileName }) {
      const key = createHash('sha1').update(salt).update(fileName).update('\0').update(code).digest('hex');
      const file = join(CACHE, `${key}.json`);
      try {
        return JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        // not cached yet (or a torn write): transpile and keep it
      }
      const result = ts.transpileModule(code, { fileName, compilerOptions, reportDiagnostics: true });
      if (!result.diagnostics?.length) {
        mkdirSync(CACHE, { recursive: true });
        const temporary = `${file}.${process.pid}`;
        writeFileSync(temporary, JSON.stringify({ outputText: result.outputText, sourceMapText: result.sourceMapText }));
        renameSync(temporary, file); // atomic: parallel workers never read half a file
      }
      return result;
    },
  };
};
