import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { HttpExchange } from '../support/api/exchange';
import { expectData, expectError } from '../support/checks/answers';
import { contractStatusOf } from '../support/contract/error-codes';
import { RequestMedia } from '../support/tasks/request-media';
import type { MediaNestWorld } from '../support/world';

When('{persona} sends two identical requests for {string} at the same moment', async function (this: MediaNestWorld, name: string, title: string) {
  await RequestMedia.by(this, name); // signed in first, so both requests leave together
  this.remember('both answers', await Promise.all([RequestMedia.titled(this, name, title), RequestMedia.titled(this, name, title)]));
});

Then('one is accepted and the other is refused with {word}', function (this: MediaNestWorld, code: string) {
  const answers = this.recall<HttpExchange[]>('both answers');
  const accepted = answers.filter((exchange) => exchange.response.status === 201);
  const refused = answers.filter((exchange) => exchange.response.status !== 201);
  assert.equal(accepted.length, 1, `one of ${answers.map((exchange) => exchange.response.status).join(' and ')} should be 201`);
  expectData(accepted[0]!, 201);
  expectError(refused[0]!, contractStatusOf(code), code);
});

Given(
  '{persona} has requested {string} with the idempotency key {string}',
  async function (this: MediaNestWorld, name: string, title: string, key: string) {
    const exchange = await RequestMedia.titled(this, name, title, { idempotencyKey: key });
    expectData(exchange, 201);
    this.remember('the first answer', exchange);
  },
);

When(
  '{persona} requests {string}( again) with the idempotency key {string}',
  async function (this: MediaNestWorld, name: string, title: string, key: string) {
    await RequestMedia.titled(this, name, title, { idempotencyKey: key });
  },
);

Then('{persona} gets the first answer again', function (this: MediaNestWorld, name: string) {
  const first = this.recall<HttpExchange>('the first answer');
  const again = this.lastExchangeOf(name);
  expectData(again, 201);
  assert.deepEqual(again.response.body, first.response.body);
  assert.equal(again.response.headers['idempotent-replayed'], 'true', 'the answer says it is a replay');
});
