import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, describe, it, test } from 'node:test';
import Redis from 'ioredis';
import WebSocket from 'ws';
import { redisMissing, startRedis, type RedisServer } from '../../support/servers/redis-server';
import { buildGateway, type Gateway } from '../src/app';
import { ConfigError, readConfig } from '../src/config';
import { DownloadEvents, type StreamEvent } from '../src/downloads/download-events';
import { DownloadStore } from '../src/downloads/download-store';
import type { GatewayEvent } from '../src/realtime/events';
import { COMMAND_TIMEOUT_MS } from '../src/redis/shared-redis';

const SECRETS = { JWT_SECRET: 'j'.repeat(32), ENCRYPTION_KEY: 'e'.repeat(32) };
const quiet = { write: () => undefined };
/** Longer than any answer may take while Redis is away (commands fail at once, or after 500 ms). */
const NO_HANG_MS = 2_000;
/** Each test's bound: an event that never arrives fails its test, not the whole file. */
const BOUNDED = { timeout: 10_000 };

test('REDIS_URL must be a redis:// or rediss:// URL', () => {
  for (const url of ['redis://127.0.0.1:6379', 'rediss://cache.example:6380/2']) assert.equal(readConfig({ REDIS_URL: url }).redisUrl, url);
  for (const url of ['http://127.0.0.1:6379', '127.0.0.1:6379', 'not a url']) {
    assert.throws(() => readConfig({ REDIS_URL: url }), (error: unknown) => error instanceof ConfigError && error.variable === 'REDIS_URL');
  }
  assert.equal(readConfig({}).redisUrl, undefined);
});

/** A Plex Media Server that counts the library reads reaching it, and can be told to refuse them (429). */
class CountingPlex {
  reads = 0;
  refreshes = 0;
  refusing = false;
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      if (request.url === '/library/sections/1/refresh') {
        this.refreshes++;
        return response.writeHead(200).end();
      }
      if (this.refusing) return response.writeHead(429).end();
      this.reads++;
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ MediaContainer: { Directory: [{ key: '1', type: 'movie', title: `Movies, read ${this.reads}` }] } }));
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

