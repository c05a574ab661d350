import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BOUNDED, call, NEEDS_REDIS, onOneRedis } from './instances-on-one-redis';

const statuses = (answers: Array<{ status: number }>) => answers.map((answer) => answer.status).sort().join(',');

describe('the rate limits of two instances on one Redis', NEEDS_REDIS, () => {
  const world = onOneRedis();

  it('counts a burst split between the instances exactly: the general limit and a route limit admit their count, no more', BOUNDED, async () => {
    const [a, b] = await world.instances({ RATE_LIMIT_ANON_PER_MINUTE: '6', RATE_LIMIT_VERIFY_PER_MINUTE: '3' });
    const general = await Promise.all(Array.from({ length: 12 }, (_, i) => call(i % 2 ? b : a, '/auth/session')));
    assert.equal(statuses(general), '401,401,401,401,401,401,429,429,429,429,429,429');

    await world.inspector.flushdb();
    const verify = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pinId: 5 }) };
    const verifies = await Promise.all(Array.from({ length: 6 }, (_, i) => call(i % 2 ? b : a, '/auth/plex/verify', verify)));
    assert.equal(statuses(verifies), '404,404,404,429,429,429');
  });
});
