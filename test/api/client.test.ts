import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ApiRequest } from '../../support/api/exchange';
import { MediaNestApi, operationsOfClient } from '../../support/api/medianest-api';
import { contractDocument } from '../../support/contract/document';
import { matchOperation, operationsOf } from '../../support/contract/operations';

/** What a method of the client sends, without sending it. */
function sentBy(call: (api: MediaNestApi) => unknown): ApiRequest {
  let sent: ApiRequest | undefined;
  const api = new MediaNestApi((method, path, options) => {
    sent = { method, path, ...options };
    return Promise.resolve({} as never);
  });
  call(api);
  assert.ok(sent, 'the method sent nothing');
  return sent;
}

/** One sample argument list per method: ids, keys and bodies the contract accepts. */
const ARGUMENTS: Record<string, unknown[]> = {
  changeUserRole: [7, 'admin'],
  searchMedia: [{ query: 'Arrival', page: 2 }],
  createMediaRequest: [{ mediaType: 'movie', tmdbId: 329865 }, { idempotencyKey: 'once' }],
  getMediaRequest: [7], deleteMediaRequest: [7], approveMediaRequest: [7], declineMediaRequest: [7, { reason: 'no' }],
  listLibraryItems: ['1', { limit: 2 }], listCollections: ['1'], refreshLibrary: ['1'], searchLibrary: [{ query: 'Alien' }],
  resetBreaker: ['plex-server'], getDownload: [7], cancelDownload: [7], followDownloadEvents: [7],
  verifyPin: [{ pinId: 1 }], receiveOverseerrNotification: [{ notification_type: 'TEST_NOTIFICATION' }], createDownload: [{ url: 'https://youtu.be/x' }],
};

test('the client has one method per operation of the contract, and nothing else', () => {
  const contract = operationsOf(contractDocument()).map(({ operationId }) => operationId).sort();
  assert.equal(contract.length, 32);
  assert.deepEqual(operationsOfClient().sort(), contract);
});

test('each method reaches the operation it is named after', () => {
  for (const name of operationsOfClient()) {
    const request = sentBy((api) => (api[name as keyof MediaNestApi] as (...args: unknown[]) => unknown)(...(ARGUMENTS[name] ?? [])));
    assert.equal(matchOperation(request.method, request.path)?.operationId, name, `${name} sent ${request.method} ${request.path}`);
  }
});

test('a request the contract does not describe is marked so, under the base path', () => {
  const request = sentBy((api) => api.unlisted('GET', '/no-such-address'));
  assert.deepEqual([request.path, request.outOfContract, matchOperation(request.method, request.path)], ['/api/v1/no-such-address', true, undefined]);
});

test('the idempotency key rides in its header, and query fields are encoded', () => {
  assert.equal(sentBy((api) => api.createMediaRequest({ mediaType: 'movie', tmdbId: 1 }, { idempotencyKey: 'k 1' })).headers?.['idempotency-key'], 'k 1');
  assert.equal(sentBy((api) => api.searchMedia({ query: 'Star Wars & co' })).path, '/api/v1/media/search?query=Star+Wars+%26+co');
});
