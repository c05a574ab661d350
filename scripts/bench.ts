/**
 * `npm run bench`: how fast the suite itself is, printed and written to reports/bench.json.
 * - cold start: loading the suite and running no scenario;
 * - gateway start-up: the median time to build and start a fresh gateway, in-process and spawned;
 * - floor: as many trivial three-step scenarios as the suite runs, through the same runner and
 *   report formats (scripts/bench/floor/), the median of three runs;
 * - whole suite: the default profile's wall time (two workers, as `npx cucumber-js` runs it) and
 *   scenario count, and `suiteToFloorRatio`;
 * - load: the figures every load scenario measured (the load profile).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { buildGateway } from '../gateway/src/app';
import { readConfig } from '../gateway/src/config';
import { compiledGatewayMain } from '../support/target/compiled-gateway';
import { LOAD_FIGURES_FILE } from '../support/load/record';
import { writeFloorFeatures } from './bench/floor/features';

const CUCUMBER = ['node_modules/@cucumber/cucumber/bin/cucumber.js'];
const FLOOR = [...CUCUMBER, '--config', 'scripts/bench/floor/cucumber.js'];
const FLOOR_FEATURES = 'reports/bench/floor/features';
const FLOOR_RUNS = 3;

interface Timed {
  seconds: number;
  /** CPU time the run used, its children included (Linux only: read from /proc). */
  cpuSeconds?: number;
  output: string;
}

function timed(args: string[]): Timed {
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = childrenCpuSeconds();
  const cpuSeconds = cpuBefore === undefined || cpuAfter === undefined ? undefined : round(cpuAfter - cpuBefore, 1);
  return { seconds, cpuSeconds, output: `${run.stdout}${run.stderr}` };
}

/** User and system CPU of the children this process has waited for (fields 16 and 17 of /proc/self/stat, in clock ticks of 1/100 s). */
function childrenCpuSeconds(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const summaryOf = (run: Timed) => /^\d+ scenarios.*$/m.exec(run.output)?.[0] ?? run.output.slice(-500);
const scenariosIn = (run: Timed) => Number(/^(\d+) scenarios?/m.exec(run.output)?.[1] ?? NaN);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10;
}

async function embeddedStartups(times: number): Promise<number[]> {
  const config = readConfig({ PORT: '0', DATABASE_PATH: ':memory:', LOG_LEVEL: 'warn', JWT_SECRET: 'x'.repeat(32), ENCRYPTION_KEY: 'y'.repeat(32) });
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    const gateway = await buildGateway(config, { logStream: { write: () => undefined } });
    samples.push(performance.now() - started);
    await gateway.close();
  }
  return samples.slice(1); // the first one compiles the schemas every later gateway reuses
}

async function spawnedStartups(times: number): Promise<number[]> {
  const main = compiledGatewayMain();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    const child = spawn(process.execPath, [main], { env: { PATH: process.env.PATH ?? '', PORT: '0', DATABASE_PATH: ':memory:', LOG_LEVEL: 'warn' } });
    await new Promise<void>((resolve) => child.stdout.on('data', (chunk) => String(chunk).includes('listening on') && resolve()));
    samples.push(performance.now() - started);
    child.kill();
    await new Promise((resolve) => child.once('exit', resolve));
  }
  return samples;
}

/**
 * The trivial-scenario floor: as many scenarios as the suite, the same runner and report formats,
 * steps that do nothing. The median of a few runs, since one run is only a couple of seconds.
 */
function floor(scenarios: number): { seconds: number; runs: number[]; cpuSeconds?: number; summary: string } {
  writeFloorFeatures(FLOOR_FEATURES, scenarios);
  const runs = Array.from({ length: FLOOR_RUNS }, () => timed(FLOOR));
  const ran = runs.map(scenariosIn);
  if (ran.some((count) => count !== scenarios)) throw new Error(`the floor ran ${ran.join(', ')} scenarios, not ${scenarios}:\n${runs[0]!.output.slice(-2000)}`);
  const middle = [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!;
  return { seconds: round(middle.seconds, 2), runs: runs.map((run) => round(run.seconds, 2)), cpuSeconds: middle.cpuSeconds, summary: summaryOf(middle) };
}

async function main(): Promise<void> {
  mkdirSync('reports', { recursive: true });
  const loadBefore = loadavg()[0]!;
  // The mutation profile loads the same support code with no report formats and no nothing-selected
  // plugin, so a run of no scenario leaves the reports of the last real run as they were.
  const cold = timed([...CUCUMBER, '-p', 'mutation', '--tags', '@wip and not @wip', '--format', 'summary']);
  const embedded = await embeddedStartups(21);
  const spawned = await spawnedStartups(5);
  // The default profile with its own report formats (progress, HTML, JUnit, messages), as `npx cucumber-js` runs it.
  const suite = timed([...CUCUMBER]);
  const scenarios = scenariosIn(suite);
  const trivial = floor(scenarios);
  rmSync(LOAD_FIGURES_FILE, { force: true });
  const load = timed([...CUCUMBER, '-p', 'load', '--format', 'summary']);
  const bench = {
    machine: { cores: cpus().length, cpu: cpus()[0]?.model.trim(), node: process.version, loadAverageAtStart: round(loadBefore, 2) },
    coldStartSeconds: round(cold.seconds, 2),
    gatewayStartupMs: { embeddedMedian: median(embedded), spawnedMedian: median(spawned) },
    floor: { scenarios, ...trivial },
    wholeSuite: { seconds: round(suite.seconds, 1), cpuSeconds: suite.cpuSeconds, summary: summaryOf(suite) },
    suiteToFloorRatio: round(suite.seconds / trivial.seconds, 1),
    load: {
      seconds: round(load.seconds, 1),
      summary: summaryOf(load),
      figures: readFigures(),
    },
  };
  writeFileSync('reports/bench.json', `${JSON.stringify(bench, null, 2)}\n`);
  console.log(JSON.stringify(bench, null, 2));
}

function readFigures(): unknown[] {
  try {
    return readFileSync(LOAD_FIGURES_FILE, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  } catch {
    return [];
  }
}

void main();
