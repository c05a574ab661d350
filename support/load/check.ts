import assert from 'node:assert/strict';
import type { MediaNestWorld } from '../world';

/** One comparison a Then step makes, as attached to the report before the step asserts it. */
export interface LoadCheck {
  check: string;
  measured: number;
  threshold: number;
  unit: string;
  passed: boolean;
}

export const LOAD_CHECK_MEDIA_TYPE = 'application/vnd.medianest.load-check+json';

/**
 * Attaches the comparison first, so the report holds the figures of a failed check too, then
 * asserts it. `at least` passes when measured >= threshold, `at most` when measured <= threshold.
 */
export function checkLoad(world: MediaNestWorld, check: string, measured: number, bound: 'at least' | 'at most', threshold: number, unit: string, detail = ''): void {
  const passed = bound === 'at least' ? measured >= threshold : measured <= threshold;
  const record: LoadCheck = { check, measured, threshold, unit, passed };
  world.attach(JSON.stringify(record), { mediaType: LOAD_CHECK_MEDIA_TYPE, fileName: check });
  assert.ok(passed, `${check}: measured ${measured} ${unit}, ${bound} ${threshold} ${unit} expected${detail ? ` (${detail})` : ''}`);
}

/**
 * How slow the gateway's slowest answers may be: a multiple of the bare route's, loaded side by
 * side with it, so a busy machine slows both alike; never below a floor, so a bare route that
 * happens to be very quick does not make the bound a matter of a millisecond or two.
 */
export function latencyBound(baselineP99: number, times: number, floorMs: number): number {
  return Math.max(floorMs, Math.round(baselineP99 * times * 10) / 10);
}

/** a as a percentage of b, to a tenth. */
export const percentOf = (a: number, b: number) => Math.round((a / b) * 1000) / 10;
