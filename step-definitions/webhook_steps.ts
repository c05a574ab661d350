import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { contractStatusOf } from '../support/contract/error-codes';
import { expectData, expectError, expectStatus } from '../support/checks/answers';
import { OVERSEERR, OverseerrReports } from '../support/tasks/overseerr-reports';
import { RequestMedia } from '../support/tasks/request-media';
import { WEBHOOK_SECRET } from '../support/target/environment';
import type { MediaNestWorld } from '../support/world';

/** Authorization values a notification may carry, by the words the features use (undefined: none at all). */
const AUTHORIZATIONS: Record<string, string | undefined> = {
  'with no credentials': undefined,
  'with an empty secret': '',
  'with the usual secret': WEBHOOK_SECRET,
  'with a guessed secret': 'Bearer medianest',
  'with the secret in other case': WEBHOOK_SECRET.toLowerCase() === WEBHOOK_SECRET ? WEBHOOK_SECRET.toUpperCase() : WEBHOOK_SECRET.toLowerCase(),
};

/** Bodies that are not Overseerr's webhook, by the words the features use. */
const NOT_OVERSEERRS: Record<string, (world: MediaNestWorld) => unknown> = {
  'a notification without its type': (world) => ({ ...world.upstreams.overseerr.payloadFor('TEST_NOTIFICATION'), notification_type: undefined }),
  'a request id written as a number': (world) => {
    const payload = world.upstreams.overseerr.payloadFor('TEST_NOTIFICATION');
    return { ...payload, notification_type: 'MEDIA_APPROVED', request: { request_id: 1 } };
  },
  'a list instead of a notification': (world) => [world.upstreams.overseerr.payloadFor('TEST_NOTIFICATION')],
  'malformed JSON': () => '{"notification_type": "MEDIA_AVAILABLE", "request": {',
};

Given('MediaNest has no webhook secret configured for Overseerr', function (this: MediaNestWorld) {
  assert.ok(!this.gatewayStarted, 'the configuration must be set before MediaNest starts');
  this.env.OVERSEERR_WEBHOOK_SECRET = ''; // empty reads as unset, in-process and in a child alike
});

When('Overseerr reports that {string} is available( again)', async function (this: MediaNestWorld, title: string) {
  await OverseerrReports.available(this, title);
});

/** Remembers the request as its owner sees it once the first notification moved it to `status`. */
async function rememberAfterFirst(world: MediaNestWorld, title: string, status: string) {
  const owner = OverseerrReports.requestFor(world, title).requestedBy.plexUsername;
  const request: { status: string } = expectData(await RequestMedia.look(world, owner, title));
  assert.equal(request.status, status, 'the first notification moved the request');
  world.remember('the request after the first notification', request);
}

Given('Overseerr has reported that {string} is available', async function (this: MediaNestWorld, title: string) {
  expectStatus(await OverseerrReports.available(this, title), 204);
  await rememberAfterFirst(this, title, 'available');
});

Given(/^Overseerr has reported that an admin (approved|declined) "([^"]+)" in Overseerr$/, async function (this: MediaNestWorld, decision: string, title: string) {
  expectStatus(await OverseerrReports.decided(this, title, decision === 'approved' ? 'MEDIA_APPROVED' : 'MEDIA_DECLINED'), 204);
  await rememberAfterFirst(this, title, decision);
});

When(/^Overseerr reports (?:again )?that an admin (approved|declined) "([^"]+)" in Overseerr$/, async function (this: MediaNestWorld, decision: string, title: string) {
  await OverseerrReports.decided(this, title, decision === 'approved' ? 'MEDIA_APPROVED' : 'MEDIA_DECLINED');
});

When('Overseerr reports that {string} failed', async function (this: MediaNestWorld, title: string) {
  await OverseerrReports.failed(this, title);
});

When('Overseerr sends a test notification', async function (this: MediaNestWorld) {
  await OverseerrReports.send(this, 'TEST_NOTIFICATION');
});

When(/^someone reports that "([^"]+)" is available (with .+)$/, async function (this: MediaNestWorld, title: string, how: string) {
  assert.ok(how in AUTHORIZATIONS, `nobody reports "${how}"`);
  await OverseerrReports.send(this, 'MEDIA_AVAILABLE', OverseerrReports.requestFor(this, title), { authorization: AUTHORIZATIONS[how] });
});

When(/^Overseerr sends (a notification without its type|a request id written as a number|a list instead of a notification|malformed JSON)$/, async function (this: MediaNestWorld, what: string) {
  await OverseerrReports.send(this, 'MEDIA_AVAILABLE', undefined, { body: NOT_OVERSEERRS[what]!(this) });
});

When(/^someone without the secret sends (a notification without its type|a request id written as a number|a list instead of a notification|malformed JSON)$/, async function (this: MediaNestWorld, what: string) {
  await OverseerrReports.send(this, 'MEDIA_AVAILABLE', undefined, { body: NOT_OVERSEERRS[what]!(this), authorization: undefined });
});

Then('Overseerr\'s notification is accepted', function (this: MediaNestWorld) {
  expectStatus(this.lastExchangeOf(OVERSEERR), 204);
});

Then('the notification is refused with {word}', function (this: MediaNestWorld, code: string) {
  expectError(this.lastExchangeOf(OVERSEERR), contractStatusOf(code), code);
});

Then('{persona}\'s request for {string} is unchanged since the first notification', async function (this: MediaNestWorld, name: string, title: string) {
  // the whole request, updatedAt included: a status "moving" to itself would show here
  assert.deepEqual(expectData(await RequestMedia.look(this, name, title)), this.recall('the request after the first notification'));
});
