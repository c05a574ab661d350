import { Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { MediaNestWorld } from '../support/world';

/** The addresses the edge scenarios probe, by the words the features use. */
const ADDRESSES: Record<string, { path: string; field: 'page' | 'id' }> = {
  'his downloads': { path: '/api/v1/youtube/downloads', field: 'page' },
  'his media requests': { path: '/api/v1/media/requests', field: 'page' },
  'one of his media requests': { path: '/api/v1/media/requests/{id}', field: 'id' },
  'one of his downloads': { path: '/api/v1/youtube/downloads/{id}', field: 'id' },
  'the events of a download': { path: '/api/v1/youtube/downloads/{id}/events', field: 'id' },
  'the health check': { path: '/api/v1/health', field: 'page' },
  'the dashboard': { path: '/api/v1/dashboard/status', field: 'page' },
  'an address MediaNest does not have': { path: '/api/v1/media/wishlist', field: 'page' },
};

function addressOf(words: string, value = '1'): string {
  const address = ADDRESSES[words];
  if (!address) throw new Error(`no address is known as "${words}"`);
  return address.path.includes('{id}') ? address.path.replace('{id}', value) : address.field === 'page' && value !== '1' ? `${address.path}?page=${value}` : address.path;
}

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
