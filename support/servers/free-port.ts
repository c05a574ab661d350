import { createServer } from 'node:net';

/**
 * A loopback port free right now, for servers that must be told their port before they start
 * (PostgreSQL, Redis). The kernel picks it, as for port 0; another process could take it before
 * the server binds, which `onFreePort` retries.
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

const ATTEMPTS = 3;
const PORT_TAKEN = /Address already in use|EADDRINUSE/;

/**
 * Starts a server on a free port, and on another one if some other process took the port between
 * the probe and the server's bind (the server says so: "Address already in use"); any other
 * failure is the caller's.
 */
export async function onFreePort<T>(start: (port: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(await freePort());
    } catch (error) {
      if (attempt === ATTEMPTS || !PORT_TAKEN.test((error as Error).message)) throw error;
    }
  }
}
