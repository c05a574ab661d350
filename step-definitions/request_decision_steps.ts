import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { expectData, expectError } from '../support/checks/answers';
import { RequestMedia } from '../support/tasks/request-media';
import type { MediaNestWorld } from '../support/world';

/** Overseerr's request statuses (UPSTREAMS.md section 3), in the words the features use. */
const OVERSEERR_STATES: Record<string, number> = { 'waiting for approval': 1, approved: 2, declined: 3, failed: 4 };

Given('{persona} has approved {persona}\'s request for {string}', async function (this: MediaNestWorld, admin: string, owner: string, title: string) {
  assert.equal(expectData(await RequestMedia.decide(this, admin, owner, title, 'approve')).status, 'approved');
});

Given('{persona} has declined {persona}\'s request for {string}', async function (this: MediaNestWorld, admin: string, owner: string, title: string) {
  assert.equal(expectData(await RequestMedia.decide(this, admin, owner, title, 'decline')).status, 'declined');
});

When('{persona} approves {persona}\'s request for {string}', async function (this: MediaNestWorld, admin: string, owner: string, title: string) {
  await RequestMedia.decide(this, admin, owner, title, 'approve');
});

When(
  '{persona} declines {persona}\'s request for {string} saying {string}',
  async function (this: MediaNestWorld, admin: string, owner: string, title: string, reason: string) {
    await RequestMedia.decide(this, admin, owner, title, 'decline', reason);
  },
);

When('{persona} tries to approve his/her own request for {string}', async function (this: MediaNestWorld, name: string, title: string) {
  await RequestMedia.decide(this, name, name, title, 'approve');
});

When('{persona} withdraws his/her request for {string}', async function (this: MediaNestWorld, name: string, title: string) {
  await RequestMedia.remove(this, name, title);
});

When('{persona} removes {persona}\'s request for {string}', async function (this: MediaNestWorld, admin: string, owner: string, title: string) {
  await RequestMedia.remove(this, owner, title, admin);
});

When('{persona} tries to look at {persona}\'s request for {string}', async function (this: MediaNestWorld, name: string, owner: string, title: string) {
  await RequestMedia.look(this, owner, title, name);
});

When('{persona} tries to withdraw {persona}\'s request for {string}', async function (this: MediaNestWorld, name: string, owner: string, title: string) {
  await RequestMedia.remove(this, owner, title, name);
});

Then('{persona} no longer has a request for {string}', async function (this: MediaNestWorld, name: string, title: string) {
  expectError(await RequestMedia.look(this, name, title), 404, 'NOT_FOUND');
  assert.ok(!(await RequestMedia.statuses(this, name)).some((request) => request.title === title), `${name}'s list still shows "${title}"`);
});

Then('{persona}\'s request for {string} still waits for an admin', async function (this: MediaNestWorld, name: string, title: string) {
  assert.equal(expectData(await RequestMedia.look(this, name, title)).status, 'pending');
  assert.equal(RequestMedia.inOverseerr(this, title).length, 1, `Overseerr should still hold the request for "${title}"`);
});

Then(
  /^Overseerr holds (\w+)'s request for "([^"]+)" as (waiting for approval|approved|declined|failed)$/,
  function (this: MediaNestWorld, name: string, title: string, state: string) {
    const requests = RequestMedia.inOverseerr(this, title);
    assert.equal(requests.length, 1, `Overseerr should hold one request for "${title}"`);
    assert.equal(requests[0]!.requestedBy.plexUsername, name);
    assert.equal(requests[0]!.status, OVERSEERR_STATES[state], `Overseerr's request should be ${state}`);
  },
);

Then('Overseerr holds no request for {string}', function (this: MediaNestWorld, title: string) {
  assert.deepEqual(RequestMedia.inOverseerr(this, title), []);
});

Then('Overseerr holds {int} request(s) for {string}', function (this: MediaNestWorld, count: number, title: string) {
  assert.equal(RequestMedia.inOverseerr(this, title).length, count);
});
