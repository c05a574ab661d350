import type { Actor } from '../actor';
import type { HttpExchange } from '../api/exchange';
import { expect } from '../checks/chai';
import type { MediaNestWorld } from '../world';
import { answerWhileTimeRuns } from './answer-while-time-runs';
import { RequestMedia } from './request-media';

/** The Plex fake's library keys by the names people use for them. */
export const LIBRARIES: Record<string, string> = { Movies: '1', 'TV Shows': '2', Music: '3' };
/** A key the Plex server has no library under. */
const NO_SUCH_LIBRARY = '42';

export function libraryKey(name: string): string {
  const key = LIBRARIES[name];
  expect(key, `the Plex server's library called "${name}"`).to.be.a('string');
  return key!;
}

/** What people look at in the Plex library, by the words the features use. */
const PLACES: Record<string, (actor: Actor, argument: string, query: { offset?: number; limit?: number }) => Promise<HttpExchange>> = {
  'the libraries': (actor) => actor.api.listLibraries(),
  'the library': (actor, name, query) => actor.api.listLibraryItems(libraryKey(name), query),
  'the collections of': (actor, name) => actor.api.listCollections(libraryKey(name)),
  'the recently added titles': (actor, _, { limit }) => actor.api.listRecentlyAdded(limit === undefined ? {} : { limit }),
  'a search for': (actor, query) => actor.api.searchLibrary({ query }),
};

/** Browsing the Plex library through MediaNest. */
export const BrowseLibrary = {
  /** `place` is one of the PLACES, `argument` the library name or the query it needs. */
  async look(world: MediaNestWorld, name: string, place: string, argument = '', query: { offset?: number; limit?: number } = {}): Promise<HttpExchange> {
    const look = PLACES[place];
    expect(look, `a way to look at "${place}"`).to.be.a('function');
    return look!(await RequestMedia.by(world, name), argument, query);
  },

  /** Looks, letting the clock run through the backoff of retried reads when Plex fails. */
  lookPatiently(world: MediaNestWorld, name: string, place: string, argument?: string, query?: { offset?: number; limit?: number }): Promise<HttpExchange> {
    return answerWhileTimeRuns(world, BrowseLibrary.look(world, name, place, argument, query));
  },

  async lookAtMissingLibrary(world: MediaNestWorld, name: string): Promise<HttpExchange> {
    return (await RequestMedia.by(world, name)).api.listLibraryItems(NO_SUCH_LIBRARY);
  },

  /** An admin (or someone trying) has Plex rescan a library. */
  async rescan(world: MediaNestWorld, name: string, library: string): Promise<HttpExchange> {
    return (await RequestMedia.by(world, name)).api.refreshLibrary(libraryKey(library));
  },

  /** A title of Overseerr's catalogue as Plex holds it: added to the Movies library, or only copied to the server's disk. */
  addToPlex(world: MediaNestWorld, title: string, how: 'added' | 'staged'): void {
    const { date, overview } = RequestMedia.title(world, title);
    const item = { title, year: Number(date.slice(0, 4)), summary: overview };
    if (how === 'added') world.upstreams.plexServer.model.addItem(libraryKey('Movies'), item);
    else world.upstreams.plexServer.model.stageItem(libraryKey('Movies'), item);
  },

  /** How many calls reached Plex for this path (prefix), whoever made them. */
  plexCalls(world: MediaNestWorld, path: string): number {
    return world.upstreams.plexServer.journal.calls('GET', path).length;
  },
};
