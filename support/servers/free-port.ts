import { createServer } from 'node:net';

/**
 * A loopback port free right now, for servers that must be told their port before they start
 * (PostgreSQL, Redis). The kernel picks it, as for port 0; another process could take it before
 * the server binds, so callers fail loudly if the server then cannot listen.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
