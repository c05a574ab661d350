import type { FastifyInstance } from 'fastify';
import { caller } from '../auth/guard';
import { arrayOf, enumOf, envelope, integer, nullable, object, string } from '../http/envelope';
import { notFound } from '../http/errors';
import { ok } from '../http/envelope';
import type { GatewayServices } from '../services';
import { isUpstreamName } from './upstream-failure';

/** A breaker as the admin and readiness routes show it. */
export const breakerSchema = object({
  upstream: string,
  state: enumOf('closed', 'open', 'half_open'),
  failures: integer,
  openedAt: nullable(string),
  nextAttemptAt: nullable(string),
});
const breakersReply = envelope(arrayOf(breakerSchema));
const breakerReply = envelope(breakerSchema);
// Any text reaches the handler, so an unknown upstream is a 404 like any other unknown resource.
const upstreamParams = object({ upstream: { type: 'string', maxLength: 64 } });

/** Admins see every upstream's circuit breaker and close one by hand (CONTRACT.md, "Resilience and limits"). */
export async function resilienceRoutes(app: FastifyInstance, { services }: { services: GatewayServices }) {
  const { breakers } = services;

  app.get('/admin/resilience', {
    config: { access: 'admin' },
    schema: { operationId: 'listBreakers', summary: "Every upstream's circuit breaker", tags: ['admin'], response: { 200: breakersReply } },
  }, async () => ok(breakers.states()));

  app.post<{ Params: { upstream: string } }>('/admin/resilience/:upstream/reset', {
    config: { access: 'admin', refusals: ['NOT_FOUND'] },
    schema: { operationId: 'resetBreaker', summary: "Close an upstream's circuit breaker", tags: ['admin'], params: upstreamParams, response: { 200: breakerReply } },
  }, async (request) => {
    const { upstream } = request.params;
    if (!isUpstreamName(upstream)) throw notFound('upstream');
    const before = breakers.state(upstream);
    breakers.reset(upstream);
    request.log.info({ upstream, was: before.state, by: caller(request).user.id }, 'circuit breaker reset by an admin');
    return ok(breakers.state(upstream));
  });
}
