import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const SOURCE = join(ROOT, 'gateway', 'src');

/**
 * The gateway transpiled to JavaScript once per source version, so a spawned gateway starts in a
 * few hundred milliseconds instead of loading a TypeScript compiler in every child. It lives under
 * node_modules/.cache so the compiled files resolve the project's packages.
 */
export function compiledGatewayMain(): string {
  const files = listTs(SOURCE);
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update(readFileSync(file));
  const out = join(ROOT, 'node_modules', '.cache', 'medianest-gateway', hash.digest('hex').slice(0, 16));
  const main = join(out, 'main.js');
  if (existsSync(main)) return main;
  const staging = `${out}.${process.pid}`;
  for (const file of files) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: file,
    });
    const target = join(staging, relative(SOURCE, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  try {
    renameSync(staging, out);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another worker finished first
  }
  return main;
}

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listTs(join(dir, entry.name)) : entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [join(dir, entry.name)] : []))
    .sort();
}
