import { expect } from './chai';
import type { JournalEntry } from '../upstreams/journal';
import type { UpstreamName } from '../upstreams/fake-upstream';
import type { MediaNestWorld } from '../world';

/** The upstreams by the names people use. */
export const UPSTREAM_NAMES: Record<UpstreamName, string> = { 'plex-tv': 'plex.tv', 'plex-server': 'Plex', overseerr: 'Overseerr', 'uptime-kuma': 'Uptime Kuma' };

/** "GET /library/sections at +0.02 s, ...": the calls, timed from the scenario's start. */
export function describeCalls(world: MediaNestWorld, calls: JournalEntry[]): string {
  return calls.map((call) => `${call.method} ${call.path} at +${((call.at - world.startedAt) / 1000).toFixed(2)} s`).join(', ') || 'no call';
}

/** Questions about what an upstream was asked, answered from its fake's journal. */
export const UpstreamCalls = {
  /** The upstream received exactly `count` of these calls (`what` says what they were for, in the domain's words). */
  count(upstream: UpstreamName, calls: JournalEntry[], count: number, what: string): void {
    expect(calls).to.be.askedTimes(count, UPSTREAM_NAMES[upstream], what);
  },

  none(world: MediaNestWorld, upstream: UpstreamName, calls: JournalEntry[], when: string): void {
    expect(calls.length, `Expected ${UPSTREAM_NAMES[upstream]} to receive no call ${when}, but it received ${describeCalls(world, calls)}`).to.equal(0);
  },

  /** Every one of the calls carried the correlation id (and there was at least one). */
  carried(world: MediaNestWorld, upstream: UpstreamName, calls: JournalEntry[], id: string): void {
    expect(calls.length, `Expected ${UPSTREAM_NAMES[upstream]} to receive a call, but it received ${describeCalls(world, calls)}`).to.be.above(0);
    const others = calls.filter((call) => call.headers['x-correlation-id'] !== id).map((call) => `${call.method} ${call.path} carried ${call.headers['x-correlation-id'] ?? 'none'}`);
    expect(others, `Expected ${UPSTREAM_NAMES[upstream]} to see the correlation id ${id} on every call`).to.deep.equal([]);
  },
};
