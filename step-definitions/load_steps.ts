import { Before, Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { baselineFigures, startBaseline } from '../support/load/baseline';
import { checkLoad, latencyBound, percentOf } from '../support/load/check';
import { answersPerProcessorSecond, figures, runLoad, runSideBySide, type LoadFigures, type LoadOptions } from '../support/load/driver';
import { gatewayRuns, loadSeries, recordLoad, type LoadSeries } from '../support/load/record';
import { interleaved, ROUNDS } from '../support/load/rounds';
import { expectData } from '../support/checks/answers';
import { BrowseLibrary, libraryKey } from '../support/tasks/browse-library';
import type { MediaNestWorld } from '../support/world';

const SECONDS = 3;
/**
 * A comparison's runs, warm-ups included, with room to spare: each run forks a driver process,
 * which on a busy machine took a second or more, so the spare is generous. Not a bound on figures.
 */
const COMPARISON_TIMEOUT_MS = 4 * (ROUNDS + 1) * (SECONDS + 1) * 1000 + 60_000;
/** The baseline's first round, measured by a Given moments before the When measures the rest. */
const FIRST_BASELINE = 'load: baseline first round';

const bearer = (world: MediaNestWorld, name: string) => ({ authorization: `Bearer ${world.actor(name).signedIn().token}` });
/** As fast as the route answers: how much processor time each answer takes, at its cheapest. */
const flatOut = (connections: number, seconds: number): Omit<LoadOptions, 'url'> => ({ connections, durationSeconds: seconds, warmupSeconds: 1 });
/**
 * A load at a steady pace, well under what either side can serve on a busy machine, for latency:
 * flat out, every answer waits in one queue behind all the others, so latency measures the queue
 * (and how the machine's cores were shared out), not the route.
 */
const paced = (connections: number, requestsPerSecond: number, seconds: number): Omit<LoadOptions, 'url'> => ({ connections, requestsPerSecond, durationSeconds: seconds, warmupSeconds: 1 });

Before({ tags: '@load' }, function (this: MediaNestWorld) {
  // capacity is judged by the processor time of the suite's process, which serves the gateway only when it is embedded
  assert.equal(this.target.kind, 'embedded', 'load scenarios measure a gateway embedded in the suite\'s process');
  this.env.LOG_LEVEL = 'warn'; // two log lines per request would measure the logger, not the gateway
  this.env.RATE_LIMIT_USER_PER_MINUTE = '1000000'; // one person's load must measure the route, not the limit
});

Given('each signed-in person may make {int} requests a minute', function (this: MediaNestWorld, limit: number) {
  this.env.RATE_LIMIT_USER_PER_MINUTE = String(limit);
});

Given('the bare baseline route has been measured at {int} connections', async function (this: MediaNestWorld, connections: number) {
  this.remember(FIRST_BASELINE, await baselineFigures(flatOut(connections, SECONDS)));
});

Given('{persona} has opened the Movies library once', async function (this: MediaNestWorld, name: string) {
  expectData(await BrowseLibrary.look(this, name, 'the library', 'Movies'));
});

Given('a bare route answering the same bytes has been measured at {int} connections', async function (this: MediaNestWorld, connections: number) {
  this.remember('load: baseline body', this.lastExchange.response.text);
  this.remember(FIRST_BASELINE, await baselineFigures(flatOut(connections, SECONDS), this.lastExchange.response.text));
});

When('{int} clients call the liveness check for {int} seconds', { timeout: COMPARISON_TIMEOUT_MS }, async function (this: MediaNestWorld, connections: number, seconds: number) {
  const load: LoadOptions = { url: `${await this.gatewayUrl()}/api/v1/health`, ...flatOut(connections, seconds) };
  recordLoad(this, 'Liveness check against the baseline', await capacityRounds(this, load));
});

When('{int} clients read {persona}\'s Movies library for {int} seconds flat out, then at {int} requests a second beside the bare route', { timeout: COMPARISON_TIMEOUT_MS }, async function (this: MediaNestWorld, connections: number, name: string, seconds: number, rate: number) {
  const reads = { url: `${await this.gatewayUrl()}/api/v1/plex/libraries/${libraryKey('Movies')}/items`, headers: bearer(this, name) };
  const body = this.recall<string>('load: baseline body');
  const capacity = await capacityRounds(this, { ...reads, ...flatOut(connections, seconds) }, body);
  recordLoad(this, 'Cached library reads against the baseline', [...capacity, ...(await besideBareRoute({ ...reads, ...paced(connections, rate, seconds) }, body))]);
});

When('{int} clients search for films as {persona} at {int} requests a second for {int} seconds, beside the same load on a bare route', { timeout: COMPARISON_TIMEOUT_MS }, async function (this: MediaNestWorld, connections: number, name: string, rate: number, seconds: number) {
  const load: LoadOptions = { url: `${await this.gatewayUrl()}/api/v1/media/search?query=Matrix`, ...paced(connections, rate, seconds), headers: bearer(this, name) };
  recordLoad(this, 'Searches while Overseerr\'s circuit is open, beside a bare route', await besideBareRoute(load));
});

// Sent once, side by side with the same burst to a bare route: a second burst would find the limit spent.
When('{persona} sends {int} requests for his session at once over {int} connections, beside the same burst to a bare route', { timeout: COMPARISON_TIMEOUT_MS }, async function (this: MediaNestWorld, name: string, amount: number, connections: number) {
  const load: LoadOptions = { url: `${await this.gatewayUrl()}/api/v1/auth/session`, connections, amount, headers: bearer(this, name) };
  recordLoad(this, 'A burst of twice the limit, beside a bare route', await besideBareRoute(load));
});

When('the suite\'s driver and the autocannon command line each load the baseline route', { timeout: COMPARISON_TIMEOUT_MS }, async function (this: MediaNestWorld) {
  const baseline = await startBaseline();
  try {
    const drive = () => runLoad({ url: baseline.url, connections: 50, durationSeconds: SECONDS, warmupSeconds: 1 });
    const [driver, cli] = await interleaved(await drive(), drive, () => autocannonCommandLine(baseline.url, 50, SECONDS), (f) => f.requestsPerSecond);
    recordLoad(this, 'The in-suite driver against the autocannon command line', [
      { name: 'in-suite driver', figures: driver.best, rounds: driver.rounds },
      { name: 'command line', figures: cli.best, rounds: cli.rounds },
    ]);
  } finally {
    await baseline.close();
  }
});

Then('no call failed', function (this: MediaNestWorld) {
  for (const [run, gateway] of gatewayRuns(this).entries()) {
    const where = `run ${run + 1}: `;
    assert.equal(gateway.errors, 0, `${where}connection errors`);
    assert.equal(gateway.timeouts, 0, `${where}timeouts`);
    assert.deepEqual(Object.keys(gateway.statuses).filter((status) => !status.startsWith('2')), [], `${where}answers by status: ${JSON.stringify(gateway.statuses)}`);
  }
});

Then('exactly {int} are answered and {int} are told to retry later', function (this: MediaNestWorld, admitted: number, refused: number) {
  const { statuses, errors } = loadSeries(this, 'gateway beside').figures;
  assert.equal(errors, 0);
  assert.deepEqual(statuses, { '200': admitted, '429': refused });
});

Then('every answer said the service is unavailable', function (this: MediaNestWorld) {
  for (const [run, { statuses, errors, timeouts }] of gatewayRuns(this).entries()) {
    assert.equal(errors + timeouts, 0, `run ${run + 1}: connection errors and timeouts`);
    assert.deepEqual(Object.keys(statuses), ['503'], `run ${run + 1}: answers by status: ${JSON.stringify(statuses)}`);
  }
});

Then('Plex was asked for the Movies library once in all', function (this: MediaNestWorld) {
  assert.equal(BrowseLibrary.plexCalls(this, `/library/sections/${libraryKey('Movies')}/all`), 1);
});

Then('the gateway answers at least {int}% as many calls per second of processor time as the bare route', function (this: MediaNestWorld, percent: number) {
  const rounds = (name: string) => loadSeries(this, name).rounds!;
  const [gateway, baseline] = [answersPerProcessorSecond(rounds('gateway')), answersPerProcessorSecond(rounds('baseline'))];
  checkLoad(this, 'gateway answers per processor second against the bare route\'s', percentOf(gateway, baseline), 'at least', percent, '%', `${gateway} against ${baseline} answers per processor second`);
});

Then('the slowest answers took no longer than {int} times the bare route\'s slowest, or {int} ms, whichever is more', function (this: MediaNestWorld, times: number, floorMs: number) {
  checkLatency(this, 'p99', times, floorMs);
});

Then('the typical answer took no longer than {int} times the bare route\'s, or {int} ms, whichever is more', function (this: MediaNestWorld, times: number, floorMs: number) {
  checkLatency(this, 'p50', times, floorMs);
});

Then('the driver reaches at least {int}% of the command line\'s throughput', function (this: MediaNestWorld, percent: number) {
  const [driver, cli] = [loadSeries(this, 'in-suite driver').figures, loadSeries(this, 'command line').figures];
  checkLoad(this, 'in-suite driver throughput against the command line\'s', percentOf(driver.requestsPerSecond, cli.requestsPerSecond), 'at least', percent, '%', `${driver.requestsPerSecond} against ${cli.requestsPerSecond} req/s, best of ${ROUNDS} rounds each`);
});

/**
 * The gateway's rounds interleaved with a bare route's (the Given measured its first): capacity is
 * judged over all of each side's rounds; the best by throughput is the one charted.
 */
async function capacityRounds(world: MediaNestWorld, load: LoadOptions, body?: string): Promise<LoadSeries[]> {
  const [baseline, gateway] = await interleaved(world.recall<LoadFigures>(FIRST_BASELINE), () => baselineFigures(load, body), () => runLoad(load), (f) => f.requestsPerSecond);
  return [
    { name: 'baseline', figures: baseline.best, rounds: baseline.rounds },
    { name: 'gateway', figures: gateway.best, rounds: gateway.rounds },
  ];
}

/** A percentile of the gateway's latency against a multiple of the bare route's beside it, never below the floor. */
function checkLatency(world: MediaNestWorld, percentile: 'p50' | 'p99', times: number, floorMs: number): void {
  const [gateway, baseline] = [loadSeries(world, 'gateway beside').figures.latencyMs[percentile], loadSeries(world, 'bare route beside').figures.latencyMs[percentile]];
  checkLoad(world, `gateway ${percentile} latency against the bare route's beside it`, gateway, 'at most', latencyBound(baseline, times, floorMs), 'ms', `bare route ${percentile} ${baseline} ms, times ${times}, floor ${floorMs} ms`);
}

/** The gateway's load and the same load on a bare route (answering `body`, if given), at the same moment. */
async function besideBareRoute(load: LoadOptions, body?: string): Promise<LoadSeries[]> {
  const bare = await startBaseline(body);
  try {
    const [baseline, gateway] = await runSideBySide({ ...load, url: bare.url, headers: undefined }, load);
    return [
      { name: 'bare route beside', figures: baseline },
      { name: 'gateway beside', figures: gateway },
    ];
  } finally {
    await bare.close();
  }
}

/** autocannon as a separate process, the way people run it by hand. */
function autocannonCommandLine(url: string, connections: number, seconds: number): Promise<LoadFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve('autocannon/autocannon.js'), '--json', '-c', String(connections), '-d', String(seconds), url], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve(figures(JSON.parse(output)));
      } catch (error) {
        reject(error);
      }
    });
  });
}
