import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildGateway } from '../src/app';
import { readConfig } from '../src/config';
import { MediaRequestRepository } from '../src/media-requests/repository';
import { openSqlite } from '../src/store/sqlite';
import { UserRepository } from '../src/store/users';

test('a gateway starting where the last run stopped mid-request keeps that request as failed, saying why', async () => {
  const db = openSqlite(':memory:');
  const bob = await new UserRepository(db).signIn({ plexId: 7, username: 'Bob', email: null, thumb: null, encryptedToken: 'sealed' }, [], 1_000);
  const reserved = (await new MediaRequestRepository(db).reserve(bob.id, 'movie', 603, 'medianest', 1_000))!;
  const gateway = await buildGateway(readConfig({ PORT: '0', JWT_SECRET: 'x'.repeat(32), ENCRYPTION_KEY: 'y'.repeat(32) }), { db, logStream: { write: () => undefined } });
  try {
    const settled = await gateway.services.mediaRequests.byId(reserved);
    assert.equal(settled?.status, 'failed');
    assert.equal(settled?.reason, 'MediaNest stopped while Overseerr was being asked');
  } finally {
    await gateway.close();
  }
});
