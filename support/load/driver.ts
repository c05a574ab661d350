import type autocannon from 'autocannon';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { isLoopback } from '../upstreams/network-guard';

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  /** Bounded by time ... */
  durationSeconds?: number;
  /** ... or by a number of requests. */
  amount?: number;
  /** Open model: this many requests a second in all, whatever the answers' pace. */
  requestsPerSecond?: number;
  /** Run first and thrown away, so the figures are of a warm server. */
  warmupSeconds?: number;
}

export interface LoadFigures {
  requestsPerSecond: number;
  total: number;
  durationSeconds: number;
  latencyMs: { p50: number; p90: number; p97_5: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
  /**
   * Processor time (ms) the suite's own process spent while the load ran: the server's, since the
   * bare route and the embedded gateway are served in it. Unlike throughput, it hardly changes
   * when other processes take the cores, so capacity is judged by it. Absent for side-by-side runs.
   */
  serverProcessorMs?: number;
}

/**
 * Answers per second of the server's processor time over all the runs given: what the route could
 * serve with a core to itself. Summed over rounds rather than the best round, since one round's
 * few hundred milliseconds of processor time still carry the suite's own housekeeping.
 */
export function answersPerProcessorSecond(runs: LoadFigures[]): number {
  if (runs.some((run) => !run.serverProcessorMs)) throw new Error('a load run did not measure the server\'s processor time');
  const [answers, processorMs] = runs.reduce(([a, ms], run) => [a + run.total, ms + run.serverProcessorMs!], [0, 0]);
  return Math.round((answers * 1000) / processorMs);
}

/**
 * Drives load with autocannon, programmatically, from a child process: in a worker thread it halved
 * what an in-process server could serve, since the main thread relays the worker's bookkeeping.
 * Loopback only; bounded in time or count.
 */
export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  check(options);
  let before = process.cpuUsage();
  const { results } = await cannon(warmups([options]), [options], () => (before = process.cpuUsage()));
  const { user, system } = process.cpuUsage(before);
  return { ...figures(results[0]!), serverProcessorMs: (user + system) / 1000 };
}

/**
 * Two loads at the same moment from one driver process, against servers in this one process: a
 * stall of either process, or of the machine, delays both alike, so their latencies can be compared
 * on a busy machine. Processor time cannot be told apart here, so none is given.
 */
export async function runSideBySide(a: LoadOptions, b: LoadOptions): Promise<[LoadFigures, LoadFigures]> {
  [a, b].forEach(check);
  const { results } = await cannon(warmups([a, b]), [a, b]);
  return [figures(results[0]!), figures(results[1]!)];
}

/** A burst over connections opened beforehand (burst-process.js says why not autocannon). */
export interface BurstOptions {
  url: string;
  headers?: Record<string, string>;
  /** Answered once on each connection before the burst, and not counted: a route the burst does not limit. */
  openUrl: string;
  connections: number;
  amount: number;
}

/**
 * Two bursts at the same moment from one driver process, each over its connections opened
 * beforehand, against servers in this one process: as with runSideBySide, a stall delays both alike.
 */
export async function runBurstsSideBySide(a: BurstOptions, b: BurstOptions): Promise<[LoadFigures, LoadFigures]> {
  [a, b].forEach(check);
  const child = fork(join(__dirname, 'burst-process.js'), { stdio: 'ignore', execArgv: [] });
  const results = await new Promise<BurstResult[]>((resolve, reject) => {
    child.on('message', (message: { results?: BurstResult[]; error?: string }) => (message.results ? resolve(message.results) : reject(new Error(message.error))));
    child.once('exit', (code) => reject(new Error(`the burst process ended with code ${code} before answering`)));
    child.send({ bursts: [a, b] });
  });
  return [burstFigures(results[0]!), burstFigures(results[1]!)];
}

interface BurstResult {
  answers: { status: number; ms: number }[];
  durationSeconds: number;
}

