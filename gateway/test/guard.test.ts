import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyRequest } from 'fastify';
import { enforce } from '../src/auth/guard';

const anonymousCallOf = (config: object, is404 = false) => ({ is404, routeOptions: { config }, headers: {}, method: 'GET' }) as unknown as FastifyRequest;

test('a route that does not say who may call it is for signed-in users, never open to anyone', () => {
  assert.throws(() => enforce(anonymousCallOf({})), { code: 'UNAUTHORIZED' });
  assert.throws(() => enforce(anonymousCallOf({ access: 'user' })), { code: 'UNAUTHORIZED' });
  assert.throws(() => enforce(anonymousCallOf({ access: 'admin' })), { code: 'UNAUTHORIZED' });
  assert.doesNotThrow(() => enforce(anonymousCallOf({ access: 'public' })));
});

test('an address no route answers is left to the 404 and 405 answers, signed in or not', () => {
  assert.doesNotThrow(() => enforce(anonymousCallOf({}, true)));
});
