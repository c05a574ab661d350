import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bearer, bob, BOUNDED, call, NEEDS_REDIS, onOneRedis } from './instances-on-one-redis';

describe('the library cache of two instances on one Redis', NEEDS_REDIS, () => {
  const world = onOneRedis();

  it("serves one instance's library copy from the other, and a rescan on one makes the other ask Plex again", BOUNDED, async () => {
    const [a, b] = await world.instances();
    const { token } = await bob(a, b);
    const first = await call(a, '/plex/libraries', bearer(token));
    assert.equal(first.headers.get('cache-status'), 'medianest; fwd=miss; stored');
    const fromB = await call(b, '/plex/libraries', bearer(token));
    assert.match(fromB.headers.get('cache-status')!, /^medianest; hit; ttl=\d+$/);
    assert.deepEqual(fromB.body, first.body);
    assert.equal(world.plex.reads, 1, 'the copy kept by A answered on B');

    assert.equal((await call(b, '/admin/plex/libraries/1/refresh', { ...bearer(token), method: 'POST' })).status, 202);
    assert.equal(world.plex.refreshes, 1, 'B asked Plex to rescan');
    world.plex.refusing = true;
    const stale = await call(a, '/plex/libraries', bearer(token));
    assert.match(stale.headers.get('cache-status')!, /^medianest; hit; ttl=-\d+; detail=stale-if-error$/, 'invalidated on B, the copy only stands in for a failing Plex on A');
    assert.equal(stale.body.meta.stale, true);

    world.plex.refusing = false;
    assert.equal((await call(a, '/plex/libraries', bearer(token))).headers.get('cache-status'), 'medianest; fwd=miss; stored');
    assert.equal((await call(b, '/plex/libraries', bearer(token))).body.data[0].title, 'Movies, read 2');
    assert.equal(world.plex.reads, 2);
  });
});
