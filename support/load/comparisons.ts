import { spawn } from 'node:child_process';
import { API_BASE_PATH } from '../api/medianest-api';
import { libraryKey } from '../tasks/browse-library';
import type { MediaNestWorld } from '../world';
import { baselineFigures, startBaseline } from './baseline';
import { figures, runBurstsSideBySide, runLoad, runSideBySide, type LoadFigures, type LoadOptions } from './driver';
import './load-notes';
import { recordLoad, type LoadSeries } from './record';
import { interleaved, ROUNDS } from './rounds';

export const SECONDS = 3;
/**
 * A comparison's runs, warm-ups included, with room to spare: each run forks a driver process,
 * which on a busy machine took a second or more, so the spare is generous. Not a bound on figures.
 */
export const COMPARISON_TIMEOUT_MS = 4 * (ROUNDS + 1) * (SECONDS + 1) * 1000 + 60_000;

const bearer = (world: MediaNestWorld, name: string) => ({ authorization: `Bearer ${world.actor(name).signedIn().token}` });
const urlOf = async (world: MediaNestWorld, path: string) => `${await world.gatewayUrl()}${API_BASE_PATH}${path}`;
/** As fast as the route answers: how much processor time each answer takes, at its cheapest. */
export const flatOut = (connections: number, seconds: number): Omit<LoadOptions, 'url'> => ({ connections, durationSeconds: seconds, warmupSeconds: 1 });
/**
 * A load at a steady pace, well under what either side can serve on a busy machine, for latency:
 * flat out, every answer waits in one queue behind all the others, so latency measures the queue
 * (and how the machine's cores were shared out), not the route.
 */
const paced = (connections: number, requestsPerSecond: number, seconds: number): Omit<LoadOptions, 'url'> => ({ connections, requestsPerSecond, durationSeconds: seconds, warmupSeconds: 1 });

/** The load scenarios' runs: each measures the gateway beside a bare route and records the figures. */
export const LoadRuns = {
  /** The bare route's first round, measured moments before the When measures the rest; answering `body` if given. */
  async measureBaseline(world: MediaNestWorld, connections: number, body?: string): Promise<void> {
    Object.assign(world.notes.load, { baselineBody: body, firstBaseline: await baselineFigures(flatOut(connections, SECONDS), body) });
  },

  async liveness(world: MediaNestWorld, connections: number, seconds: number): Promise<void> {
    const load = { url: await urlOf(world, '/health'), ...flatOut(connections, seconds) };
    recordLoad(world, 'Liveness check against the baseline', await capacityRounds(world, load));
  },

  async cachedLibraryReads(world: MediaNestWorld, name: string, connections: number, seconds: number, rate: number): Promise<void> {
    const reads = { url: await urlOf(world, `/plex/libraries/${libraryKey('Movies')}/items`), headers: bearer(world, name) };
    const body = world.notes.load.baselineBody;
    const capacity = await capacityRounds(world, { ...reads, ...flatOut(connections, seconds) }, body);
    recordLoad(world, 'Cached library reads against the baseline', [...capacity, ...(await besideBareRoute({ ...reads, ...paced(connections, rate, seconds) }, body))]);
  },

  async searches(world: MediaNestWorld, name: string, connections: number, rate: number, seconds: number): Promise<void> {
    const load: LoadOptions = { url: await urlOf(world, '/media/search?query=Matrix'), ...paced(connections, rate, seconds), headers: bearer(world, name) };
    recordLoad(world, "Searches while Overseerr's circuit is open, beside a bare route", await besideBareRoute(load));
  },

  /**
   * Sent once, side by side with the same burst to a bare route: a second burst would find the
   * limit spent. Both over connections opened first (on liveness, which the limit does not count),
   * so the slowest answers measure what each server does with a request, not how it accepts
   * connections (support/load/burst-process.js).
   */
  async sessionBurst(world: MediaNestWorld, name: string, amount: number, connections: number): Promise<void> {
    const bare = await startBaseline();
    try {
      const burst = { connections, amount };
      const [baseline, gateway] = await runBurstsSideBySide(
        { ...burst, url: bare.url, openUrl: bare.url },
        { ...burst, url: await urlOf(world, '/auth/session'), openUrl: await urlOf(world, '/health'), headers: bearer(world, name) },
      );
      recordLoad(world, 'A burst of twice the limit over open connections, beside a bare route', [
        { name: 'bare route beside', figures: baseline },
        { name: 'gateway beside', figures: gateway },
      ]);
    } finally {
      await bare.close();
    }
  },

  /** The suite's driver and the autocannon command line, each loading the baseline route in turn. */
  async driverAgainstCommandLine(world: MediaNestWorld): Promise<void> {
    const baseline = await startBaseline();
    try {
      const drive = () => runLoad({ url: baseline.url, connections: 50, durationSeconds: SECONDS, warmupSeconds: 1 });
      const [driver, cli] = await interleaved(await drive(), drive, () => autocannonCommandLine(baseline.url, 50, SECONDS), (f) => f.requestsPerSecond);
      recordLoad(world, 'The in-suite driver against the autocannon command line', [
        { name: 'in-suite driver', figures: driver.best, rounds: driver.rounds },
        { name: 'command line', figures: cli.best, rounds: cli.rounds },
      ]);
    } finally {
      await baseline.close();
    }
  },
};

/**
 * The gateway's rounds interleaved with a bare route's (the Given measured its first): capacity is
 * judged over all of each side's rounds; the best by throughput is the one charted.
 */
async function capacityRounds(world: MediaNestWorld, load: LoadOptions, body?: string): Promise<LoadSeries[]> {
  const first = world.notes.load.firstBaseline;
  if (!first) throw new Error('the bare route was not measured first');
  const [baseline, gateway] = await interleaved(first, () => baselineFigures(load, body), () => runLoad(load), (f) => f.requestsPerSecond);
  return [
    { name: 'baseline', figures: baseline.best, rounds: baseline.rounds },
    { name: 'gateway', figures: gateway.best, rounds: gateway.rounds },
  ];
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
