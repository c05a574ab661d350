import { Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { RequestMedia } from '../support/tasks/request-media';
import type { MediaNestWorld } from '../support/world';

type Body = Record<string, unknown>;

/** What a careless or hostile client puts in a request, by the words the features use. */
const BAD_PARTS: Record<string, (body: Body) => Body> = {
  'a status of its own': (body) => ({ ...body, status: 'approved' }),
  'someone else as the requester': (body) => ({ ...body, requestedBy: { id: 1, username: 'Ada' } }),
  'an id of its own': (body) => ({ ...body, id: 1 }),
  'the TMDB id written as text': (body) => ({ ...body, tmdbId: String(body.tmdbId) }),
  'a kind of title that does not exist': (body) => ({ ...body, mediaType: 'podcast' }),
  'seasons for a film': (body) => ({ ...body, seasons: [1] }),
  'no TMDB id': ({ tmdbId: _, ...body }) => body,
};

When(/^(\w+) sends a request for "([^"]+)" with (.+)$/, async function (this: MediaNestWorld, name: string, title: string, parts: string) {
  const { mediaType, tmdbId } = RequestMedia.title(this, title);
  let body: Body = { mediaType, tmdbId };
  for (const part of parts.split(' and ')) {
    const spoil = BAD_PARTS[part];
    assert.ok(spoil, `no bad part of a request is called "${part}"`);
    body = spoil(body);
  }
  await (await RequestMedia.by(this, name)).call('POST', '/api/v1/media/requests', { body });
});

Then('Overseerr was not asked to search', function (this: MediaNestWorld) {
  assert.deepEqual(this.upstreams.overseerr.journal.calls('GET', '/api/v1/search'), []);
});
