import { defineParameterType } from '@cucumber/cucumber';
import type { Actor } from '../actor';
import type { HttpExchange } from '../api/exchange';
import { phrasesOf } from '../parameter-types';

/**
 * The addresses the edge scenarios probe (numbers out of bounds, methods an address lacks), by the
 * words the features use, under the API's base path: they are outside the contract on purpose,
 * so no operation of the client names them.
 */
const ADDRESSES: Record<string, { path: string; field: 'page' | 'id' }> = {
  'his downloads': { path: '/youtube/downloads', field: 'page' },
  'his media requests': { path: '/media/requests', field: 'page' },
  'the list of media requests': { path: '/media/requests', field: 'page' },
  'one of his media requests': { path: '/media/requests/{id}', field: 'id' },
  'one of his downloads': { path: '/youtube/downloads/{id}', field: 'id' },
  'the events of a download': { path: '/youtube/downloads/{id}/events', field: 'id' },
  'the health check': { path: '/health', field: 'page' },
  'the dashboard': { path: '/dashboard/status', field: 'page' },
  'the API description': { path: '/openapi.json', field: 'page' },
  'an address MediaNest does not have': { path: '/media/wishlist', field: 'page' },
  'the live-updates address': { path: '/ws', field: 'page' },
  'an address with a broken percent-escape': { path: '/media/requests/%zz', field: 'page' },
};

defineParameterType({ name: 'address', regexp: phrasesOf(ADDRESSES), transformer: (words: string) => words });
defineParameterType({ name: 'httpMethod', regexp: /[A-Z]+/, transformer: (method: string) => method });

function addressOf(words: string, value = '1'): string {
  const address = ADDRESSES[words]!;
  return address.path.includes('{id}') ? address.path.replace('{id}', value) : address.field === 'page' && value !== '1' ? `${address.path}?page=${value}` : address.path;
}

export const EdgeAddresses = {
  /** Asks for an address with its page or id set to a value (a number past what the contract bounds). */
  askWith(actor: Actor, words: string, value: string): Promise<HttpExchange> {
    return actor.api.unlisted('GET', addressOf(words, value));
  },

  /** Sends a method to an address. */
  send(actor: Actor, method: string, words: string): Promise<HttpExchange> {
    return actor.api.unlisted(method, addressOf(words));
  },
};
