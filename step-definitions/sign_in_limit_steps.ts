import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { expectData, expectError } from '../support/checks/answers';
import { RateLimits } from '../support/tasks/rate-limits';
import { SignIn } from '../support/tasks/sign-in';
import type { MediaNestWorld } from '../support/world';

Given('a visitor has asked for {int} PINs this minute', async function (this: MediaNestWorld, count: number) {
  for (let i = 0; i < count; i++) expectData(await SignIn.askForPin(this.visitor), 201);
});

When('the visitor asks for another PIN', async function (this: MediaNestWorld) {
  await SignIn.askForPin(this.visitor);
});

Then('plex.tv was asked for {int} PINs only', function (this: MediaNestWorld, count: number) {
  assert.equal(this.upstreams.plexTv.journal.calls('POST', '/api/v2/pins').length, count);
});

Given('a visitor has tried {int} PINs this minute', async function (this: MediaNestWorld, count: number) {
  for (let i = 0; i < count; i++) expectError(await SignIn.verify(this.visitor, 999_999_000 + i), 404, 'PIN_NOT_FOUND');
});

When('the visitor tries another PIN', async function (this: MediaNestWorld) {
  await SignIn.verify(this.visitor, 999_999_999);
});

Then('the refusal says the minute allows {int}, none are left, and when it resets', function (this: MediaNestWorld, limit: number) {
  const exchange = this.lastExchange;
  const { limit: allowed, remaining, reset } = RateLimits.headersOf(exchange);
  assert.deepEqual([allowed, remaining], [limit, 0]);
  assert.ok(reset >= 1 && reset <= 60, `RateLimit-Reset was ${reset}`);
  const legacy = Object.keys(exchange.response.headers).filter((name) => name.startsWith('x-ratelimit-'));
  assert.deepEqual(legacy, [], 'only the draft-standard RateLimit headers are sent');
});
