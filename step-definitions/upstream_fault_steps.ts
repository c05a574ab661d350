import { defineParameterType, Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { UpstreamName } from '../support/upstreams/fake-upstream';
import { FAULT_WORDS, type FaultKind } from '../support/upstreams/faults';
import { expectError } from '../support/checks/answers';
import { notesOf } from '../support/tasks/resilience-notes';
import { SignIn } from '../support/tasks/sign-in';
import { UpstreamOperations, type UpstreamOperation } from '../support/tasks/upstream-operations';
import { whileUpstreamHolds } from '../support/tasks/while-time-passes';
import type { MediaNestWorld } from '../support/world';

const escape = (words: string) => words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "is down", "answers with malformed JSON", ...: the fault vocabulary of support/upstreams/faults.ts. */
defineParameterType({
  name: 'fault',
  regexp: new RegExp(Object.keys(FAULT_WORDS).sort((a, b) => b.length - a.length).map(escape).join('|')),
  transformer: (words: string): FaultKind => FAULT_WORDS[words as keyof typeof FAULT_WORDS],
});

Given('{upstream} {fault}', function (this: MediaNestWorld, upstream: UpstreamName, fault: FaultKind) {
  this.upstreams.byName(upstream).fails(fault);
});

Given('{upstream} answers only after {duration}', function (this: MediaNestWorld, upstream: UpstreamName, ms: number) {
  this.upstreams.byName(upstream).answersAfter(ms);
});

Given('{upstream} fails {int} time(s) with a server error, then recovers', function (this: MediaNestWorld, upstream: UpstreamName, times: number) {
  this.upstreams.byName(upstream).flaps(times);
});

Given('{upstream} answers its first call with a server error, then falls silent', function (this: MediaNestWorld, upstream: UpstreamName) {
  const fake = this.upstreams.byName(upstream);
  fake.flaps(1);
  fake.staysSilent();
});

Given('{upstream}\'s next answer takes {duration}', function (this: MediaNestWorld, upstream: UpstreamName, ms: number) {
  this.upstreams.byName(upstream).fails({ kind: 'slow', ms }, 1);
});

Given('{upstream} fails everything it is asked to create', function (this: MediaNestWorld, upstream: UpstreamName) {
  this.upstreams.byName(upstream).failsOnly('POST', { kind: 'status', status: 500 });
});

Given('{upstream} has recovered', function (this: MediaNestWorld, upstream: UpstreamName) {
  this.upstreams.byName(upstream).recovers();
});

When(
  '{actor} asks to sign in with Plex and plex.tv stays silent for {duration}',
  async function (this: MediaNestWorld, name: string, ms: number) {
    const plexTv = this.upstreams.plexTv;
    plexTv.staysSilent();
    const askedAt = this.clock.now();
    await whileUpstreamHolds(this, plexTv, SignIn.askForPin(this.actor(name)), ms);
    this.remember('how long the answer took', this.clock.now() - askedAt);
  },
);

When('{actor} asks to sign in with Plex and {duration} pass', async function (this: MediaNestWorld, name: string, ms: number) {
  const exchange = await whileUpstreamHolds(this, this.upstreams.plexTv, SignIn.askForPin(this.actor(name)), ms);
  if (exchange.response.status === 201) this.actor(name).pinId = exchange.response.body.data.id;
});

/** Asks, then moves the clock by `ms` once the upstream holds the call, remembering how long the answer took. */
async function tryWhileTimePasses(world: MediaNestWorld, name: string, operation: UpstreamOperation, ms: number) {
  const actor = world.actor(name);
  const fake = UpstreamOperations.fakeOf(world, operation);
  assert.ok(!operation.needsSession || actor.session, `${name} must be signed in first`);
  Object.assign(notesOf(world), { operation, callsBefore: fake.journal.entries.length });
  const askedAt = world.clock.now();
  await whileUpstreamHolds(world, fake, operation.send(actor), ms);
  world.remember('how long the answer took', world.clock.now() - askedAt);
}

When('{actor} tries to {operation} and {duration} pass(es)', function (this: MediaNestWorld, name: string, operation: UpstreamOperation, ms: number) {
  return tryWhileTimePasses(this, name, operation, ms);
});

When(
  '{actor} tries to {operation} and {upstream} stays silent for {duration}',
  function (this: MediaNestWorld, name: string, operation: UpstreamOperation, upstream: UpstreamName, ms: number) {
    assert.equal(upstream, operation.upstream, `that does not call ${upstream}`);
    this.upstreams.byName(upstream).staysSilent();
    return tryWhileTimePasses(this, name, operation, ms);
  },
);

Then('the refusal came {int} seconds after the question, on the scenario clock', function (this: MediaNestWorld, seconds: number) {
  assert.equal(this.recall<number>('how long the answer took'), seconds * 1000);
});

Then('the refusal does not show plex.tv\'s own error text', function (this: MediaNestWorld) {
  assert.doesNotMatch(this.lastExchange.response.text, /Internal Server Error|upstream internals/);
});

Given('{persona} signs out of every device at plex.tv', function (this: MediaNestWorld, name: string) {
  this.upstreams.plexTv.model.revokeTokens(name);
});

Given('plex.tv is configured at a host no fake serves', function (this: MediaNestWorld) {
  this.env.PLEX_TV_URL = 'https://plex.unfaked.example';
});

Then('the refusal shows nothing of {upstream}\'s own answer', function (this: MediaNestWorld, _upstream: UpstreamName) {
  const { text } = this.lastExchange.response;
  assert.doesNotMatch(text, /Internal Server Error|upstream internals|<html|padding|"partial"|"results"|refused with/i);
  assert.ok(text.length < 2_000, `the refusal is ${text.length} characters long`);
});

Then('the refusal carries the correlation id {string}', function (this: MediaNestWorld, id: string) {
  const exchange = this.lastExchange;
  expectError(exchange, exchange.response.status, exchange.response.body?.error?.code);
  assert.ok(exchange.response.status >= 400, 'the call was not refused');
  const { body, headers } = exchange.response;
  assert.equal(body?.error?.correlationId, id);
  assert.equal(headers['x-correlation-id'], id);
});

Then('the refusal carries a new correlation id instead of {persona}\'s', function (this: MediaNestWorld, name: string) {
  const exchange = this.lastExchangeOf(name);
  const { body, headers } = exchange.response;
  expectError(exchange, exchange.response.status, body?.error?.code);
  assert.ok(exchange.response.status >= 400, 'the call was not refused');
  assert.notEqual(headers['x-correlation-id'], exchange.request.headers?.['x-correlation-id'], 'the id sent was echoed');
  // CONTRACT.md: anything outside 1-128 characters of [A-Za-z0-9._-] is replaced by a new UUID
  assert.match(headers['x-correlation-id'] ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  assert.equal(body.error.correlationId, headers['x-correlation-id']);
  this.remember('the new correlation id', headers['x-correlation-id']);
});

Then('{upstream} saw that new correlation id on every call for it', function (this: MediaNestWorld, upstream: UpstreamName) {
  const id = this.recall<string>('the new correlation id');
  const calls = this.upstreams.byName(upstream).journal.entries.slice(notesOf(this).callsBefore);
  assert.ok(calls.length > 0, `${upstream} received no call`);
  assert.deepEqual(calls.map((call) => call.headers['x-correlation-id']), calls.map(() => id));
});

Then('{upstream} saw the correlation id {string} on every call for it', function (this: MediaNestWorld, upstream: UpstreamName, id: string) {
  const calls = this.upstreams.byName(upstream).journal.entries.slice(notesOf(this).callsBefore);
  assert.ok(calls.length > 0, `${upstream} received no call`);
  assert.deepEqual(calls.map((call) => call.headers['x-correlation-id']), calls.map(() => id));
});
