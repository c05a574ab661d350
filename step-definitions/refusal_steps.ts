import { Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { contractStatusOf } from '../support/contract/error-codes';
import { expectError } from '../support/checks/answers';
import type { MediaNestWorld } from '../support/world';

/** The codes and statuses are the published contract's (CONTRACT.md, "Error codes"), never the gateway's own. */
function refused(world: MediaNestWorld, actor: string, code: string) {
  const exchange = world.lastExchangeOf(actor);
  expectError(exchange, contractStatusOf(code), code);
  return exchange;
}

Then('{actor} is refused with {word}', function (this: MediaNestWorld, actor: string, code: string) {
  refused(this, actor, code);
});

Then('{actor} is refused with {word} from {word}', function (this: MediaNestWorld, actor: string, code: string, service: string) {
  assert.equal(refused(this, actor, code).response.body.error.details?.service, service);
});

Then('{actor} is told when to retry', function (this: MediaNestWorld, actor: string) {
  const retryAfter = this.lastExchangeOf(actor).response.headers['retry-after'];
  assert.match(retryAfter ?? '', /^\d+$/, 'Retry-After is a number of seconds');
  assert.ok(Number(retryAfter) >= 1 && Number(retryAfter) <= 60);
});

Then('the refusal names the fields {string} and {string}', function (this: MediaNestWorld, first: string, second: string) {
  const fields = this.lastExchange.response.body.error.details.fields.map((field: { field: string }) => field.field);
  assert.ok(fields.includes(first) && fields.includes(second), `the refusal names ${fields.join(', ')}`);
});
