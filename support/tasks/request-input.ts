import { defineParameterType } from '@cucumber/cucumber';
import type { HttpExchange } from '../api/exchange';
import { phrasesOf } from '../parameter-types';
import type { MediaNestWorld } from '../world';
import { RequestMedia } from './request-media';

type Body = Record<string, unknown>;
type Spoils = (body: Body) => Body;

/** What a careless or hostile client puts in a request, by the words the features use. */
const BAD_PARTS: Record<string, Spoils> = {
  'a status of its own': (body) => ({ ...body, status: 'approved' }),
  'someone else as the requester': (body) => ({ ...body, requestedBy: { id: 1, username: 'Ada' } }),
  'an id of its own': (body) => ({ ...body, id: 1 }),
  'the TMDB id written as text': (body) => ({ ...body, tmdbId: String(body.tmdbId) }),
  'a kind of title that does not exist': (body) => ({ ...body, mediaType: 'podcast' }),
  'seasons for a film': (body) => ({ ...body, seasons: [1] }),
  'no TMDB id': ({ tmdbId: _, ...body }) => body,
};

const PART = phrasesOf(BAD_PARTS).source;
/** One bad part, or several joined by "and": {badRequestParts}. */
defineParameterType({
  name: 'badRequestParts',
  regexp: new RegExp(`(?:${PART})(?: and (?:${PART}))*`),
  transformer: (words: string): Spoils => (body) => words.split(' and ').reduce((spoilt, part) => BAD_PARTS[part]!(spoilt), body),
});

/** Sends a request for a title with the parts spoilt, outside what the contract accepts. */
export async function requestSpoilt(world: MediaNestWorld, name: string, title: string, spoil: Spoils): Promise<HttpExchange> {
  const actor = await RequestMedia.by(world, name);
  return actor.api.createMediaRequest(spoil({ ...RequestMedia.bodyFor(world, title) }) as never);
}
