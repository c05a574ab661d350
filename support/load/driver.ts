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
}

/**
 * Drives load with autocannon, programmatically, from a child process: in a worker thread it halved
 * what an in-process server could serve, since the main thread relays the worker's bookkeeping.
 * Loopback only; bounded in time or count.
 */
export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  if (!isLoopback(new URL(options.url).hostname)) throw new Error(`load is only ever sent to this machine, not ${options.url}`);
  if (!options.durationSeconds && !options.amount) throw new Error('a load run needs a duration or an amount');
  if (options.warmupSeconds) await cannon({ ...options, amount: undefined, durationSeconds: options.warmupSeconds });
  return figures(await cannon(options));
}

function cannon(options: LoadOptions): Promise<autocannon.Result> {
  const child = fork(join(__dirname, 'cannon-process.js'), { stdio: 'ignore', execArgv: [] });
  const answered = new Promise<autocannon.Result>((resolve, reject) => {
    child.once('message', (message: { result?: autocannon.Result; error?: string }) =>
      message.result ? resolve(message.result) : reject(new Error(message.error)),
    );
    child.once('exit', (code) => reject(new Error(`the load process ended with code ${code} before answering`)));
  });
  child.send(autocannonOptions(options));
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
    timeout: 10,
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
