import { Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { addressOf } from '../support/tasks/edge-addresses';
import type { MediaNestWorld } from '../support/world';

When(/^(\w+) asks for (.+) with (?:page|id) (\S+)$/, async function (this: MediaNestWorld, name: string, words: string, value: string) {
  // outside the contract on purpose: the document bounds every number
  await this.actor(name).call('GET', addressOf(words, value), { outOfContract: true });
});

When(/^(\w+) sends ([A-Z]+) to (.+)$/, async function (this: MediaNestWorld, name: string, method: string, words: string) {
  await this.actor(name).call(method, addressOf(words), { outOfContract: true });
});

Then('the refusal names the field {string}', function (this: MediaNestWorld, field: string) {
  const fields = this.lastExchange.response.body.error.details?.fields?.map((named: { field: string }) => named.field) ?? [];
  assert.deepEqual(fields, [field]);
});

Then('{actor} is told the address allows {string}', function (this: MediaNestWorld, actor: string, allowed: string) {
  assert.equal(this.lastExchangeOf(actor).response.headers.allow, allowed);
});

Then('{actor} is not told of any methods', function (this: MediaNestWorld, actor: string) {
  assert.equal(this.lastExchangeOf(actor).response.headers.allow, undefined);
});
