import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before } from 'node:test';
import Redis from 'ioredis';
import { redisMissing, startRedis, type RedisServer } from '../../support/servers/redis-server';
import { buildGateway, type Gateway } from '../src/app';
import { readConfig } from '../src/config';
import type { GatewayEvent } from '../src/realtime/events';

/** For `describe`: skipped, saying what to install, where redis-server is missing. */
export const NEEDS_REDIS = { skip: redisMissing() ?? false };
/** Each test's bound: an event that never arrives fails its test, not the whole file. */
export const BOUNDED = { timeout: 10_000 };
/** Longer than any answer may take while Redis is away or hangs (commands fail at once, or after 500 ms). */
export const NO_HANG_MS = 2_000;

const SECRETS = { JWT_SECRET: 'j'.repeat(32), ENCRYPTION_KEY: 'e'.repeat(32) };

/** A Plex Media Server that counts the library reads reaching it, and can be told to refuse them (429). */
export class CountingPlex {
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

/**
 * Two gateway instances, A and B, on one real Redis (started once for the file, emptied after each
 * test), each with a database of its own, and a counting Plex. Call in a `describe`: it adds the hooks.
 */
export function onOneRedis() {
  const plex = new CountingPlex();
  const open: Gateway[] = [];
  const world = {
    plex,
    redis: undefined as unknown as RedisServer,
    /** A connection of the test's own, to look into Redis. */
    inspector: undefined as unknown as Redis,
    plexUrl: '',
    async instances(env: Record<string, string> = {}): Promise<[Gateway, Gateway]> {
      const settings = { PORT: '0', DATABASE_PATH: ':memory:', REDIS_URL: world.redis.url, PLEX_SERVER_URL: world.plexUrl, ADMIN_PLEX_USERNAMES: 'bob', LOG_LEVEL: 'silent' };
      const config = readConfig({ ...settings, ...SECRETS, ...env });
      const pair = await Promise.all([buildGateway(config, { logStream: quiet }), buildGateway(config, { logStream: quiet })]);
      open.push(...pair);
      return pair;
    },
  };
  before(async () => {
    world.redis = await startRedis();
    world.inspector = new Redis(world.redis.url, { lazyConnect: true });
    world.inspector.on('error', () => undefined); // it reconnects after an outage test
    await world.inspector.connect();
    world.plexUrl = await plex.start();
  });
  after(async () => {
    world.inspector.disconnect();
    await plex.stop();
    await world.redis.stop();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((gateway) => gateway.close()));
    if (world.inspector.status !== 'ready') await once(world.inspector, 'ready');
    await world.inspector.flushdb();
    Object.assign(plex, { reads: 0, refreshes: 0, refusing: false });
  });
  return world;
}

const quiet = { write: () => undefined };

/** Bob, an admin, with the same account on both instances (their databases stand for the one they share). */
export async function bob(a: Gateway, b: Gateway): Promise<{ id: number; token: string }> {
  const identity = { plexId: 7, username: 'bob', email: null, thumb: null, encryptedToken: a.services.cipher.encrypt('bobs-plex-token') };
  const users = await Promise.all([a, b].map((gateway) => gateway.services.users.signIn(identity, ['bob'], Date.now())));
  if (users[0]!.id !== users[1]!.id) throw new Error('Bob has a different id on each instance');
  const { token } = await a.services.tokens.sign(users[0]!.id, users[0]!.role);
  return { id: users[0]!.id, token };
}

/** One request to an instance, with how long it took; aborted after NO_HANG_MS. */
export async function call(gateway: Gateway, path: string, init: RequestInit = {}) {
  const started = performance.now();
  const response = await fetch(`${gateway.url}/api/v1${path}`, { ...init, signal: AbortSignal.timeout(NO_HANG_MS) });
  const body = response.status === 204 ? undefined : await response.json();
  return { status: response.status, headers: response.headers, body, ms: performance.now() - started };
}

export const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

/** The bus events of `gateway` from now on, in the order they arrive. */
export function collect(gateway: Gateway): GatewayEvent[] {
  const seen: GatewayEvent[] = [];
  gateway.services.events.subscribe((event) => seen.push(event));
  return seen;
}

export function nextEvent(gateway: Gateway, type: string): Promise<GatewayEvent> {
  return new Promise((resolve) => {
    const stop = gateway.services.events.subscribe((event) => event.type === type && (stop(), resolve(event)));
  });
}

export const requestEvent = (type: string): GatewayEvent => ({ topic: 'requests', type, data: { title: type }, audience: { everyone: true } });
