/**
 * `npm run mutation [-- <domain>...] [-- stryker options]`: Stryker mutates gateway/src (or the
 * named domains, see scripts/mutation/domains.ts) and the scenarios of the `mutation` profile try
 * to notice each mutant (stryker.config.json, gateway/MUTATION.md). Results of earlier runs come
 * from the incremental baseline (gateway/mutation-baseline.json), so the report, its HTML and
 * reports/mutation/mutation.json, always covers every domain tested so far, and a change re-tests
 * only the mutants it touched. Options starting with "-" go to Stryker (e.g. --force, --concurrency 1).
 * Prints the score of each domain, the time against the budget, and the mutants tested per minute.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { domainOf, domainScores, schemaErrors, type MutationReport } from '../support/report/mutation-scores';
import { budgetMinutes, domains, mutatePatterns } from './mutation/domains';

const REPORT = 'reports/mutation/mutation.json';
const LOG = 'reports/mutation/stryker-output.log';

function parseArguments(argv: string[]): { selected: string[]; strykerOptions: string[] } {
  const known = domains();
  const firstOption = argv.findIndex((arg) => arg.startsWith('-'));
  const names = firstOption === -1 ? argv : argv.slice(0, firstOption);
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length) throw new Error(`unknown domain ${unknown.join(', ')}: the domains are ${known.join(', ')}`);
  return { selected: names.length ? names : known, strykerOptions: firstOption === -1 ? [] : argv.slice(firstOption) };
}

function runStryker(args: string[]): Promise<{ code: number; output: string }> {
  mkdirSync('reports/mutation', { recursive: true });
  const log = createWriteStream(LOG);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/@stryker-mutator/core/bin/stryker.js', 'run', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk: Buffer) => {
        output += chunk;
        log.write(chunk);
        process.stdout.write(chunk);
      });
    }
    child.on('close', (code) => log.end(() => resolve({ code: code ?? 1, output })));
  });
}

async function main(): Promise<void> {
  const { selected, strykerOptions } = parseArguments(process.argv.slice(2));
  const everything = selected.length === domains().length;
  const mutate = everything ? [] : ['--mutate', selected.flatMap(mutatePatterns).join(',')];
  const started = performance.now();
  const { code, output } = await runStryker([...mutate, ...strykerOptions]);
  const minutes = (performance.now() - started) / 60_000;
  if (code !== 0) throw new Error(`Stryker failed (exit ${code}); its output is in ${LOG}`);

  const report = JSON.parse(readFileSync(REPORT, 'utf8')) as MutationReport & { performance?: { mutation: number } };
  const errors = schemaErrors(report);
  if (errors.length) throw new Error(`${REPORT} does not keep the mutation-testing-report schema:\n${errors.join('\n')}`);

  const inScope = Object.entries(report.files).filter(([file]) => selected.includes(domainOf(file))).flatMap(([, file]) => file.mutants);
  const reused = Number(/Result:\s+(\d+) of \d+ mutant result/.exec(output)?.[1] ?? 0);
  const tested = inScope.filter((mutant) => mutant.status !== 'Ignored').length - reused;
  const mutationMinutes = (report.performance?.mutation ?? minutes * 60_000) / 60_000;
  const budget = budgetMinutes(selected);

  console.log(`\n${REPORT} keeps the mutation-testing-report schema.`);
  console.log('domain           score   detected  undetected  ignored  invalid');
  for (const score of domainScores(report)) {
    const mark = score.domain === 'all' || selected.includes(score.domain) ? ' ' : '*';
    console.log(`${`${score.domain}${mark}`.padEnd(16)} ${(score.score === null ? '-' : score.score.toFixed(2)).padStart(6)}  ${String(score.detected).padStart(8)}  ${String(score.undetected).padStart(10)}  ${String(score.ignored).padStart(7)}  ${String(score.invalid).padStart(7)}`);
  }
  console.log('(* from the incremental baseline: not re-tested in this run)');
  console.log(`${tested} mutants tested (${reused} reused from the baseline) in ${minutes.toFixed(1)} min: ${mutationMinutes > 0 ? (tested / mutationMinutes).toFixed(1) : '-'} mutants per minute of mutation testing.`);
  console.log(minutes <= budget ? `Within the budget of ${budget} min.` : `Over the budget of ${budget} min by ${(minutes - budget).toFixed(1)} min.`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
