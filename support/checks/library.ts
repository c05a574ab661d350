import type { HttpExchange } from '../api/exchange';
import { BrowseLibrary, libraryKey } from '../tasks/browse-library';
import type { MediaNestWorld } from '../world';
import { expectData, expectStatus } from './answers';
import { expect } from './chai';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Plex's words for what a library or a title holds, as people say them. */
const KINDS: Record<string, string> = { movie: 'film', show: 'series', artist: 'music', episode: 'episode', season: 'season', album: 'album' };
const kindOf = (type: string) => KINDS[type] ?? type;

/** What the Cache-Status header says of an answer, in a few words. */
function cacheSays(exchange: HttpExchange) {
  const status = exchange.response.headers['cache-status'] ?? '';
  if (status === 'medianest; fwd=miss; stored') return { from: 'Plex, and kept' };
  if (status === 'medianest; fwd=miss') return { from: 'Plex, not kept' };
  const hit = /^medianest; hit; ttl=(-?\d+)(; detail=stale-if-error)?$/.exec(status);
  if (!hit) return { from: `(Cache-Status "${status}")` };
  return hit[2] ? { from: 'a stale copy', staleForSeconds: -Number(hit[1]) } : { from: "MediaNest's cache", freshForSeconds: Number(hit[1]) };
}

/** Questions about the Plex library as MediaNest shows it. */
export const Library = {
  /** The answer to a rescan: accepted, naming the library, which Plex is rescanning now. */
  rescanning(exchange: HttpExchange, library: string): void {
    expectStatus(exchange, 202);
    expect(exchange.response.body.data, `Expected to be told Plex is rescanning the ${library} library`).to.deep.equal({ key: libraryKey(library), refreshing: true });
  },

  /** Libraries or titles as "title, kind". */
  shown(exchange: HttpExchange): Array<{ title: string; type: string }> {
    return expectData(exchange).map(({ title, type }: { title: string; type: string }) => ({ title, type: kindOf(type) }));
  },

  titles(exchange: HttpExchange): string[] {
    return expectData(exchange).map((item: { title: string }) => item.title);
  },

  /** A page of a library: its titles, how many of all, and the paging fields it answers with. */
  page(exchange: HttpExchange) {
    const { meta } = exchange.response.body ?? {};
    return { titles: Library.titles(exchange), total: meta?.total, pagingFields: Object.keys(meta ?? {}).sort() };
  },

  /** One title of the answer as a person reads it: what it is, its year, its running time, how long ago it was added. */
  title(world: MediaNestWorld, exchange: HttpExchange, title: string) {
    const item = expectData(exchange).find((candidate: { title: string }) => candidate.title === title);
    if (!item) return { title: `(not in the answer)` };
    return { type: kindOf(item.type), year: item.year, minutes: item.durationMs / 60_000, daysAgo: Math.round((world.clock.now() - Date.parse(item.addedAt)) / DAY_MS), plexKey: /^\d+$/.test(item.ratingKey) };
  },

  /** What the answer says of a title beyond its name: its year, its summary, its poster. */
  described(exchange: HttpExchange, title: string) {
    const item = expectData(exchange).find((candidate: { title: string }) => candidate.title === title);
    return item ? { year: item.year, summary: item.summary, thumb: item.thumb } : { title: '(not in the answer)' };
  },

  collections(exchange: HttpExchange) {
    return expectData(exchange).map(({ title, childCount }: { title: string; childCount: number }) => ({ title, titles: String(childCount) }));
  },

  /** The Plex token the gateway's last call to Plex carried, and the product it named. */
  lastCallToPlex(world: MediaNestWorld) {
    const headers = world.upstreams.plexServer.journal.entries.at(-1)?.headers ?? {};
    return { token: headers['x-plex-token'], product: headers['x-plex-product'] };
  },

  /** How many titles each call for the recently added asked Plex for (X-Plex-Container-Size). */
  recentlyAddedAsked(world: MediaNestWorld): Array<string | undefined> {
    return world.upstreams.plexServer.journal.calls('GET', '/library/recentlyAdded').map((call) => call.headers['x-plex-container-size']);
  },

  /** Where a successful answer came from: Plex (and kept), MediaNest's cache (fresh for how long), or a stale copy (stale for how long). */
  source(exchange: HttpExchange) {
    expectData(exchange);
    return { ...cacheSays(exchange), markedStale: exchange.response.body.meta?.stale === true };
  },

  /** A stale copy shown: where it came from, whether it is marked stale and lists the title, how long it has been stale. */
  staleCopy(exchange: HttpExchange, title: string) {
    return { ...Library.source(exchange), lists: Library.titles(exchange).includes(title) };
  },

  /** The person's next look at a library: where it came from, and its titles. */
  async nextLook(world: MediaNestWorld, name: string, place: 'the library' | 'a search for', argument: string) {
    const exchange = await BrowseLibrary.look(world, name, place, argument);
    return { from: Library.source(exchange).from, titles: Library.titles(exchange) };
  },

  /** How many times Plex was asked to rescan the library (after the rescan was accepted). */
  rescans(world: MediaNestWorld, library: string): number {
    expectStatus(world.lastExchange, 202);
    return world.upstreams.plexServer.model.refreshCount(libraryKey(library));
  },
};
