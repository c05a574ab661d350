import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMMAND_TIMEOUT_MS } from '../src/redis/shared-redis';
import { bearer, bob, BOUNDED, call, collect, NEEDS_REDIS, nextEvent, NO_HANG_MS, onOneRedis, requestEvent } from './instances-on-one-redis';

describe('two instances while their Redis is away or hangs', NEEDS_REDIS, () => {
  const world = onOneRedis();

  it('keeps answering while Redis is away (limits per instance, library from Plex, events on their own instance) and shares again once it is back', BOUNDED, async () => {
    const [a, b] = await world.instances({ RATE_LIMIT_ANON_PER_MINUTE: '3' });
    const { token } = await bob(a, b);
    await world.redis.pause();

    const ready = await call(a, '/health/ready');
    assert.equal(ready.status, 200);
    assert.equal(ready.body.data.redis, 'down');
    const anonymous = [];
    for (const gateway of [a, a, a, a, b, b, b, b]) anonymous.push(await call(gateway, '/auth/session'));
    assert.deepEqual(anonymous.map((answer) => answer.status), [401, 401, 401, 429, 401, 401, 401, 429], 'each instance counts its own');
    const reads = [await call(a, '/plex/libraries', bearer(token)), await call(b, '/plex/libraries', bearer(token))];
    assert.deepEqual(reads.map((read) => [read.status, read.headers.get('cache-status')]), [[200, 'medianest; fwd=miss'], [200, 'medianest; fwd=miss']]);
    assert.equal(world.plex.reads, 2, 'no copy kept: both asked Plex');
    for (const answer of [ready, ...anonymous, ...reads]) assert.ok(answer.ms < NO_HANG_MS);
    const onA = collect(a);
    a.services.events.publish(requestEvent('request.created'));
    assert.equal(onA.length, 1, 'its own sockets are still told');

    const subscribedAgain = Promise.all([a, b].map(async (gateway) => {
      // not events.once: it rejects on the 'error' each failed reconnection emits while Redis is away
      await new Promise((resolve) => gateway.services.redis!.subscriber.once('ready', resolve));
      await gateway.services.redis!.subscriber.ping(); // answered after the subscription sent on reconnecting
    }));
    await world.redis.resume();
    await subscribedAgain;
    assert.equal((await call(b, '/health/ready')).body.data.redis, 'up');
    const reachedB = nextEvent(b, 'request.approved');
    a.services.events.publish(requestEvent('request.approved'));
    await reachedB;
    assert.equal((await call(a, '/plex/libraries', bearer(token))).headers.get('cache-status'), 'medianest; fwd=miss; stored');
    assert.match((await call(b, '/plex/libraries', bearer(token))).headers.get('cache-status')!, /^medianest; hit;/);
  });

  it('answers at once while Redis hangs, once a command went unanswered, and shares again when it wakes', BOUNDED, async () => {
    const [a, b] = await world.instances();
    const { token } = await bob(a, b);
    const pid = Number(/process_id:(\d+)/.exec(await world.inspector.info('server'))![1]);
    const woken = new Promise((resolve) => a.services.redis!.client.once('ready', resolve)); // errors meanwhile are expected
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
