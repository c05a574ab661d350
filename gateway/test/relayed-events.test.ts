import assert from 'node:assert/strict';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import WebSocket from 'ws';
import { DownloadEvents, type StreamEvent } from '../src/downloads/download-events';
import { DownloadStore } from '../src/downloads/download-store';
import { bearer, bob, BOUNDED, call, collect, NEEDS_REDIS, nextEvent, onOneRedis, requestEvent } from './instances-on-one-redis';

describe('events relayed between two instances by Redis', NEEDS_REDIS, () => {
  const world = onOneRedis();

  it("delivers an event published on A once on B and once on A, and keeps A's service statuses on A", BOUNDED, async () => {
    const [a, b] = await world.instances();
    const onA = collect(a);
    const onB = collect(b);
    a.services.events.publish(requestEvent('request.created'));
    assert.deepEqual(onA.map((seen) => seen.type), ['request.created'], 'delivered on A at once, before Redis is asked');
    a.services.events.publish({ topic: 'services', type: 'service.status', data: { service: 'plex', status: 'down' }, audience: { everyone: true } });
    // Redis keeps each publisher's order, and one order for the channel: once B has A's next event,
    // B has had every copy of the first; once A has B's answer to it, A has had its own two back.
    const reachedB = nextEvent(b, 'request.approved');
    a.services.events.publish(requestEvent('request.approved'));
    await reachedB;
    const reachedA = nextEvent(a, 'request.declined');
    b.services.events.publish(requestEvent('request.declined'));
    await reachedA;
    const order = ['request.created', 'request.approved', 'request.declined'];
    assert.deepEqual(onA.map((seen) => seen.type), [order[0], 'service.status', ...order.slice(1)]);
    assert.deepEqual(onB.map((seen) => seen.type), order);
    assert.deepEqual(onB[0], requestEvent('request.created'));
  });

  it('closes on B the socket of a session signed out on A, and tells B the session ended', BOUNDED, async () => {
    const [a, b] = await world.instances();
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
    const [a, b] = await world.instances();
    const { id: userId } = await bob(a, b);
    const download = await new DownloadStore(a.services.db).insert({ userId, url: 'https://youtu.be/dQw4w9WgXcQ', videoId: 'dQw4w9WgXcQ', quality: 'best', format: 'mp4', createdAt: Date.now() });
    const followed: StreamEvent[] = [];
    const reachedB = new Promise<void>((resolve) => new DownloadEvents(b.services.db, b.services.events, b.services.clock).listen(download.id, (item) => (followed.push(item), resolve())));
    await new DownloadEvents(a.services.db, a.services.events, a.services.clock).progress({ id: download.id, userId }, 40);
    await reachedB;
    assert.deepEqual(followed, [{ id: 1, type: 'progress', data: { percent: 40 } }]);
  });
});
