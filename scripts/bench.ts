/**
 * `npm run bench`: how fast the suite itself is, printed and written to reports/bench.json.
 * - cold start: loading the suite and running no scenario;
 * - gateway start-up: the median time to build and start a fresh gateway, in-process and spawned;
 * - whole suite: the default profile's wall time and scenario count;
 * - load: the figures every load scenario measured (the load profile).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { buildGateway } from '../gateway/src/app';
import { readConfig } from '../gateway/src/config';
import { compiledGatewayMain } from '../support/target/compiled-gateway';
import { LOAD_FIGURES_FILE } from '../support/load/record';

const CUCUMBER = ['node_modules/@cucumber/cucumber/bin/cucumber.js'];

function timed(args: string[]): { seconds: number; output: string } {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { seconds: (performance.now() - started) / 1000, output: `${run.stdout}${run.stderr}` };
}

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

async function main(): Promise<void> {
  mkdirSync('reports', { recursive: true });
  const cold = timed([...CUCUMBER, '--tags', '@wip and not @wip', '--format', 'summary']);
  const embedded = await embeddedStartups(21);
  const spawned = await spawnedStartups(5);
  const suite = timed([...CUCUMBER, '--format', 'summary']);
  rmSync(LOAD_FIGURES_FILE, { force: true });
  const load = timed([...CUCUMBER, '-p', 'load', '--format', 'summary']);
  const bench = {
    machine: { cores: cpus().length, cpu: cpus()[0]?.model.trim(), node: process.version },
    coldStartSeconds: Math.round(cold.seconds * 100) / 100,
    gatewayStartupMs: { embeddedMedian: median(embedded), spawnedMedian: median(spawned) },
    wholeSuite: { seconds: Math.round(suite.seconds * 10) / 10, summary: /^\d+ scenarios.*$/m.exec(suite.output)?.[0] ?? suite.output.slice(-500) },
    load: {
      seconds: Math.round(load.seconds * 10) / 10,
      summary: /^\d+ scenarios.*$/m.exec(load.output)?.[0] ?? load.output.slice(-500),
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
