import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { expectData, expectError } from '../support/checks/answers';
import { RequestMedia } from '../support/tasks/request-media';
import { until } from '../support/tasks/while-time-passes';
import type { FaultKind } from '../support/upstreams/faults';
import type { MediaNestWorld } from '../support/world';

/** The gateway gives Overseerr 5 seconds (CONTRACT.md, "Resilience and limits"). */
const OVERSEERR_TIMEOUT_MS = 5_000;

function overseerrUser(world: MediaNestWorld, name: string) {
  const user = world.upstreams.overseerr.model.users().find((candidate) => candidate.plexUsername === name);
  assert.ok(user, `${name} has no Overseerr account`);
  return user;
}

/** Requests a title while Overseerr makes the request but answers after `ms`; the clock moves past the gateway's timeout. */
async function requestAnsweredLate(world: MediaNestWorld, name: string, title: string, ms: number) {
  await RequestMedia.by(world, name);
  const before = RequestMedia.creations(world);
  world.upstreams.overseerr.failsCreating({ kind: 'late', ms });
  const call = RequestMedia.titled(world, name, title);
  await until(() => RequestMedia.creations(world) > before, 'Overseerr to receive the request');
  await world.clock.advance(OVERSEERR_TIMEOUT_MS);
  return call;
}

Given('{persona} has used up his/her film quota in Overseerr', function (this: MediaNestWorld, name: string) {
  this.upstreams.overseerr.model.setQuota(overseerrUser(this, name).id, 0, 'movie');
});

Given('Overseerr {fault} when asked to create a request', function (this: MediaNestWorld, fault: FaultKind) {
  this.upstreams.overseerr.failsCreating(fault);
});

Given('Overseerr answered {persona}\'s request for {string} with a server error', async function (this: MediaNestWorld, name: string, title: string) {
  this.upstreams.overseerr.failsCreating({ kind: 'status', status: 500 });
  expectError(await RequestMedia.titled(this, name, title), 502, 'UPSTREAM_ERROR');
});

When(
  '{persona} requests {string} and Overseerr makes it but answers only after {int} seconds',
  async function (this: MediaNestWorld, name: string, title: string, seconds: number) {
    await requestAnsweredLate(this, name, title, seconds * 1000);
  },
);

Given('{persona}\'s request for {string} timed out after Overseerr made it', async function (this: MediaNestWorld, name: string, title: string) {
  expectError(await requestAnsweredLate(this, name, title, OVERSEERR_TIMEOUT_MS + 1000), 504, 'UPSTREAM_TIMEOUT');
  assert.equal(RequestMedia.inOverseerr(this, title).length, 1, 'Overseerr made the request');
});

Then(
  '{persona}\'s request for {string} is kept as failed, because Overseerr did not answer in time',
  async function (this: MediaNestWorld, name: string, title: string) {
    const [request, ...more] = expectData(await RequestMedia.list(this, name));
    assert.ok(request && more.length === 0, `${name} should have one request`);
    assert.equal(request.title, title);
    assert.equal(request.status, 'failed');
    assert.match(request.reason, /did not answer in time/);
  },
);

Then(
  '{persona}\'s request for {string} waits for an admin, linked to the one Overseerr made',
  async function (this: MediaNestWorld, name: string, title: string) {
    const request = expectData(this.lastExchangeOf(name), 201);
    const [made, ...more] = RequestMedia.inOverseerr(this, title);
    assert.ok(made && more.length === 0, `Overseerr should hold one request for "${title}"`);
    assert.equal(request.status, 'pending');
    assert.equal(request.overseerrRequestId, made.id);
    assert.equal(made.requestedBy.plexUsername, name);
  },
);

Given('{persona} has asked for {string} in Overseerr itself', function (this: MediaNestWorld, name: string, title: string) {
  const { mediaType, tmdbId } = RequestMedia.title(this, title);
  const outcome = this.upstreams.overseerr.model.request({ mediaType, mediaId: tmdbId, ...(mediaType === 'tv' ? { seasons: 'all' as const } : {}) }, overseerrUser(this, name));
  assert.ok('request' in outcome, `Overseerr refused ${name}'s request for "${title}"`);
});

Given('an admin has declined {string} in Overseerr itself', function (this: MediaNestWorld, title: string) {
  const { model } = this.upstreams.overseerr;
  const [request, ...more] = RequestMedia.inOverseerr(this, title);
  assert.ok(request && more.length === 0, `Overseerr should hold one request for "${title}"`);
  model.setStatus(request, 3, model.user(1)!); // DECLINED, by Overseerr's own admin; no webhook is sent
});
