import assert from 'node:assert/strict';
import { createConnection } from 'node:net';
import { describe, it } from 'node:test';
import { postgresMissing, startPostgres } from '../../support/servers/postgres-server';
import { redisMissing, startRedis } from '../../support/servers/redis-server';

/** Sends `request` to a loopback port and resolves with the first bytes of the answer, or the connection error's code. */
function exchange(port: number, request: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => socket.write(request));
    socket.once('data', (data) => (resolve(data.toString('latin1')), socket.destroy()));
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

// PostgreSQL's SSLRequest: a live server answers one byte, 'N' (no TLS here) or 'S'
const SSL_REQUEST = Buffer.from([0, 0, 0, 8, 4, 210, 22, 47]);

describe('a throwaway PostgreSQL', { skip: postgresMissing() ?? false }, () => {
  it('answers on its port, goes away when paused, comes back on resume, and is gone after stop', async () => {
    const server = await startPostgres();
    try {
      assert.match(server.url, new RegExp(`^postgres://medianest@127\\.0\\.0\\.1:${server.port}/medianest$`));
      assert.equal(await exchange(server.port, SSL_REQUEST), 'N');
      await server.pause();
      assert.equal(await exchange(server.port, SSL_REQUEST), 'ECONNREFUSED');
      await server.resume();
      assert.equal(await exchange(server.port, SSL_REQUEST), 'N');
    } finally {
      await server.stop();
    }
    assert.equal(await exchange(server.port, SSL_REQUEST), 'ECONNREFUSED');
  });
});

describe('a throwaway Redis', { skip: redisMissing() ?? false }, () => {
  it('answers PING, goes away when paused, comes back on resume, and is gone after stop', async () => {
    const server = await startRedis();
    const ping = Buffer.from('PING\r\n');
    try {
      assert.equal(server.url, `redis://127.0.0.1:${server.port}`);
      assert.equal(await exchange(server.port, ping), '+PONG\r\n');
      await server.pause();
      assert.equal(await exchange(server.port, ping), 'ECONNREFUSED');
      await server.resume();
      assert.equal(await exchange(server.port, ping), '+PONG\r\n');
    } finally {
      await server.stop();
    }
    assert.equal(await exchange(server.port, ping), 'ECONNREFUSED');
  });
});
