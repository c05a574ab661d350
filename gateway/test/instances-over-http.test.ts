import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Gateway } from '../src/app';
import { openPostgres } from '../src/store/postgres';
import { DIALECTS, emptySchema, gatewayOn, signInBob } from './two-instances';

const postgres = DIALECTS.find((dialect) => dialect.name === 'postgres')!;

async function call(gateway: Gateway, method: string, path: string, token?: string, body?: unknown) {
  const response = await fetch(`${gateway.url}/api/v1${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: (await response.json()) as { success: boolean; data?: Record<string, unknown>; error?: { code: string } } };
}

for (const dialect of DIALECTS) {
  describe(`two gateway instances on ${dialect.name}`, { skip: dialect.missing ?? false }, () => {
    before(() => dialect.setUp());
    after(() => dialect.tearDown());

    it("count a person's downloads against one hourly quota: a burst split between them admits exactly the quota", async () => {
      const { a, b, close } = await dialect.open();
      const [instanceA, instanceB] = [await gatewayOn(a, 'a'), await gatewayOn(b, 'b')];
      try {
        const bob = await signInBob(a);
        const { token } = await instanceA.services.tokens.sign(bob.id, bob.role);
        const burst = Array.from({ length: 12 }, (_, i) =>
          call(i % 2 ? instanceA : instanceB, 'POST', '/youtube/downloads', token, { url: `https://youtu.be/video${String(i).padStart(6, '0')}` }),
        );
        const statuses = (await Promise.all(burst)).map((answer) => answer.status);
        assert.deepEqual([statuses.filter((status) => status === 202).length, statuses.filter((status) => status === 429).length], [5, 7], statuses.join(' '));
      } finally {
        await Promise.all([instanceA.close(), instanceB.close()]);
        await close();
      }
    });
  });
}

describe('gateway instances on a PostgreSQL', { skip: postgres.missing ?? false }, () => {
  before(() => postgres.setUp());
  after(() => postgres.tearDown());

  it('migrate an empty database when two start at once, each migration applied once', async () => {
    await emptySchema();
    const url = postgres.server!().url;
    const both = await Promise.all([openPostgres(url), openPostgres(url)]);
    try {
      const versions = await both[0].all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      assert.deepEqual(versions.map((row) => row.version), [1, 10, 11, 20, 30]);
    } finally {
      await Promise.all(both.map((db) => db.close()));
    }
  });

  it('answer readiness 503 and requests DATABASE_UNAVAILABLE while PostgreSQL is down, and recover when it is back', async () => {
    const { a, close } = await postgres.open();
    const gateway = await gatewayOn(a, 'a');
    try {
      const bob = await signInBob(a);
      const { token } = await gateway.services.tokens.sign(bob.id, bob.role);
      await postgres.server!().pause();
      const started = performance.now();
      const ready = await call(gateway, 'GET', '/health/ready');
      assert.deepEqual([ready.status, ready.body.data?.database], [503, 'down']);
      const listing = await call(gateway, 'GET', '/youtube/downloads', token);
      assert.deepEqual([listing.status, listing.body.success, listing.body.error?.code], [503, false, 'DATABASE_UNAVAILABLE']);
      assert.ok(performance.now() - started < 5_000, 'an unreachable database fails fast');
      await postgres.server!().resume();
      assert.equal((await call(gateway, 'GET', '/health/ready')).status, 200);
      assert.equal((await call(gateway, 'GET', '/youtube/downloads', token)).status, 200);
    } finally {
      await gateway.close();
      await close();
    }
  });
});