describe('two gateway instances sharing one Redis', { skip: redisMissing() ?? false }, () => {
  let redis: RedisServer;
  let inspector: Redis;
  const plex = new CountingPlex();
  let plexUrl: string;
  let open: Gateway[] = [];

  before(async () => {
    redis = await startRedis();
    inspector = new Redis(redis.url, { lazyConnect: true });
    inspector.on('error', () => undefined); // it reconnects after the outage test
    await inspector.connect();
    plexUrl = await plex.start();
  });
  after(async () => {
    inspector.disconnect();
    await plex.stop();
    await redis.stop();
  });
  afterEach(async () => {
    await Promise.all(open.map((gateway) => gateway.close()));
    open = [];
    if (inspector.status !== 'ready') await once(inspector, 'ready');
    await inspector.flushdb();
    Object.assign(plex, { reads: 0, refreshes: 0, refusing: false });
  });

  /** Instances A and B: each its own database, both on the test's Redis. */
  async function instances(env: Record<string, string> = {}): Promise<[Gateway, Gateway]> {
    const config = readConfig({ PORT: '0', DATABASE_PATH: ':memory:', REDIS_URL: redis.url, PLEX_SERVER_URL: plexUrl, ADMIN_PLEX_USERNAMES: 'bob', LOG_LEVEL: 'silent', ...SECRETS, ...env });
    const pair = await Promise.all([buildGateway(config, { logStream: quiet }), buildGateway(config, { logStream: quiet })]);
    open.push(...pair);
    return pair;
  }

  /** Bob, an admin, with the same account on both instances (their databases stand for the one they share). */
  async function bob(a: Gateway, b: Gateway): Promise<{ id: number; token: string }> {
    const identity = { plexId: 7, username: 'bob', email: null, thumb: null, encryptedToken: a.services.cipher.encrypt('bobs-plex-token') };
    const users = await Promise.all([a, b].map((gateway) => gateway.services.users.signIn(identity, ['bob'], Date.now())));
    assert.equal(users[0]!.id, users[1]!.id);
    const { token } = await a.services.tokens.sign(users[0]!.id, users[0]!.role);
    return { id: users[0]!.id, token };
  }

  async function call(gateway: Gateway, path: string, init: RequestInit = {}) {
    const started = performance.now();
    const response = await fetch(`${gateway.url}/api/v1${path}`, { ...init, signal: AbortSignal.timeout(NO_HANG_MS) });
    const body = response.status === 204 ? undefined : await response.json();
    return { status: response.status, headers: response.headers, body, ms: performance.now() - started };
  }

  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
  const statuses = (answers: Array<{ status: number }>) => answers.map((answer) => answer.status).sort().join(',');

  /** The bus events of `gateway` from now on, in the order they arrive. */
  function collect(gateway: Gateway) {
    const seen: GatewayEvent[] = [];
    gateway.services.events.subscribe((event) => seen.push(event));
    return seen;
  }

  function nextEvent(gateway: Gateway, type: string): Promise<GatewayEvent> {
    return new Promise((resolve) => {
      const stop = gateway.services.events.subscribe((event) => event.type === type && (stop(), resolve(event)));
    });
  }

  const event = (type: string): GatewayEvent => ({ topic: 'requests', type, data: { title: type }, audience: { everyone: true } });

  it('counts a burst split between the instances exactly: the general limit and a route limit admit their count, no more', BOUNDED, async () => {
    const [a, b] = await instances({ RATE_LIMIT_ANON_PER_MINUTE: '6', RATE_LIMIT_VERIFY_PER_MINUTE: '3' });
    const general = await Promise.all(Array.from({ length: 12 }, (_, i) => call(i % 2 ? b : a, '/auth/session')));
    assert.equal(statuses(general), '401,401,401,401,401,401,429,429,429,429,429,429');

    await inspector.flushdb();
    const verify = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pinId: 5 }) };
    const verifies = await Promise.all(Array.from({ length: 6 }, (_, i) => call(i % 2 ? b : a, '/auth/plex/verify', verify)));
    assert.equal(statuses(verifies), '404,404,404,429,429,429');
  });

  it("serves one instance's library copy from the other, and a rescan on one makes the other ask Plex again", BOUNDED, async () => {
    const [a, b] = await instances();
    const { token } = await bob(a, b);
    const first = await call(a, '/plex/libraries', bearer(token));
    assert.equal(first.headers.get('cache-status'), 'medianest; fwd=miss; stored');
    const fromB = await call(b, '/plex/libraries', bearer(token));
    assert.match(fromB.headers.get('cache-status')!, /^medianest; hit; ttl=\d+$/);
    assert.deepEqual(fromB.body, first.body);
    assert.equal(plex.reads, 1, 'the copy kept by A answered on B');

    assert.equal((await call(b, '/admin/plex/libraries/1/refresh', { ...bearer(token), method: 'POST' })).status, 202);
    plex.refusing = true;
    const stale = await call(a, '/plex/libraries', bearer(token));
    assert.match(stale.headers.get('cache-status')!, /^medianest; hit; ttl=-\d+; detail=stale-if-error$/, 'invalidated on B, the copy only stands in for a failing Plex on A');
    assert.equal(stale.body.meta.stale, true);

    plex.refusing = false;
    assert.equal((await call(a, '/plex/libraries', bearer(token))).headers.get('cache-status'), 'medianest; fwd=miss; stored');
    assert.equal((await call(b, '/plex/libraries', bearer(token))).body.data[0].title, 'Movies, read 2');
    assert.equal(plex.reads, 2);
  });

  it("delivers an event published on A once on B and once on A, and keeps A's service statuses on A", BOUNDED, async () => {
    const [a, b] = await instances();
    const onA = collect(a);
    const onB = collect(b);
    a.services.events.publish(event('request.created'));
    assert.deepEqual(onA.map((seen) => seen.type), ['request.created'], 'delivered on A at once, before Redis is asked');
    a.services.events.publish({ topic: 'services', type: 'service.status', data: { service: 'plex', status: 'down' }, audience: { everyone: true } });
    // Redis keeps each publisher's order, and one order for the channel: once B has A's next event,
    // B has had every copy of the first; once A has B's answer to it, A has had its own two back.
    const reachedB = nextEvent(b, 'request.approved');
    a.services.events.publish(event('request.approved'));
    await reachedB;
    const reachedA = nextEvent(a, 'request.declined');
    b.services.events.publish(event('request.declined'));
    await reachedA;
    const order = ['request.created', 'request.approved', 'request.declined'];
    assert.deepEqual(onA.map((seen) => seen.type), [order[0], 'service.status', ...order.slice(1)]);
    assert.deepEqual(onB.map((seen) => seen.type), order);
    assert.deepEqual(onB[0], event('request.created'));
  });

  it('closes on B the socket of a session signed out on A, and tells B the session ended', BOUNDED, async () => {
    const [a, b] = await instances();
    const { token } = await bob(a, b);
    const socket = new WebSocket(`${b.url.replace('http', 'ws')}/api/v1/ws`, { headers: { authorization: `Bearer ${token}` } });
    const [ready] = await once(socket, 'message');
    assert.equal(JSON.parse(String(ready)).type, 'ready');
    const revokedOnB = new Promise<string>((resolve) => b.services.events.onSessionRevoked(resolve));
    const closed = once(socket, 'close');
    assert.equal((await call(a, '/auth/logout', { ...bearer(token), method: 'POST' })).status, 204);
    assert.equal(await revokedOnB, (await a.services.tokens.verify(token)).jti);
    const [code, reason] = await closed;
    assert.deepEqual([code, String(reason)], [4401, 'TOKEN_REVOKED']);
  });

  it("hands a download's event appended on A to a follower of that download on B", BOUNDED, async () => {
    const [a, b] = await instances();
    const { id: userId } = await bob(a, b);
    const download = await new DownloadStore(a.services.db).insert({ userId, url: 'https://youtu.be/dQw4w9WgXcQ', videoId: 'dQw4w9WgXcQ', quality: 'best', format: 'mp4', createdAt: Date.now() });
    const followed: StreamEvent[] = [];
    const reachedB = new Promise<void>((resolve) => new DownloadEvents(b.services.db, b.services.events, b.services.clock).listen(download.id, (item) => (followed.push(item), resolve())));
    await new DownloadEvents(a.services.db, a.services.events, a.services.clock).progress({ id: download.id, userId }, 40);
    await reachedB;
    assert.deepEqual(followed, [{ id: 1, type: 'progress', data: { percent: 40 } }]);
  });

  it('keeps answering while Redis is away (limits per instance, library from Plex, events on their own instance) and shares again once it is back', BOUNDED, async () => {
    const [a, b] = await instances({ RATE_LIMIT_ANON_PER_MINUTE: '3' });
    const { token } = await bob(a, b);
    await redis.pause();

    const ready = await call(a, '/health/ready');
    assert.equal(ready.status, 200);
    assert.equal(ready.body.data.redis, 'down');
    const anonymous = [];
    for (const gateway of [a, a, a, a, b, b, b, b]) anonymous.push(await call(gateway, '/auth/session'));
    assert.deepEqual(anonymous.map((answer) => answer.status), [401, 401, 401, 429, 401, 401, 401, 429], 'each instance counts its own');
    const reads = [await call(a, '/plex/libraries', bearer(token)), await call(b, '/plex/libraries', bearer(token))];
    assert.deepEqual(reads.map((read) => [read.status, read.headers.get('cache-status')]), [[200, 'medianest; fwd=miss'], [200, 'medianest; fwd=miss']]);
    assert.equal(plex.reads, 2, 'no copy kept: both asked Plex');
    for (const answer of [ready, ...anonymous, ...reads]) assert.ok(answer.ms < NO_HANG_MS);
    const onA = collect(a);
    a.services.events.publish(event('request.created'));
    assert.equal(onA.length, 1, 'its own sockets are still told');

    const subscribedAgain = Promise.all([a, b].map(async (gateway) => {
      await once(gateway.services.redis!.subscriber, 'ready');
      await gateway.services.redis!.subscriber.ping(); // answered after the subscription sent on reconnecting
    }));
    await redis.resume();
    await subscribedAgain;
    assert.equal((await call(b, '/health/ready')).body.data.redis, 'up');
    const reachedB = nextEvent(b, 'request.approved');
    a.services.events.publish(event('request.approved'));
    await reachedB;
    assert.equal((await call(a, '/plex/libraries', bearer(token))).headers.get('cache-status'), 'medianest; fwd=miss; stored');
    assert.match((await call(b, '/plex/libraries', bearer(token))).headers.get('cache-status')!, /^medianest; hit;/);
  });

  it('answers at once while Redis hangs, once a command went unanswered, and shares again when it wakes', BOUNDED, async () => {
    const [a, b] = await instances();
    const { token } = await bob(a, b);
    const pid = Number(/process_id:(\d+)/.exec(await inspector.info('server'))![1]);
    const woken = once(a.services.redis!.client, 'ready');
    process.kill(pid, 'SIGSTOP');
    let answers;
    try {
      const first = await call(a, '/plex/libraries', bearer(token)); // its rate-limit count waits COMMAND_TIMEOUT_MS
      answers = { first, next: await call(a, '/plex/libraries', bearer(token)), ready: await call(a, '/health/ready') };
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    assert.deepEqual([answers.first.status, answers.next.status, answers.ready.status], [200, 200, 200]);
    assert.equal(answers.ready.body.data.redis, 'down');
    assert.ok(answers.first.ms >= COMMAND_TIMEOUT_MS && answers.first.ms < NO_HANG_MS, `the first read took ${answers.first.ms} ms`);
    // still waiting for each command, a read would wait three times (count, lookup, store)
    for (const answer of [answers.next, answers.ready]) assert.ok(answer.ms < 2 * COMMAND_TIMEOUT_MS, `took ${answer.ms} ms`);
    await woken;
    assert.equal((await call(a, '/health/ready')).body.data.redis, 'up');
    assert.equal((await call(a, '/plex/libraries', bearer(token))).headers.get('cache-status'), 'medianest; fwd=miss; stored');
    assert.match((await call(b, '/plex/libraries', bearer(token))).headers.get('cache-status')!, /^medianest; hit;/);
  });
});
