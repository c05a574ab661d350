import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import { runLoad, type LoadFigures, type LoadOptions } from './driver';

/**
 * A bare Fastify JSON route in this process: what this machine serves with no gateway logic at
 * all, measured in the same run so thresholds are ratios that hold on any machine.
 */
export async function startBaseline(body?: string): Promise<{ url: string; close: () => Promise<void> }> {
  const app = Fastify({ logger: false });
  app.get('/baseline', async (_request, reply) =>
    body === undefined ? { success: true, data: { status: 'ok', uptimeSeconds: 1 } } : reply.type('application/json').send(body),
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/baseline`, close: () => app.close() };
}

/**
 * The baseline's figures, measured now: a comparison is only fair against a baseline measured
 * under the same conditions, moments before. Given a body, the route answers those same bytes, so a
 * route with a large answer is compared with a bare route of the same size.
 */
export async function baselineFigures(load: Omit<LoadOptions, 'url'>, body?: string): Promise<LoadFigures> {
  const baseline = await startBaseline(body);
  try {
    return await runLoad({ ...load, url: baseline.url, headers: undefined });
  } finally {
    await baseline.close();
  }
}
