import type { FastifyInstance } from 'fastify';
import { arrayOf, boolean, enumOf, envelope, integer, object } from '../http/envelope';
import { breakerSchema } from '../resilience/routes';
import type { GatewayServices } from '../services';
import { isReachable } from '../store/sql';

const liveReply = envelope(object({ status: enumOf('ok'), uptimeSeconds: integer }));
const readyReply = envelope(object({ ready: boolean, database: enumOf('up', 'down'), redis: { ...enumOf('up', 'down'), description: 'Only with REDIS_URL: whether Redis answers; reported, but instances without it keep serving' }, breakers: arrayOf(breakerSchema) }, ['ready', 'database', 'breakers']));

/** Liveness and readiness: public, never rate limited. */
export async function healthRoutes(app: FastifyInstance, { services }: { services: GatewayServices }) {
  const startedAt = services.clock.now();
  const open = { access: 'public' as const, rateLimited: false };

  app.get('/health', { config: open, schema: { operationId: 'getLiveness', summary: 'Liveness', tags: ['health'], response: { 200: liveReply } } }, async () => ({
    success: true,
    data: { status: 'ok', uptimeSeconds: Math.floor((services.clock.now() - startedAt) / 1000) },
  }));

  // An open breaker is reported but does not make the gateway unready: it still serves what it can.
  // So is Redis when configured and away (redis/shared-redis.ts says why).
  app.get('/health/ready', {
    config: open,
    schema: { operationId: 'getReadiness', summary: 'Readiness: the database answers', tags: ['health'], response: { 200: readyReply, 503: { ...readyReply, description: 'Not ready: the database does not answer' } } },
  }, async (_request, reply) => {
    const ready = await isReachable(services.db);
    const redis = services.redis && ((await services.redis.answers()) ? 'up' : 'down');
    return reply.code(ready ? 200 : 503).send({
      success: ready,
      data: { ready, database: ready ? 'up' : 'down', redis, breakers: services.breakers.states() }, // no "redis" without REDIS_URL: JSON leaves undefined out
    });
  });
}
