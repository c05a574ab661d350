import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MutationReport } from '../../support/report/mutation-scores';

/** Whether a domain's baseline speaks for a file: the domain mutates it now (scripts/mutation/domains.ts). */
export type Owns = (domain: string, file: string) => boolean;

/**
 * One report of every domain tested so far, from their incremental baselines (each a whole
 * mutation-testing report of one Stryker run). Test ids are numbered per run, so each domain's
 * are prefixed with its name to keep "covered by" and "killed by" pointing at the right scenario.
 * A file moved to another domain may still be in its old domain's baseline (untested there since,
 * or never reached): only the domain that `owns` a file counts it, so each file is counted once.
 */
export function mergeBaselines(folder: string, owns: Owns): MutationReport {
  const merged: MutationReport = { schemaVersion: '2', thresholds: { high: 90, low: 85 }, files: {}, testFiles: {} };
  const files = existsSync(folder) ? readdirSync(folder).filter((file) => file.endsWith('.json')).sort() : [];
  for (const file of files) {
    const domain = file.replace(/\.json$/, '');
    const report = JSON.parse(readFileSync(join(folder, file), 'utf8')) as MutationReport;
    const rename = (ids?: string[]) => ids?.map((id) => `${domain}:${id}`);
    for (const [path, source] of Object.entries(report.files)) {
      if (!owns(domain, path)) continue;
      merged.files[path] = { ...source, mutants: source.mutants.map((mutant) => ({ ...mutant, coveredBy: rename(mutant.coveredBy), killedBy: rename(mutant.killedBy) })) };
    }
    for (const [path, testFile] of Object.entries(report.testFiles ?? {})) {
      const tests = testFile.tests.map((test) => ({ ...test, id: `${domain}:${test.id}` }));
      const known = merged.testFiles![path];
      merged.testFiles![path] = known ? { ...known, tests: [...known.tests, ...tests] } : { ...testFile, tests };
    }
  }
  return merged;
}

/** Writes the merged report as JSON and as Stryker's HTML page (the mutation-testing-elements app). */
export function writeMergedReport(report: MutationReport, jsonFile: string, htmlFile: string): void {
  mkdirSync(join(jsonFile, '..'), { recursive: true });
  writeFileSync(jsonFile, JSON.stringify(report));
  const app = readFileSync(require.resolve('mutation-testing-elements/dist/mutation-test-elements.js'), 'utf8');
  writeFileSync(htmlFile, `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>MediaNest gateway: mutants and the scenarios that noticed them</title><script>${app}</script></head>
<body><mutation-test-report-app titlePostfix="MediaNest gateway">This report needs a browser with custom elements.</mutation-test-report-app>
<script>document.querySelector('mutation-test-report-app').report = ${JSON.stringify(report).replace(/</g, '\\u003c')};</script></body></html>
`);
}
