import { sleep, type Clock } from '../clock';
import { UpstreamFailure } from './upstream-failure';

export const RETRY_BASE_MS = 200;
export const MAX_RETRIES = 2;

/**
 * Runs an idempotent read up to 1 + MAX_RETRIES times while it fails in a retryable way, waiting a
 * jittered exponential backoff on the clock between attempts ("full jitter": 0..base*2^n). The
 * operation's deadline (`signal`) also ends a backoff: no retry outlives the upstream's timeout.
 */
export async function withRetries<T>(
  clock: Clock,
  attempt: () => Promise<T>,
  signal: AbortSignal,
  random: () => number = Math.random,
): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      const retryable = error instanceof UpstreamFailure && error.retryable;
      if (!retryable || retry >= MAX_RETRIES || signal.aborted) throw error;
      await sleep(clock, backoffMs(retry, random), signal);
    }
  }
}

/** The wait before retry number `retry + 1`: uniformly 0..RETRY_BASE_MS * 2^retry. */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  return Math.round(random() * RETRY_BASE_MS * 2 ** retry);
}
