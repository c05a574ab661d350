import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import { runLoad, type LoadFigures } from './driver';

/**
 * A bare Fastify JSON route in this process: what this machine serves with no gateway logic at
 * all, measured in the same run so thresholds are ratios that hold on any machine.
 */
export async function startBaseline(): Promise<{ url: string; close: () => Promise<void> }> {
  const app = Fastify({ logger: false });
  app.get('/baseline', async () => ({ success: true, data: { status: 'ok', uptimeSeconds: 1 } }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/baseline`, close: () => app.close() };
}

const measured = new Map<number, Promise<LoadFigures>>();

/** The baseline's figures at a number of connections, measured once per worker and run. */
export function baselineFigures(connections: number, durationSeconds: number): Promise<LoadFigures> {
  let figures = measured.get(connections);
  if (!figures) {
    figures = (async () => {
      const baseline = await startBaseline();
      try {
        return await runLoad({ url: baseline.url, connections, durationSeconds, warmupSeconds: 1 });
      } finally {
        await baseline.close();
      }
    })();
    measured.set(connections, figures);
  }
  return figures;
}
