import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openSqlite } from '../src/store/sqlite';

test('on SQLite, a statement made while a transaction is open waits for it, so is not rolled back with it', async () => {
  const db = openSqlite(':memory:');
  let release!: () => void;
  const waiting = new Promise<void>((resolve) => (release = resolve));
  const rolledBack = db.transaction(async (tx) => {
    await tx.run("INSERT INTO settings (key, value) VALUES ('inside', '1')");
    await waiting;
    throw new Error('the work failed');
  });
  await new Promise(setImmediate); // the transaction is open now
  const outside = db.run("INSERT INTO settings (key, value) VALUES ('outside', '2')");
  release();
  await assert.rejects(rolledBack, /the work failed/);
  await outside;
  assert.deepEqual(await db.all('SELECT key FROM settings ORDER BY key'), [{ key: 'outside' }]);
  await db.close();
});
