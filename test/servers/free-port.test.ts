import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { onFreePort } from '../../support/servers/free-port';

describe('starting a server on a free port', () => {
  it('tries another port when another process took the first one before the server bound it', async () => {
    const tried: number[] = [];
    const port = await onFreePort(async (candidate) => {
      tried.push(candidate);
      if (tried.length === 1) throw new Error('Redis exited with code 1 before it was ready:\nbind: Address already in use');
      return candidate;
    });
    assert.equal(tried.length, 2);
    assert.equal(port, tried[1]);
  });

  it('gives up after three ports, and at once on any other failure', async () => {
    let taken = 0;
    await assert.rejects(onFreePort(async () => { taken++; throw new Error('Address already in use'); }), /Address already in use/);
    assert.equal(taken, 3);
    let broken = 0;
    await assert.rejects(onFreePort(async () => { broken++; throw new Error('could not be started (ENOENT)'); }), /ENOENT/);
    assert.equal(broken, 1);
  });
});
