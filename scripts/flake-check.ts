/**
 * `npm run flake-check -- N`: the default suite N times serially and N times with `--parallel 2`,
 * all while a busy loop takes one core, so flaky scenarios show here before anyone else meets
 * them. Each run is the default profile as people run it (its report formatters, and so the
 * history the living documentation reads, see every run), plus a messages file of its own:
 * each run's messages and output are kept in reports/flake-check/. The verdict is computed from those messages files: a scenario
 * that failed in some runs and passed in others is flaky. Ends with
 * `flake-check: N runs, N failed, N flaky`, and exits non-zero unless every run passed.
 */
import { rmSync } from 'node:fs';
import { startCpuHog } from './cpu-hog';
import { runCucumber, type CucumberRun } from './cucumber-run';

const FOLDER = 'reports/flake-check';

async function main(): Promise<void> {
  const times = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 10);
  rmSync(FOLDER, { recursive: true, force: true });
  const hog = startCpuHog();
  console.log(`flake-check: the default suite ${times} times serially and ${times} times with --parallel 2, a busy loop taking one core (pid ${hog.pid})`);
  const runs: Array<CucumberRun & { name: string }> = [];
  try {
    for (const [mode, args] of [['serial', ['--parallel', '0']], ['parallel', ['--parallel', '2']]] as const) {
      for (let i = 1; i <= times; i++) {
        const name = `${mode}-${i}`;
        const run = { name, ...(await runCucumber([...args], `${FOLDER}/${name}.ndjson`)) };
        runs.push(run);
        const failed = run.scenarios.filter((scenario) => !scenario.passed).length;
        console.log(`${name.padEnd(12)} ${run.code === 0 ? 'passed' : `FAILED (exit ${run.code})`}  ${run.scenarios.length - failed} of ${run.scenarios.length} scenarios passed  ${run.seconds} s`);
      }
    }
  } finally {
    hog.stop();
  }
  const failedRuns = runs.filter((run) => run.code !== 0);
  const failing = failingScenarios(runs);
  // failing every time is a failure to fix, not a flake; both are listed with their messages
  const flaky = failing.filter(({ failures, outOf }) => failures.length < outOf);
  for (const { scenario, failures, outOf } of failing) {
    console.log(`\n${failures.length < outOf ? 'flaky' : 'failing'}: ${scenario} failed ${failures.length} of ${outOf} runs`);
    for (const { run, message } of failures) console.log(`  ${run}: ${message}`);
  }
  for (const run of failedRuns.filter((run) => !run.scenarios.some((scenario) => !scenario.passed))) {
    console.log(`\n${run.name} failed with no scenario failing: see ${run.outputFile}`);
  }
  console.log(`flake-check: ${runs.length} runs, ${failedRuns.length} failed, ${flaky.length} flaky`);
  process.exit(failedRuns.length ? 1 : 0);
}

/** Scenarios that failed in at least one run, with each failure's message, and how many runs ran them. */
function failingScenarios(runs: Array<CucumberRun & { name: string }>): Array<{ scenario: string; outOf: number; failures: Array<{ run: string; message: string }> }> {
  const byScenario = new Map<string, { outOf: number; failures: Array<{ run: string; message: string }> }>();
  for (const run of runs) {
    for (const { scenario, passed, message } of run.scenarios) {
      const entry = byScenario.get(scenario) ?? { outOf: 0, failures: [] };
      entry.outOf += 1;
      if (!passed) entry.failures.push({ run: run.name, message: message ?? 'failed' });
      byScenario.set(scenario, entry);
    }
  }
  return [...byScenario].filter(([, { failures }]) => failures.length > 0).map(([scenario, entry]) => ({ scenario, ...entry }));
}

void main();
