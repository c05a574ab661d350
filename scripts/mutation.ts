/**
 * `npm run mutation [-- <domain>...] [-- stryker options]`: Stryker mutates gateway/src and the
 * scenarios of the `mutation` profile try to notice each mutant (stryker.config.json,
 * gateway/MUTATION.md). One Stryker run per domain (scripts/mutation/domains.ts), one after
 * another, each re-testing only what changed since its incremental baseline
 * (gateway/mutation-baseline/<domain>.json). Then every domain's baseline is merged into
 * reports/mutation/mutation.json (checked against the mutation-testing-report schema) and
 * reports/mutation/mutation.html. Options starting with "-" go to Stryker (--force, --concurrency 1),
 * but for `--merge-only`, which runs no Stryker and only merges the committed baselines.
 * Prints each domain's time against its budget, the mutants tested per minute, and the scores.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { domainScores, schemaErrors } from '../support/report/mutation-scores';
import { baselineFile, BASELINES, budgetMinutes, cucumberProfile, domains, mutatePatterns, owns, scenariosFirst } from './mutation/domains';
import { mergeBaselines, writeMergedReport } from './mutation/merged-report';

const CONFIG = 'stryker.config.json';
const REPORT = 'reports/mutation/mutation.json';
const HTML = 'reports/mutation/mutation.html';
const MERGE_ONLY = '--merge-only';

function parseArguments(argv: string[]): { selected: string[]; strykerOptions: string[] } {
  const known = domains();
  const firstOption = argv.findIndex((arg) => arg.startsWith('-'));
  const names = firstOption === -1 ? argv : argv.slice(0, firstOption);
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length) throw new Error(`unknown domain ${unknown.join(', ')}: the domains are ${known.join(', ')}`);
  return { selected: names.length ? names : known, strykerOptions: firstOption === -1 ? [] : argv.slice(firstOption) };
}

/** Runs Stryker, echoing its output and keeping it in reports/mutation/<domain>.log. */
function runStryker(domain: string, args: string[]): Promise<{ code: number; output: string }> {
  mkdirSync('reports/mutation', { recursive: true });
  const log = createWriteStream(`reports/mutation/${domain}.log`);
  const env = { ...process.env, MUTATION_SCENARIOS_FIRST: scenariosFirst(domain) };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/@stryker-mutator/core/bin/stryker.js', 'run', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
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

/**
 * Stryker's configuration file for a domain: stryker.config.json itself, or for a domain whose
 * scenarios run with another Cucumber profile (shared-stores), a copy naming that profile in
 * reports/mutation/ (Stryker has no command-line option for the runner's profile).
 */
function configFor(domain: string): string {
  const config = JSON.parse(readFileSync(CONFIG, 'utf8')) as { cucumber: { profile: string } };
  const profile = cucumberProfile(domain);
  if (config.cucumber.profile === profile) return CONFIG;
  const file = `reports/mutation/stryker-${domain}.config.json`;
  mkdirSync('reports/mutation', { recursive: true });
  writeFileSync(file, JSON.stringify({ ...config, $schema: undefined, cucumber: { ...config.cucumber, profile } }, null, 2));
  return file;
}

/**
 * Stryker's incremental mode compares the mutated code and the feature files, not the steps and
 * support code that do the checking: after a check got sharper, a mutant it now kills keeps its old
 * verdict. Says so when support/ or step-definitions/ changed since the baseline was committed.
 */
function staleVerdictsWarning(domain: string): string | undefined {
  const git = (...args: string[]) => spawnSync('git', args, { encoding: 'utf8' });
  const commit = git('log', '-1', '--format=%h', '--', baselineFile(domain)).stdout?.trim();
  if (!commit) return undefined; // no git, or a baseline not committed yet
  const changed = git('diff', '--name-only', commit, '--', 'support', 'step-definitions').stdout?.trim().split('\n').filter(Boolean) ?? [];
  if (!changed.length) return undefined;
  return `${domain}: ${changed.length} files of support/ and step-definitions/ changed since its baseline (${commit}), which Stryker does not see: mutants whose scenarios check more now keep their old verdicts; --force re-tests them`;
}

async function mutateDomain(domain: string, strykerOptions: string[]): Promise<string> {
  const stale = strykerOptions.includes('--force') ? undefined : staleVerdictsWarning(domain);
  if (stale) console.log(`note: ${stale}`);
  const started = performance.now();
  const { code, output } = await runStryker(domain, [configFor(domain), '--mutate', mutatePatterns(domain).join(','), '--incrementalFile', baselineFile(domain), ...strykerOptions]);
  const minutes = (performance.now() - started) / 60_000;
  if (code !== 0) throw new Error(`Stryker failed on ${domain} (exit ${code}); its output is in reports/mutation/${domain}.log`);
  // "Result: 3731 of 3965 mutant result(s)" after the dry run: results reused from the baseline
  const reused = /Result:\s+(\d+) of (\d+) mutant result/.exec(output);
  // the progress lines end with "435/454 tested": the last says how many were run
  const tested = Number([...output.matchAll(/(\d+)\/\d+ tested/g)].at(-1)?.[1] ?? 0);
  const mutationPhase = /Initial test run succeeded[\s\S]*?Done in (.+)\./.exec(output)?.[1] ?? '?';
  const budget = budgetMinutes(domain);
  return `${domain}: ${minutes.toFixed(1)} min (budget ${budget}${minutes > budget ? `, over by ${(minutes - budget).toFixed(1)}` : ''}), ${tested} mutants tested, ${reused?.[1] ?? 0} reused from the baseline: ${minutes > 0 ? (tested / minutes).toFixed(1) : '-'} mutants per minute (Stryker: done in ${mutationPhase})${stale ? `\n  note: ${stale}` : ''}`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  // `--merge-only`: no Stryker run, only the committed baselines merged into reports/mutation/ (npm test does it for the living documentation)
  const mergeOnly = argv.includes(MERGE_ONLY);
  const { selected, strykerOptions } = parseArguments(argv.filter((arg) => arg !== MERGE_ONLY));
  const lines: string[] = [];
  if (!mergeOnly) for (const domain of selected) lines.push(await mutateDomain(domain, strykerOptions));

  const report = mergeBaselines(BASELINES, owns);
  const errors = schemaErrors(report);
  if (errors.length) throw new Error(`the merged report does not keep the mutation-testing-report schema:\n${errors.join('\n')}`);
  writeMergedReport(report, REPORT, HTML);

  if (lines.length) console.log(`\n${lines.join('\n')}`);
  console.log(`\n${REPORT} (and ${HTML}) keeps the mutation-testing-report schema: every domain tested so far.`);
  console.log('domain           score   detected  undetected  ignored  invalid');
  for (const score of domainScores(report)) {
    const mark = score.domain === 'all' || (!mergeOnly && selected.includes(score.domain)) ? ' ' : '*';
    console.log(`${`${score.domain}${mark}`.padEnd(16)} ${(score.score === null ? '-' : score.score.toFixed(2)).padStart(6)}  ${String(score.detected).padStart(8)}  ${String(score.undetected).padStart(10)}  ${String(score.ignored).padStart(7)}  ${String(score.invalid).padStart(7)}`);
  }
  console.log('(* from its baseline, not run now)');
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
