import assert from 'node:assert/strict';
import type { HttpExchange } from '../api/exchange';
import type { MediaNestWorld } from '../world';
import { RequestMedia } from './request-media';

/** The Plex fake's library keys by the names people use for them. */
export const LIBRARIES: Record<string, string> = { Movies: '1', 'TV Shows': '2', Music: '3' };

export function libraryKey(name: string): string {
  const key = LIBRARIES[name];
  assert.ok(key, `the Plex server has no library called "${name}"`);
  return key;
}

/** What people look at in the Plex library, by the words the features use. */
const PLACES: Record<string, (argument: string) => string> = {
  'the libraries': () => '/api/v1/plex/libraries',
  'the library': (name) => `/api/v1/plex/libraries/${libraryKey(name)}/items`,
  'the collections of': (name) => `/api/v1/plex/libraries/${libraryKey(name)}/collections`,
  'the recently added titles': () => '/api/v1/plex/recently-added',
  'a search for': (query) => `/api/v1/plex/search?query=${encodeURIComponent(query)}`,
};

/** Browsing the Plex library through MediaNest. */
export const BrowseLibrary = {
  /** `place` is one of the PLACES, `argument` the library name or the query it needs. */
  async look(world: MediaNestWorld, name: string, place: string, argument = '', query = ''): Promise<HttpExchange> {
    const path = PLACES[place];
    assert.ok(path, `nobody looks at "${place}"`);
    const actor = await RequestMedia.by(world, name);
    return actor.call('GET', `${path(argument)}${query ? `${path(argument).includes('?') ? '&' : '?'}${query}` : ''}`);
  },

  /** How many calls reached Plex for this path (prefix), whoever made them. */
  plexCalls(world: MediaNestWorld, path: string): number {
    return world.upstreams.plexServer.journal.calls('GET', path).length;
  },
};
