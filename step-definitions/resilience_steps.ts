import { defineParameterType, Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { expectError } from '../support/checks/answers';
import { letTimePassGradually } from '../support/tasks/answer-while-time-runs';
import { Breakers } from '../support/tasks/breakers';
import { notesOf } from '../support/tasks/resilience-notes';
import { OPERATIONS, operationFor, operationNamed, UpstreamOperations, type UpstreamOperation } from '../support/tasks/upstream-operations';
import type { UpstreamName } from '../support/upstreams/fake-upstream';
import type { MediaNestWorld } from '../support/world';

/** "browse the library", "search for a film", ...: what a person does that needs one upstream. */
defineParameterType({
  name: 'operation',
  regexp: new RegExp(Object.keys(OPERATIONS).map((words) => words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')),
  transformer: operationNamed,
});

async function tryOnce(world: MediaNestWorld, name: string, operation: UpstreamOperation, headers?: Record<string, string>) {
  const notes = notesOf(world);
  const actor = world.actor(name);
  notes.operation = operation;
  notes.callsBefore = UpstreamOperations.fakeOf(world, operation).journal.entries.length;
  return UpstreamOperations.perform(world, actor, operation, headers);
}

const callsSinceLastTry = (world: MediaNestWorld, upstream: UpstreamName) =>
  world.upstreams.byName(upstream).journal.entries.length - notesOf(world).callsBefore;

Given('{actor} has tried to {operation} {int} times in vain', async function (this: MediaNestWorld, name: string, operation: UpstreamOperation, times: number) {
  await UpstreamOperations.failRepeatedly(this, this.actor(name), operation, times);
  notesOf(this).callsWhenOpened = UpstreamOperations.fakeOf(this, operation).journal.entries.length;
});

Given('{actor} has tried to {operation} {int} times, each time until it timed out after {duration}', async function (this: MediaNestWorld, name: string, operation: UpstreamOperation, times: number, ms: number) {
  await UpstreamOperations.timeOutRepeatedly(this, this.actor(name), operation, times, ms);
  notesOf(this).callsWhenOpened = UpstreamOperations.fakeOf(this, operation).journal.entries.length;
});

Given('{upstream}\'s breaker opened after {persona}\'s {int} failed tries', async function (this: MediaNestWorld, upstream: UpstreamName, name: string, times: number) {
  const operation = operationFor(upstream);
  notesOf(this).operation = operation;
  notesOf(this).callsWhenOpened = await Breakers.openBy(this, this.actor(name), operation, times);
});

When('{actor} tries to {operation}( again)', async function (this: MediaNestWorld, name: string, operation: UpstreamOperation) {
  await tryOnce(this, name, operation);
});

When('{actor} tries to {operation} with the correlation id {string}', async function (this: MediaNestWorld, name: string, operation: UpstreamOperation, id: string) {
  await tryOnce(this, name, operation, { 'x-correlation-id': id });
});

When('{actor} tries to {operation} with a correlation id of {int} characters', async function (this: MediaNestWorld, name: string, operation: UpstreamOperation, length: number) {
  // characters the gateway would echo: only the length is wrong
  await tryOnce(this, name, operation, { 'x-correlation-id': 'bob-trace-'.padEnd(length, '0') });
});

When('{actor} tries to {operation} {int} times', async function (this: MediaNestWorld, name: string, operation: UpstreamOperation, times: number) {
  for (let i = 0; i < times; i++) notesOf(this).tries.push(await tryOnce(this, name, operation));
});

Then('{actor} gets what (s)he asked for', function (this: MediaNestWorld, name: string) {
  const { operation } = notesOf(this);
  assert.ok(operation, 'no operation was tried');
  operation.succeeded(this.lastExchangeOf(name));
});

Then('{persona} and {persona} get what they asked for', function (this: MediaNestWorld, first: string, second: string) {
  const { operation } = notesOf(this);
  assert.ok(operation, 'no operation was tried');
  operation.succeeded(this.lastExchangeOf(first));
  operation.succeeded(this.lastExchangeOf(second));
});

Then('every try was refused with {word}', function (this: MediaNestWorld, code: string) {
  const { tries } = notesOf(this);
  assert.ok(tries.length > 0, 'nothing was tried');
  for (const exchange of tries) expectError(exchange, exchange.response.status, code);
});

Then('{upstream} received no call after its breaker opened', function (this: MediaNestWorld, upstream: UpstreamName) {
  const opened = notesOf(this).callsWhenOpened;
  assert.ok(opened !== undefined, 'the breaker was not opened by a step');
  const since = this.upstreams.byName(upstream).journal.entries.slice(opened);
  assert.deepEqual(since.map((call) => `${call.method} ${call.path}`), [], `${upstream} was called while its breaker was open`);
});

Then('{upstream} was called {int} time(s) for it', function (this: MediaNestWorld, upstream: UpstreamName, times: number) {
  assert.equal(callsSinceLastTry(this, upstream), times);
});

Then('{upstream} was asked to create it {int} time(s)', function (this: MediaNestWorld, upstream: UpstreamName, times: number) {
  const calls = this.upstreams.byName(upstream).journal.entries.slice(notesOf(this).callsBefore);
  assert.equal(calls.filter((call) => call.method === 'POST').length, times);
});

Then('{actor} is told to retry in at most {int} second(s)', function (this: MediaNestWorld, name: string, seconds: number) {
  const retryAfter = Number(this.lastExchangeOf(name).response.headers['retry-after']);
  assert.ok(retryAfter >= 1 && retryAfter <= seconds, `Retry-After was ${retryAfter}`);
});

Then('{actor} is told to retry in {int} seconds, as {upstream} asked', function (this: MediaNestWorld, name: string, seconds: number, _upstream: UpstreamName) {
  assert.equal(this.lastExchangeOf(name).response.headers['retry-after'], String(seconds));
});

Then('{upstream}\'s breaker is {word}', async function (this: MediaNestWorld, upstream: UpstreamName, state: string) {
  const breaker = await Breakers.stateOf(this, upstream);
  // a closed breaker starts counting from nothing: failures before it closed no longer bring it nearer to opening
  const expected = state === 'closed' ? { state: 'closed', failures: 0 } : { state: state.replace('-', '_'), failures: breaker.failures };
  assert.deepEqual({ state: breaker.state, failures: breaker.failures }, expected);
});

Then('{upstream}\'s breaker is open again for another 30 seconds', async function (this: MediaNestWorld, upstream: UpstreamName) {
  const breaker = await Breakers.stateOf(this, upstream);
  assert.equal(breaker.state, 'open');
  const wait = Date.parse(breaker.nextAttemptAt!) - this.clock.now();
  assert.ok(wait > 29_000 && wait <= 30_000, `the next attempt is ${wait} ms away`);
});

When('{persona} looks at the circuit breakers', async function (this: MediaNestWorld, name: string) {
  await Breakers.list(this.actor(name));
});

When('{actor} tries to look at the circuit breakers', async function (this: MediaNestWorld, name: string) {
  await Breakers.list(this.actor(name));
});

When('{actor} tries to reset {upstream}\'s breaker', async function (this: MediaNestWorld, name: string, upstream: UpstreamName) {
  await Breakers.reset(this.actor(name), upstream);
});

When('{persona} resets {upstream}\'s breaker', async function (this: MediaNestWorld, name: string, upstream: UpstreamName) {
  Breakers.resetAnswered(await Breakers.reset(this.actor(name), upstream), upstream);
});

When('{persona} resets the breaker of {string}', async function (this: MediaNestWorld, name: string, upstream: string) {
  await Breakers.reset(this.actor(name), upstream);
});

Then('she sees {upstream}\'s breaker open after {int} failures, probing 30 seconds after it opened', function (this: MediaNestWorld, upstream: UpstreamName, failures: number) {
  const breaker = Breakers.listed(this.lastExchange).find((b) => b.upstream === upstream);
  assert.ok(breaker, `${upstream} is not listed`);
  assert.deepEqual([breaker.state, breaker.failures], ['open', failures]);
  assert.ok(Date.parse(breaker.openedAt!) <= this.clock.now(), 'it opened in the future');
  assert.equal(Date.parse(breaker.nextAttemptAt!) - Date.parse(breaker.openedAt!), 30_000);
});

Then('she sees every breaker but {upstream}\'s closed', function (this: MediaNestWorld, upstream: UpstreamName) {
  const others = Breakers.listed(this.lastExchange).filter((b) => b.upstream !== upstream);
  assert.deepEqual(others.map((b) => `${b.upstream}: ${b.state}, ${b.failures} failures`).sort(), [
    'overseerr: closed, 0 failures', 'plex-server: closed, 0 failures', 'plex-tv: closed, 0 failures', 'uptime-kuma: closed, 0 failures',
  ].filter((line) => !line.startsWith(upstream)));
});

Then('{persona}\'s next try to {operation} reaches {upstream} at once', async function (this: MediaNestWorld, name: string, operation: UpstreamOperation, upstream: UpstreamName) {
  const calls = this.upstreams.byName(upstream).journal.entries.length;
  // without moving the clock: an answer that had to wait for a probe or a retry never comes
  const answer = operation.send(this.actor(name));
  const late = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the answer waited on the clock')), 2_000).unref());
  operation.succeeded(await Promise.race([answer, late]));
  assert.ok(this.upstreams.byName(upstream).journal.entries.length > calls, `${upstream} was not called`);
});

Given('{persona} has browsed the library', async function (this: MediaNestWorld, name: string) {
  const operation = OPERATIONS['browse the library'];
  operation.succeeded(await UpstreamOperations.perform(this, this.actor(name), operation));
});

Then('(s)he is told it is a stale copy, kept because {upstream} failed', function (this: MediaNestWorld, _upstream: UpstreamName) {
  const { headers, body } = this.lastExchange.response;
  assert.match(headers['cache-status'] ?? '', /^medianest; hit; ttl=-\d+; detail=stale-if-error$/);
  assert.equal(body.meta?.stale, true);
});

When('{persona} and {persona} both try to {operation} while the first answer takes {duration}', async function (this: MediaNestWorld, first: string, second: string, operation: UpstreamOperation, ms: number) {
  notesOf(this).operation = operation;
  this.remember('the probe race', await Breakers.raceTheProbe(this, [this.actor(first), this.actor(second)], operation, ms));
});

Then('{upstream} heard from {persona} only once {persona}\'s probe was answered', function (this: MediaNestWorld, upstream: UpstreamName, second: string, first: string) {
  const calls = this.upstreams.byName(upstream).journal.entries.slice(notesOf(this).callsWhenOpened);
  const tokenOf = (name: string) => this.upstreams.plexTv.model.account(name).authToken;
  assert.deepEqual(calls.map((call) => call.headers['x-plex-token']), [tokenOf(first), tokenOf(second)]);
  const ms = this.recall<{ probeMs: number }>('the probe race').probeMs;
  assert.ok(calls[1]!.at - calls[0]!.at >= ms, `${second}'s call reached ${upstream} ${calls[1]!.at - calls[0]!.at} ms after the probe`);
});

Given('MediaNest has polled a failing Uptime Kuma until its breaker opened', async function (this: MediaNestWorld) {
  notesOf(this).callsWhenOpened = await Breakers.openByPolling(this, 'uptime-kuma');
});

When('MediaNest keeps polling Uptime Kuma for {duration}', async function (this: MediaNestWorld, ms: number) {
  await letTimePassGradually(this, ms);
});

Given('MediaNest reads Uptime Kuma every {int} seconds', function (this: MediaNestWorld, seconds: number) {
  this.env.UPTIME_KUMA_POLL_SECONDS = String(seconds);
});

Then('{upstream} was not called during those {int} seconds', function (this: MediaNestWorld, upstream: UpstreamName, seconds: number) {
  const since = this.clock.now() - seconds * 1000;
  const calls = this.upstreams.byName(upstream).journal.entries.filter((call) => call.at > since);
  assert.deepEqual(calls.map((call) => `${call.method} ${call.path} at ${new Date(call.at).toISOString()}`), []);
});
