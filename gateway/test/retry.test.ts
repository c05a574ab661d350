import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffMs, MAX_RETRIES, RETRY_BASE_MS } from '../src/resilience/retry';

// CONTRACT.md: "jittered exponential backoff (base 200 ms)", at most two retries. Full jitter draws
// each wait from 0 up to the cap of that retry: 200 ms before the first retry, 400 ms before the second.
// Scenarios cannot see the jitter (the clock is moved through any wait), so these pin it down.
const CAPS_MS = [200, 400];
const always = (value: number) => () => value;

test('the contract\'s base and number of retries', () => {
  assert.equal(RETRY_BASE_MS, 200);
  assert.equal(MAX_RETRIES, CAPS_MS.length);
});

test('a random draw of 0 waits nothing before either retry', () => {
  assert.deepEqual(CAPS_MS.map((_, retry) => backoffMs(retry, always(0))), [0, 0]);
});

test('a random draw of 0.5 waits half the cap: 100 ms, then 200 ms', () => {
  assert.deepEqual(CAPS_MS.map((_, retry) => backoffMs(retry, always(0.5))), [100, 200]);
});

test('a random draw just under 1 stays within the cap: at most 200 ms, then 400 ms', () => {
  const waits = CAPS_MS.map((_, retry) => backoffMs(retry, always(0.999)));
  waits.forEach((wait, retry) => assert.ok(wait <= CAPS_MS[retry]! && wait > CAPS_MS[retry]! * 0.99, `retry ${retry + 1} waited ${wait} ms`));
});

test('waits follow the random draw, so two callers failing together do not retry together', () => {
  const draws = [0.1, 0.7];
  assert.deepEqual(draws.map((draw) => backoffMs(1, always(draw))), [40, 280]);
});
