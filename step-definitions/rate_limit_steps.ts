import { defineParameterType, Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { HttpExchange } from '../support/api/exchange';
import { expectData, expectError, expectStatus } from '../support/checks/answers';
import { RateLimits, UNLIMITED_ENDPOINTS } from '../support/tasks/rate-limits';
import type { MediaNestWorld } from '../support/world';

/** "liveness check", "Overseerr webhook", ...: the endpoints the limits leave alone. */
defineParameterType({
  name: 'unlimitedEndpoint',
  regexp: new RegExp(Object.keys(UNLIMITED_ENDPOINTS).join('|')),
  transformer: (words: string) => UNLIMITED_ENDPOINTS[words]!,
});

const session = (world: MediaNestWorld, name: string) => () => world.actor(name).call('GET', '/api/v1/auth/session');
const burstOf = (world: MediaNestWorld) => world.recall<HttpExchange[]>('the burst');

Given('each anonymous address may make {int} requests a minute', function (this: MediaNestWorld, limit: number) {
  this.env.RATE_LIMIT_ANON_PER_MINUTE = String(limit);
});

Given('{persona} has used up his/her requests for this minute', async function (this: MediaNestWorld, name: string) {
  const answered = await RateLimits.useUp(session(this, name));
  assert.equal(answered, Number(this.env.RATE_LIMIT_USER_PER_MINUTE ?? 300), `${name} was answered ${answered} times before the limit`);
});

Given('a visitor has been refused {int} times for not being signed in', async function (this: MediaNestWorld, times: number) {
  for (let i = 0; i < times; i++) expectError(await session(this, 'a visitor')(), 401, 'UNAUTHORIZED');
});

Given('{persona} has looked at his/her session', async function (this: MediaNestWorld, name: string) {
  expectData(await session(this, name)());
});

When('the visitor looks at the session once more', async function (this: MediaNestWorld) {
  await session(this, 'a visitor')();
});

When('{persona} checks his/her session {int} times at once', async function (this: MediaNestWorld, name: string, times: number) {
  this.remember('the burst', await RateLimits.burst(times, session(this, name)));
});

When('a visitor calls the {unlimitedEndpoint} {int} times', async function (this: MediaNestWorld, endpoint: (typeof UNLIMITED_ENDPOINTS)[string], times: number) {
  const calls: HttpExchange[] = [];
  for (let i = 0; i < times; i++) calls.push(await endpoint(this.visitor));
  this.remember('the burst', calls);
});

Then('exactly {int} of {persona}\'s checks are answered and {int} are refused with RATE_LIMITED', function (this: MediaNestWorld, answered: number, _name: string, refused: number) {
  const burst = burstOf(this);
  const ok = burst.filter((exchange) => exchange.response.status === 200);
  const limited = burst.filter((exchange) => exchange.response.status === 429);
  assert.deepEqual([ok.length, limited.length], [answered, refused], `statuses: ${[...new Set(burst.map((e) => e.response.status))].join(', ')}`);
  limited.forEach((exchange) => expectError(exchange, 429, 'RATE_LIMITED'));
});

Then('every answer tells how many requests the minute allows, how many are left and when it resets', function (this: MediaNestWorld) {
  const burst = burstOf(this);
  const remaining = burst.map((exchange) => RateLimits.headersOf(exchange)).map(({ limit, remaining, reset }) => {
    assert.equal(limit, Number(this.env.RATE_LIMIT_USER_PER_MINUTE));
    assert.ok(reset >= 1 && reset <= 60, `RateLimit-Reset was ${reset}`);
    return remaining;
  });
  // each admitted call used one: the remaining counts are limit-1 down to 0, each once
  const admitted = remaining.length - burst.filter((exchange) => exchange.response.status === 429).length;
  assert.deepEqual(remaining.filter((_, i) => burst[i]!.response.status === 200).sort((a, b) => a - b), Array.from({ length: admitted }, (_, i) => i));
});

Then('every refusal says when to retry, within the minute', function (this: MediaNestWorld) {
  for (const exchange of burstOf(this).filter((e) => e.response.status === 429)) {
    const retryAfter = Number(exchange.response.headers['retry-after']);
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After was ${exchange.response.headers['retry-after']}`);
  }
});

Then('none of those calls was refused for going too fast', function (this: MediaNestWorld) {
  for (const exchange of burstOf(this)) {
    exchange.asserted = true;
    assert.ok(exchange.response.status < 400, `${exchange.request.method} ${exchange.request.path} answered ${exchange.response.status}`);
    assert.equal(exchange.response.headers['ratelimit-limit'], undefined, 'an unlimited endpoint carries no RateLimit headers');
  }
});

Then('{actor} is answered', function (this: MediaNestWorld, name: string) {
  expectData(this.lastExchangeOf(name));
});

Then('the answer says {persona} may make {int} requests a minute and has {int} left', function (this: MediaNestWorld, name: string, limit: number, left: number) {
  const exchange = this.lastExchangeOf(name);
  expectStatus(exchange, 200);
  const headers = RateLimits.headersOf(exchange);
  assert.deepEqual([headers.limit, headers.remaining], [limit, left]);
});

Then('the answer says {persona}\'s minute resets in {int} seconds', function (this: MediaNestWorld, name: string, seconds: number) {
  const exchange = this.lastExchangeOf(name);
  expectStatus(exchange, 200);
  assert.equal(RateLimits.headersOf(exchange).reset, seconds);
});
