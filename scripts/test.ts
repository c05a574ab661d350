/**
 * `npm test`: every check of the project in order, one line each (name, result, counts, seconds),
 * then one closing line that sums scenarios and unit tests: `N passed, N failed`. Each check's
 * whole output is kept in reports/npm-test/<check>.log, and a failed check's is printed in full.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { postgresMissing } from '../support/servers/postgres-server';
import { redisMissing } from '../support/servers/redis-server';

interface Check {
  name: string;
  command: string[];
  /** Reads passed and failed counts from the output; checks without counts pass or fail as one. */
  count?: (output: string) => { passed: number; failed: number } | undefined;
  /** Added to the environment of the check. */
  env?: Record<string, string>;
  /** Why the check cannot run on this machine, in one line saying what to install; undefined when it can. */
  missing?: () => string | undefined;
}

const LOGS = 'reports/npm-test';
const cucumber = ['node', 'node_modules/@cucumber/cucumber/bin/cucumber.js'];
const tsNode = ['node', '-r', 'ts-node/register/transpile-only'];

const cucumberCounts = (output: string) => {
  const match = /^(\d+) scenarios? \(([^)]*)\)/m.exec(output);
  if (!match) return /^0 scenarios/m.test(output) ? { passed: 0, failed: 0 } : undefined;
  const count = (status: string) => Number(new RegExp(`(\\d+) ${status}`).exec(match[2]!)?.[1] ?? 0);
  return { passed: count('passed'), failed: Number(match[1]) - count('passed') - count('skipped') };
};

const unitCounts = (output: string) => {
  const passed = /^# pass (\d+)/m.exec(output);
  const failed = /^# fail (\d+)/m.exec(output);
  return passed && failed ? { passed: Number(passed[1]), failed: Number(failed[1]) } : undefined;
};

const CHECKS: Check[] = [
  { name: 'typecheck', command: ['node', 'node_modules/typescript/bin/tsc', '--noEmit', '-p', '.'] },
  { name: 'gherkin lint', command: [...tsNode, 'scripts/lint-gherkin.ts'] },
  { name: 'openapi lint', command: [...tsNode, 'scripts/lint-openapi.ts'] },
  { name: 'unit tests', command: [...tsNode, '--test', '--test-reporter=tap', ...unitTestFiles()], count: unitCounts },
  // the fakes against the recorded upstreams, and the gateway's clients against the recordings (nock)
  { name: 'check-fakes', command: [...tsNode, 'scripts/upstream-recordings/check-fakes.ts'] },
  { name: 'spawned smoke', command: [...cucumber, '-p', 'spawned', '--tags', '@smoke', '--format', 'summary'], count: cucumberCounts },
  // the mutation baselines of gateway/mutation-baseline/ merged into reports/mutation/mutation.json, whose scores the living documentation shows
  { name: 'mutation scores', command: [...tsNode, 'scripts/mutation.ts', '--merge-only'] },
  { name: 'acceptance suite', command: [...cucumber, '-p', 'ci'], count: cucumberCounts },
  // two gateway instances on a real PostgreSQL and Redis (support/target/cluster.ts): the @cluster scenarios only
  { name: 'cluster', command: [...cucumber, '-p', 'cluster', '--tags', '@cluster', '--format', 'summary'], count: cucumberCounts, missing: () => postgresMissing() ?? redisMissing() },
  // a short fuzz: 20 generated requests per operation (the fuzz profile runs 100)
  { name: 'fuzz (short)', command: [...cucumber, '-p', 'fuzz', '--format', 'summary'], env: { FUZZ_RUNS: '20' }, count: cucumberCounts },
];

/** The gateway's unit tests and every folder of test/ (the API client's, the report's, sharding's, check-fakes'). */
function unitTestFiles(): string[] {
  return ['gateway/test', ...readdirSync('test').map((folder) => `test/${folder}`)].flatMap((dir) =>
    readdirSync(dir).filter((file) => file.endsWith('.test.ts')).sort().map((file) => `${dir}/${file}`),
  );
}

function run(check: Check): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(check.command[0]!, check.command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...check.env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

async function main(): Promise<void> {
  let passed = 0;
  let failed = 0;
  const failures: string[] = [];
  const started = performance.now();
  mkdirSync(LOGS, { recursive: true });
  for (const check of CHECKS) {
    const missing = check.missing?.();
    if (missing) {
      process.stdout.write(`${check.name.padEnd(17)} ${'skipped'.padEnd(16)} ${missing}\n`);
      continue;
    }
    const checkStarted = performance.now();
    const { code, output } = await run(check);
    const log = `${LOGS}/${check.name.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '')}.log`;
    writeFileSync(log, output);
    const counts = check.count?.(output);
    if (counts) {
      passed += counts.passed;
      failed += counts.failed;
    }
    const ok = code === 0 && !(counts && counts.failed > 0) && !(check.count && !counts);
    if (!ok) {
      failures.push(check.name);
      // a check that failed without reporting a failed test (a crash, a type error) still counts once
      if (!counts?.failed) failed += 1;
      process.stdout.write(`\n=== ${check.name} failed; its whole output (also in ${log}):\n${output}\n`);
    }
    const tally = counts ? `${counts.passed} passed, ${counts.failed} failed` : '';
    const seconds = `${((performance.now() - checkStarted) / 1000).toFixed(1)} s`;
    process.stdout.write(`${check.name.padEnd(17)} ${(ok ? 'ok' : `FAILED (exit ${code})`).padEnd(16)} ${tally.padEnd(22)} ${seconds.padStart(7)}  ${log}\n`);
    // a test skipped for want of something on the machine says, in one line, what to install
    for (const reason of new Set(output.match(/(?<=# SKIP ).+/g) ?? [])) process.stdout.write(`${''.padEnd(18)}skipped: ${reason}\n`);
  }
  process.stdout.write(`\n${failures.length ? `failed checks: ${failures.join(', ')}` : 'all checks passed'} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  process.exit(failures.length ? 1 : 0);
}

void main();
