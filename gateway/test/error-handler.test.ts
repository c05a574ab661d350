import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { installErrorHandler } from '../src/http/error-handler';
import { ApiError } from '../src/http/errors';

async function appWith(handler: () => unknown) {
  const app = Fastify({ logger: false });
  installErrorHandler(app);
  app.get('/boom', async () => handler());
  await app.ready();
  return app;
}

test('an uncatalogued error becomes a generic 500 without its message or stack', async () => {
  const app = await appWith(() => {
    throw new Error('database password is hunter2');
  });
  const response = await app.inject({ url: '/boom' });
  assert.equal(response.statusCode, 500);
  const body = response.json();
  assert.equal(body.error.code, 'INTERNAL_ERROR');
  assert.doesNotMatch(response.body, /hunter2|at /);
  assert.equal(typeof body.error.correlationId, 'string');
});

test('a catalogued error answers its own status, code, details and headers', async () => {
  const app = await appWith(() => {
    throw new ApiError('SERVICE_UNAVAILABLE', 'Overseerr is down', { service: 'overseerr' }, { 'retry-after': '30' });
  });
  const response = await app.inject({ url: '/boom' });
  assert.equal(response.statusCode, 503);
  assert.equal(response.headers['retry-after'], '30');
  assert.deepEqual(response.json().error.details, { service: 'overseerr' });
});

test('an unknown route answers NOT_FOUND in the envelope', async () => {
  const app = await appWith(() => 'ok');
  const response = await app.inject({ url: '/nowhere' });
  assert.equal(response.statusCode, 404);
  assert.equal(response.json().error.code, 'NOT_FOUND');
});

test('a method the path does not have answers METHOD_NOT_ALLOWED with Allow; an unknown path stays NOT_FOUND', async () => {
  const app = Fastify({ logger: false });
  installErrorHandler(app);
  app.get('/things/:id', async () => 'ok');
  app.delete('/things/:id', async () => 'ok');
  await app.ready();
  const wrongMethod = await app.inject({ method: 'PUT', url: '/things/7?x=1' });
  assert.equal(wrongMethod.statusCode, 405);
  assert.equal(wrongMethod.headers.allow, 'DELETE, GET, HEAD');
  assert.equal(wrongMethod.json().error.code, 'METHOD_NOT_ALLOWED');
  const unknown = await app.inject({ method: 'PUT', url: '/things/7/more' });
  assert.equal(unknown.statusCode, 404);
  assert.equal(unknown.headers.allow, undefined);
});
