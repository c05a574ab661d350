import assert from 'node:assert/strict';
import type { FakeUpstream } from '../upstreams/fake-upstream';
import type { MediaNestWorld } from '../world';

/**
 * Moves the scenario clock while a call is held up at an upstream: waits (in real time, bounded)
 * until the upstream has received the call, so the gateway's timer is set, then advances the
 * clock to one millisecond short of `ms`, checks the caller is still waiting, and advances the rest.
 */
export async function whileUpstreamHolds<T>(world: MediaNestWorld, fake: FakeUpstream, call: Promise<T>, ms: number): Promise<T> {
  const seen = fake.journal.entries.length;
  let settled = false;
  void call.then(
    () => (settled = true),
    () => (settled = true),
  );
  await until(() => fake.journal.entries.length > seen || settled, `${fake.name} to receive the call`);
  assert.equal(settled, false, `the call was answered before ${fake.name} held it`);
  await world.clock.advance(ms - 1);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(settled, false, `the call was answered before ${ms} ms had passed on the scenario clock`);
  await world.clock.advance(1);
  return call;
}

/** Turns of the event loop looked at back to back, before looking only every millisecond or so. */
const EAGER_TURNS = 20;
const MAX_PAUSE_MS = 4;

/**
 * Polls a condition on real time for at most `limitMs`: for events that cross real sockets or come
 * from child processes. What the event loop settles at once is seen in the first turns; after
 * those, it looks again after a pause growing to a few ms, rather than spin a core that yt-dlp and
 * the gateway need (on two cores a spinning wait slowed the downloads it waited for).
 */
export async function until(condition: () => boolean, what: string, limitMs = 5_000): Promise<void> {
  const deadline = performance.now() + limitMs;
  for (let turn = 0; !condition(); turn++) {
    if (performance.now() > deadline) throw new Error(`waited ${limitMs} ms for ${what}`);
    await new Promise((resolve) => (turn < EAGER_TURNS ? setImmediate(resolve) : setTimeout(resolve, Math.min(turn - EAGER_TURNS + 1, MAX_PAUSE_MS))));
  }
}
