import { Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { MediaNestWorld } from '../support/world';

interface BadBody {
  body: string;
  contentType?: string;
}

/** Bodies a careless or hostile client sends, by the words the features use for them. */
const BAD_BODIES: Record<string, BadBody> = {
  'malformed JSON': { body: '{"pinId": 12,' },
  'an empty body sent as JSON': { body: '' }, // content type application/json, no body at all
  'a PIN id written as text': { body: '{"pinId": "12"}' },
  'a PIN id that is not a whole number': { body: '{"pinId": 12.5}' },
  'no PIN id': { body: '{}' },
  'an extra field claiming a role': { body: '{"pinId": 12, "role": "admin"}' },
  'a PIN id written as text and an extra field': { body: '{"pinId": "12", "role": "admin"}' },
  'a body sent as plain text': { body: 'pinId=12', contentType: 'text/plain' },
  'a body over 64 KiB': { body: JSON.stringify({ pinId: 12, padding: 'x'.repeat(70 * 1024) }) },
  'a client name that is a number': { body: '{"clientName": 42}' },
  'an extra field': { body: '{"clientName": "MediaNest Web", "admin": true}' },
};

const ROUTES: Record<string, string> = {
  'verify the PIN': '/api/v1/auth/plex/verify',
  'ask for a PIN': '/api/v1/auth/plex/pin',
};

When(/^(\w+ ?\w*) sends (.+) to (verify the PIN|ask for a PIN)$/, async function (this: MediaNestWorld, who: string, bad: string, route: string) {
  const sample = BAD_BODIES[bad];
  assert.ok(sample, `no bad body is called "${bad}"`);
  const actor = this.actor(/visitor/.test(who) ? 'a visitor' : who);
  await actor.call('POST', ROUTES[route]!, { body: sample.body, headers: { 'content-type': sample.contentType ?? 'application/json' } });
});

Then('plex.tv received no call', function (this: MediaNestWorld) {
  assert.deepEqual(this.upstreams.plexTv.journal.entries.map((entry) => `${entry.method} ${entry.path}`), []);
});
