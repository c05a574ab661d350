/**
 * `npm run load-proof -- N [--hog]`: the load profile N times in a row, with --hog beside a busy
 * loop taking one core. Keeps each run's messages and output in reports/load-proof/, prints each
 * run and, per comparison, the range of what was measured against its threshold, and writes it
 * all to reports/load-proof/<alone|hog>.json. Exits non-zero unless every run passed.
 */
import { writeFileSync } from 'node:fs';
import { startCpuHog } from './cpu-hog';
import { runCucumber, type CucumberRun } from './cucumber-run';

const FOLDER = 'reports/load-proof';

async function main(): Promise<void> {
  const runs = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 10);
  const mode = process.argv.includes('--hog') ? 'hog' : 'alone';
  const hog = mode === 'hog' ? startCpuHog() : undefined;
  if (hog) console.log(`a busy loop takes one core (pid ${hog.pid})`);
  const results: CucumberRun[] = [];
  try {
    for (let i = 1; i <= runs; i++) {
      const run = await runCucumber(['-p', 'load'], `${FOLDER}/${mode}-run-${i}.ndjson`);
      results.push(run);
      const failed = run.scenarios.filter((scenario) => !scenario.passed);
      console.log(`run ${i}/${runs}: ${run.code === 0 ? 'passed' : 'FAILED'}, ${run.scenarios.length - failed.length} of ${run.scenarios.length} scenarios in ${run.seconds} s`);
      for (const scenario of failed) console.log(`  ${scenario.scenario}: ${scenario.message}`);
    }
  } finally {
    hog?.stop();
  }
  const checks = summariseChecks(results);
  for (const line of checks) console.log(line);
  const passed = results.filter((run) => run.code === 0).length;
  writeFileSync(`${FOLDER}/${mode}.json`, `${JSON.stringify({ mode, runs, passed, checks, results: results.map(({ code, seconds, scenarios, checks: c }) => ({ code, seconds, scenarios, checks: c })) }, null, 2)}\n`);
  console.log(`load-proof (${mode}): ${runs} runs, ${passed} passed, ${runs - passed} failed`);
  process.exit(passed === runs ? 0 : 1);
}

/** Per comparison, over every run: the measured range against the threshold range. */
function summariseChecks(runs: CucumberRun[]): string[] {
  const byCheck = new Map<string, Array<{ measured: number; threshold: number }>>();
  for (const { checks } of runs) {
    for (const { scenario, check, measured, threshold, unit } of checks) {
      const key = `${scenario.replace(/^.*?:\d+ /, '')}: ${check} (${unit})`;
      byCheck.set(key, [...(byCheck.get(key) ?? []), { measured, threshold }]);
    }
  }
  const range = (values: number[]) => `${Math.min(...values)}..${Math.max(...values)}`;
  return [...byCheck].map(([key, values]) => `  ${key}: measured ${range(values.map((v) => v.measured))}, threshold ${range(values.map((v) => v.threshold))}`);
}

void main();
