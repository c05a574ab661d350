import { sleep, type Clock } from '../clock';
import { UpstreamFailure } from './upstream-failure';

export const RETRY_BASE_MS = 200;
export const MAX_RETRIES = 2;

/**
 * Runs an idempotent read up to 1 + MAX_RETRIES times while it fails in a retryable way, waiting a
 * jittered exponential backoff on the clock between attempts ("full jitter": 0..base*2^n).
 */
export async function withRetries<T>(clock: Clock, attempt: () => Promise<T>, random: () => number = Math.random): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      const retryable = error instanceof UpstreamFailure && error.retryable;
      if (!retryable || retry >= MAX_RETRIES) throw error;
      await sleep(clock, Math.round(random() * RETRY_BASE_MS * 2 ** retry));
    }
  }
}
