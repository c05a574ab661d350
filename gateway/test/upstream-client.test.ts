import FakeTimers from '@sinonjs/fake-timers';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, test } from 'node:test';
import type { Clock, TimerHandle } from '../src/clock';
import { BreakerRegistry } from '../src/resilience/breakers';
import { UpstreamFailure } from '../src/resilience/upstream-failure';
import { UpstreamClient } from '../src/upstreams/upstream-client';

/** What the test server does with the next requests, in order; the last one repeats. */
type Behaviour = (req: IncomingMessage, res: ServerResponse) => void;
let script: Behaviour[] = [];
const seen: IncomingMessage[] = [];
let server: Server;
let origin: string;

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Behaviour => (_req, res) =>
  void res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

before(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    (script.length > 1 ? script.shift()! : script[0]!)(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections(); // some behaviours never finish their answer
  return new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  script = [json(200, { ok: true })];
  seen.length = 0;
});

/** A clock of its own per test (global timers stay real, so sockets work). */
function testClock() {
  const fake = FakeTimers.createClock(Date.now());
  const clock: Clock = {
    now: () => fake.now,
    setTimeout: (fn, ms) => fake.setTimeout(fn, ms) as unknown as TimerHandle,
    clearTimeout: (handle) => fake.clearTimeout(handle as never),
  };
  return { clock, fake };
}

function clientFor(baseUrl = origin, timeoutMs = 5_000) {
  const { clock, fake } = testClock();
  const client = new UpstreamClient({ name: 'overseerr', baseUrl, timeoutMs, clock, breakers: new BreakerRegistry(clock) });
  /** Runs a call, moving the clock in small steps (retry backoff) until it settles. */
  const settle = async <T>(call: Promise<T>, maxMs = 1_000): Promise<T> => {
    let done = false;
    call.then(() => (done = true), () => (done = true));
    for (let moved = 0; !done && moved < maxMs; moved += 25) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      if (!done) await fake.tickAsync(25);
    }
    return call;
  };
  return { client, fake, settle };
}

async function failure(call: Promise<unknown>): Promise<UpstreamFailure> {
  const error = await call.then(() => assert.fail('the call succeeded'), (e: unknown) => e);
  assert.ok(error instanceof UpstreamFailure, `not an UpstreamFailure: ${String(error)}`);
  return error;
}

test('a refused connection is 503 SERVICE_UNAVAILABLE naming the service, and a breaker failure', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const { client, settle } = clientFor(`http://127.0.0.1:${port}`);
  const error = await failure(settle(client.call({ method: 'POST', path: '/request', correlationId: 'c1' })));
  assert.deepEqual([error.status, error.code, error.details, error.breakerFailure], [503, 'SERVICE_UNAVAILABLE', { service: 'overseerr' }, true]);
});

test('5xx, malformed JSON, HTML and a reset are 502 UPSTREAM_ERROR, never the upstream body', async () => {
  const faults: Record<string, Behaviour> = {
    '5xx': json(500, { stack: 'at secret internals' }),
    malformed: (_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('{"results": ['),
    html: (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>oops</html>'),
    reset: (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial": ');
      setTimeout(() => req.socket.destroy(), 5);
    },
  };
  for (const [name, behaviour] of Object.entries(faults)) {
    script = [behaviour];
    const { client, settle } = clientFor();
    const error = await failure(settle(client.call({ method: 'POST', path: '/x', correlationId: 'c' })));
    assert.deepEqual([name, error.status, error.code, error.breakerFailure], [name, 502, 'UPSTREAM_ERROR', true]);
    assert.doesNotMatch(error.message, /secret|oops|partial/);
  }
});

test('a body over 5 MiB is refused without being read to the end', async () => {
  script = [(_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write(`{"padding":"${'x'.repeat(6 * 1024 * 1024)}`); // never ends
  }];
  const { client, settle } = clientFor();
  const error = await failure(settle(client.call({ method: 'POST', path: '/big', correlationId: 'c' })));
  assert.deepEqual([error.status, error.message], [502, 'overseerr answered with a body too large']);
});

test('a 429 is 503 with its Retry-After passed on, not retried and not a breaker failure', async () => {
  script = [json(429, {}, { 'retry-after': '42' })];
  const { client, settle } = clientFor();
  const error = await failure(settle(client.call({ path: '/search', correlationId: 'c' })));
  assert.deepEqual([error.status, error.headers['retry-after'], error.breakerFailure, seen.length], [503, '42', false, 1]);
});

test('expected refusals are returned to the route; other 4xx are 502 but not breaker failures', async () => {
  script = [json(404, { message: 'Request not found.' })];
  const { client } = clientFor();
  const answer = await client.call<{ message: string }>({ path: '/request/9', correlationId: 'c', expectedStatuses: [404] });
  assert.deepEqual([answer.status, answer.body.message], [404, 'Request not found.']);
  const error = await failure(client.call({ path: '/request/9', correlationId: 'c' }));
  assert.deepEqual([error.status, error.breakerFailure, seen.length], [502, false, 2]);
});

test('a GET that fails twice is answered on the third call; a POST is sent once', async () => {
  script = [json(503, {}), json(503, {}), json(200, { ok: true })];
  const { client, settle } = clientFor();
  assert.deepEqual((await settle(client.call({ path: '/search', correlationId: 'c' }))).body, { ok: true });
  assert.equal(seen.length, 3);
  script = [json(503, {}), json(200, { ok: true })];
  seen.length = 0;
  await failure(settle(client.call({ method: 'POST', path: '/request', correlationId: 'c' })));
  assert.equal(seen.length, 1);
  script = [json(503, {}), json(200, { ok: true })];
  seen.length = 0;
  await failure(settle(client.call({ path: '/library/sections/1/refresh', correlationId: 'c', retry: false })));
  assert.equal(seen.length, 1, 'a GET that changes something says retry: false and is sent once');
});

test('every call carries the correlation id, which a caller cannot override', async () => {
  const { client } = clientFor();
  await client.call({ path: '/status', correlationId: 'trace-42', headers: { 'x-correlation-id': 'forged' } });
  assert.equal(seen[0]!.headers['x-correlation-id'], 'trace-42');
});

test('a silent upstream times out exactly at the timeout, retries included, on the clock', async () => {
  script = [json(503, {}), () => undefined]; // fails once, then never answers
  const { client, fake } = clientFor(origin, 5_000);
  const startedAt = fake.now;
  let settledAt: number | undefined;
  const call = client.call({ path: '/search', correlationId: 'c' }).finally(() => (settledAt = fake.now));
  call.catch(() => undefined);
  while (seen.length < 2) {
    await new Promise((resolve) => setTimeout(resolve, 2));
    await fake.tickAsync(25);
  }
  await fake.tickAsync(startedAt + 4_999 - fake.now);
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(settledAt, undefined, 'answered before the timeout');
  await fake.tickAsync(1);
  const error = await failure(call);
  assert.deepEqual([error.status, error.code, settledAt! - startedAt], [504, 'UPSTREAM_TIMEOUT', 5_000]);
});

test('an upstream that is not configured is unavailable without any call', async () => {
  const { clock } = testClock();
  const client = new UpstreamClient({ name: 'plex-server', baseUrl: undefined, timeoutMs: 5_000, clock, breakers: new BreakerRegistry(clock) });
  const error = await failure(client.call({ path: '/', correlationId: 'c' }));
  assert.deepEqual([error.status, error.breakerFailure, seen.length], [503, false, 0]);
});
