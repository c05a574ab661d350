import type { MediaNestWorld } from '../world';

/** How far the clock moves per step, and how long (real time) each step leaves the gateway to work. */
const STEP_MS = 25;
const REAL_PAUSE_MS = 1;
/**
 * The most the clock moves for one call: more than every retry backoff of an operation put
 * together (at most 200 + 400 ms), less than the shortest upstream timeout (5 s), so moving time
 * can never be what makes a call time out.
 */
export const MAX_ADVANCE_MS = 3_000;

/**
 * Settles a call whose answer may wait on the scenario clock between upstream attempts (the
 * jittered backoff of a retried read): gives the call a real moment, then moves the clock a step,
 * and again, until the call settles. A call answered at once moves no time at all. On a real clock
 * there is nothing to move: time passes by itself.
 */
export async function answerWhileTimeRuns<T>(world: MediaNestWorld, call: Promise<T>, realLimitMs = 5_000): Promise<T> {
  if (!world.clock.virtual) return call;
  let settled = false;
  void call.then(
    () => (settled = true),
    () => (settled = true),
  );
  const deadline = performance.now() + realLimitMs;
  let advanced = 0;
  while (!settled) {
    await new Promise((resolve) => setTimeout(resolve, REAL_PAUSE_MS));
    if (settled) break;
    if (advanced < MAX_ADVANCE_MS) {
      await world.clock.advance(STEP_MS);
      advanced += STEP_MS;
    } else if (performance.now() > deadline) {
      throw new Error(`the call was not answered after ${advanced} ms on the scenario clock and ${realLimitMs} ms of real time`);
    }
  }
  return call;
}

/**
 * Moves the clock by `ms` a step at a time, leaving the gateway a real moment after each step, so
 * work the clock sets off (a poll, its upstream calls, their retries) finishes at its own virtual
 * time instead of after one big jump. `until` ends it early once true (checked after each step).
 */
export async function letTimePassGradually(world: MediaNestWorld, ms: number, until: () => boolean | Promise<boolean> = () => false, stepMs = 100): Promise<number> {
  let moved = 0;
  while (moved < ms) {
    const step = Math.min(stepMs, ms - moved);
    await world.clock.advance(step);
    moved += step;
    await new Promise((resolve) => setTimeout(resolve, REAL_PAUSE_MS));
    if (await until()) break;
  }
  return moved;
}