function burstFigures({ answers, durationSeconds }: BurstResult): LoadFigures {
  const times = answers.map((answer) => answer.ms).sort((x, y) => x - y);
  // as autocannon's histogram reads: the smallest time that this share of the answers did not exceed
  const percentile = (share: number) => Math.round(times[Math.max(0, Math.ceil(share * times.length) - 1)]! * 10) / 10;
  const statuses: Record<string, number> = {};
  for (const { status } of answers) if (status) statuses[status] = (statuses[status] ?? 0) + 1;
  const total = answers.length - answers.filter((answer) => !answer.status).length;
  return {
    requestsPerSecond: Math.round(total / durationSeconds),
    total,
    durationSeconds,
    latencyMs: { p50: percentile(0.5), p90: percentile(0.9), p97_5: percentile(0.975), p99: percentile(0.99), max: percentile(1) },
    errors: answers.length - total,
    timeouts: 0,
    statuses,
  };
}

/** Each load's warm-up, if it asks for one: the same load for that long, at once, thrown away. */
function warmups(loads: LoadOptions[]): LoadOptions[] {
  const seconds = Math.max(0, ...loads.map((options) => options.warmupSeconds ?? 0));
  return seconds ? loads.map((options) => ({ ...options, amount: undefined, durationSeconds: seconds })) : [];
}

function check(options: Pick<LoadOptions, 'url' | 'durationSeconds' | 'amount'>): void {
  if (!isLoopback(new URL(options.url).hostname)) throw new Error(`load is only ever sent to this machine, not ${options.url}`);
  if (!options.durationSeconds && !options.amount) throw new Error('a load run needs a duration or an amount');
}

/**
 * One driver process for a warm-up and the measured loads after it. `onMeasuring` is called when
 * the warm-up has ended (the driver says so), so this process's processor time is taken over the
 * measured loads only.
 */
function cannon(warmup: LoadOptions[], runs: LoadOptions[], onMeasuring = () => {}): Promise<{ results: autocannon.Result[] }> {
  const child = fork(join(__dirname, 'cannon-process.js'), { stdio: 'ignore', execArgv: [] });
  const answered = new Promise<{ results: autocannon.Result[] }>((resolve, reject) => {
    child.on('message', (message: { measuring?: true; results?: autocannon.Result[]; error?: string }) => {
      if (message.measuring) onMeasuring();
      else if (message.results) resolve({ results: message.results });
      else reject(new Error(message.error));
    });
    child.once('exit', (code) => reject(new Error(`the load process ended with code ${code} before answering`)));
  });
  child.send({ warmup: warmup.map(autocannonOptions), runs: runs.map(autocannonOptions) });
  return answered;
}

function autocannonOptions(options: LoadOptions): autocannon.Options {
  return {
    url: options.url,
    method: options.method ?? 'GET',
    headers: options.headers,
    body: options.body,
    connections: options.connections,
    duration: options.durationSeconds ?? 60,
    amount: options.amount,
    overallRate: options.requestsPerSecond,
    timeout: 60, // seconds: on a busy machine a burst's slowest answers took over 10 s, and a request given up on is not an answer
  };
}

export function figures(result: autocannon.Result): LoadFigures {
  const statuses: Record<string, number> = {};
  for (const [status, { count }] of Object.entries((result as unknown as { statusCodeStats: Record<string, { count: number }> }).statusCodeStats ?? {})) {
    statuses[status] = count;
  }
  const latency = result.latency as unknown as Record<string, number>;
  const durationSeconds = result.duration;
  const total = Object.values(statuses).reduce((sum, count) => sum + count, 0);
  return {
    requestsPerSecond: Math.round(total / durationSeconds),
    total,
    durationSeconds,
    latencyMs: { p50: latency.p50!, p90: latency.p90!, p97_5: latency.p97_5!, p99: latency.p99!, max: latency.max! },
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
  };
}
