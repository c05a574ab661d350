import type { FastifyInstance } from 'fastify';
import { arrayOf, boolean, enumOf, envelope, integer, nullable, number, object, string } from '../http/envelope';
import { ok } from '../http/envelope';
import type { GatewayServices } from '../services';
import { KumaPoller } from './poller';
import { ServiceBoard } from './service-board';

const serviceStatus = object({
  service: string,
  status: enumOf('up', 'down', 'degraded', 'maintenance', 'unknown'),
  responseTimeMs: nullable(integer),
  uptime24h: nullable(number),
  lastCheckAt: nullable(string),
});
const statusReply = envelope(arrayOf(serviceStatus), object({ stale: boolean, lastPollAt: nullable(string) }));

/**
 * Service health for the dashboard (CONTRACT.md, "Monitoring"): Uptime Kuma polled on the clock,
 * merged with the gateway's breakers. When Kuma cannot be read the last known statuses are served,
 * marked stale, never an error; before it has ever answered, every service is unknown.
 */
export async function monitoringRoutes(app: FastifyInstance, { services }: { services: GatewayServices }) {
  const { config, clock, breakers, events } = services;
  const intervalMs = config.uptimeKumaPollSeconds * 1000;
  const board = new ServiceBoard(config.uptimeKumaMonitors, breakers, events, clock, intervalMs);
  const poller = new KumaPoller(services.uptimeKuma, board, events, clock, intervalMs, app.log);
  // A breaker opening or closing changes a service's status at once, not at the next poll.
  breakers.onStateChange(() => board.announceChanges());
  poller.start();
  app.addHook('onClose', async () => poller.stop());

  app.get('/dashboard/status', {
    schema: { operationId: 'getServiceStatus', summary: 'Service health for the dashboard', tags: ['dashboard'], response: { 200: statusReply } },
  }, async () => {
    await poller.reading();
    return ok(board.statuses(), { stale: board.stale(), lastPollAt: board.lastPollAt });
  });
}
