import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GatewayEvents } from '../src/realtime/events';
import { DownloadEvents } from '../src/downloads/download-events';
import { DownloadStore } from '../src/downloads/download-store';
import { INTERRUPTED } from '../src/downloads/downloads';
import { IdempotencyKeys } from '../src/media-requests/idempotency';
import { MediaRequestRepository } from '../src/media-requests/repository';
import type { User } from '../src/store/users';
import { DIALECTS, gatewayOn, signInBob, type TwoInstances } from './two-instances';

const clock = { now: () => 5_000 } as never;
const download = { userId: 0, url: 'https://youtu.be/dQw4w9WgXcQ', videoId: 'dQw4w9WgXcQ', quality: '720p', format: 'mp4', createdAt: 2_000 } as const;

// The same checks on the embedded SQLite and on a shared PostgreSQL, where two instances' pools race.
for (const dialect of DIALECTS) {
  describe(`the store on ${dialect.name}, shared by two instances`, { skip: dialect.missing ?? false }, () => {
    before(() => dialect.setUp());
    after(() => dialect.tearDown());
    /** A check on an empty database both instances share, where Bob has signed in. */
    const check = (title: string, body: (two: TwoInstances & { bob: User }) => Promise<void>) =>
      it(title, async () => {
        const two = await dialect.open();
        try {
          await body({ ...two, bob: await signInBob(two.a) });
        } finally {
          await two.close();
        }
      });

    check('gives ids and counts as numbers', async ({ a, bob }) => {
      assert.equal(typeof bob.id, 'number');
      assert.equal(bob.role, 'admin', 'the first account is an admin');
      assert.deepEqual(await new MediaRequestRepository(a).list({ page: 1, pageSize: 10 }), { items: [], total: 0 });
    });

    check('lets one of two identical reservations made at once win', async ({ a, b, bob }) => {
      const reserve = (db: typeof a, instance: string) => db.transaction((tx) => new MediaRequestRepository(tx).reserve(bob.id, 'movie', 603, instance, 1_000));
      for (let round = 0; round < 5; round++) {
        const ids = await Promise.all([reserve(a, 'a'), reserve(b, 'b')]);
        assert.equal(ids.filter((id) => id !== undefined).length, 1, `round ${round}: ${JSON.stringify(ids)}`);
        await new MediaRequestRepository(a).remove(ids.find((id) => id !== undefined)!);
      }
    });

    check('lets one of two calls claiming the same Idempotency-Key at once claim it: the other finds it in flight', async ({ a, b, bob }) => {
      const claim = (db: typeof a, key: string) =>
        db.transaction(async (tx) => {
          const keys = new IdempotencyKeys(tx);
          const known = await keys.check(bob.id, key, 'print', 1_000);
          return known.state === 'new' ? keys.claim(bob.id, key, 'print', 1_000) : false;
        });
      for (let round = 0; round < 5; round++) {
        const claimed = await Promise.all([claim(a, `key-${round}`), claim(b, `key-${round}`)]);
        assert.deepEqual(claimed.sort(), [false, true], `round ${round}`);
      }
    });

    check('numbers the events of a download 1, 2, 3... when both instances append at once', async ({ a, b, bob }) => {
      const started = await new DownloadStore(a).insert({ ...download, userId: bob.id });
      const [onA, onB] = [a, b].map((db) => new DownloadEvents(db, new GatewayEvents(), clock));
      await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? onA : onB).progress(started, i)));
      const seqs = (await onA.since(started.id, 0)).map((event) => event.id);
      assert.deepEqual(seqs, Array.from({ length: 20 }, (_, i) => i + 1));
    });

    check("settles at start-up only the instance's own unfinished work, not the other instance's", async ({ a, b, bob }) => {
      const requests = new MediaRequestRepository(a);
      const store = new DownloadStore(a);
      const reservedByA = (await requests.reserve(bob.id, 'movie', 1, 'a', 1_000))!;
      const reservedByB = (await requests.reserve(bob.id, 'movie', 2, 'b', 1_000))!;
      const runByA = await store.insert({ ...download, userId: bob.id, videoId: 'aaaaaaaaaaa' });
      const runByB = await store.insert({ ...download, userId: bob.id, videoId: 'bbbbbbbbbbb' });
      assert.ok(await store.start(runByA.id, 'a', 3_000));
      assert.ok(await store.start(runByB.id, 'b', 3_000));
      const status = async (id: number) => (await a.value<string>('SELECT status FROM media_requests WHERE id = ?', [id]))!;

      const restartedB = await gatewayOn(b, 'b');
      try {
        assert.equal(await status(reservedByA), 'creating', "A's reservation is A's live work");
        assert.equal(await status(reservedByB), 'failed');
        assert.equal((await store.byId(runByA.id))?.status, 'downloading', "A's download is still A's to run");
        assert.deepEqual(await store.byId(runByB.id).then((found) => [found?.status, found?.error]), ['failed', INTERRUPTED]);
      } finally {
        await restartedB.close();
      }
    });
  });
}
