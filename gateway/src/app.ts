import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { DestinationStream } from 'pino';
import { adminUserRoutes } from './auth/admin-routes';
import { enforce, identify } from './auth/guard';
import { authRoutes } from './auth/routes';
import { systemClock, type Clock } from './clock';
import type { GatewayConfig } from './config';
import { healthRoutes } from './health/routes';
import { downloadRoutes } from './downloads/routes';
import { installCompilers } from './http/compilers';
import { installErrorHandler, sendError } from './http/error-handler';
import { ApiError } from './http/errors';
import { installJsonBodyParser } from './http/json-body';
import { named } from './http/named-plugin';
import { openApiOptions } from './http/openapi';
import { installRouteContract } from './http/route-contract';
import { installRateLimits } from './http/rate-limits';
import { securityHeaders } from './http/security-headers';
import { libraryRoutes } from './library/routes';
import { mediaRequestRoutes } from './media-requests/routes';
import { monitoringRoutes } from './monitoring/routes';
import { realtimeRoutes } from './realtime/routes';
import { resilienceRoutes } from './resilience/routes';
import { createServices, settleLastRun, type GatewayServices } from './services';
import { openDatabase } from './store/database';
import type { Database } from './store/sql';
import { overseerrWebhookRoutes } from './webhooks/overseerr';

export interface GatewayDeps {
  clock?: Clock;
  /** An open database; by default PostgreSQL at `config.databaseUrl`, else SQLite at `config.databasePath`. */
  db?: Database;
  /** Where the log goes; by default standard output. */
  logStream?: DestinationStream;
}

export interface Gateway {
  url: string;
  app: FastifyInstance;
  services: GatewayServices;
  close(): Promise<void>;
}

export const API_PREFIX = '/api/v1';
const openApiRoute = {
  operationId: 'getOpenApiDocument',
  summary: 'This document',
  tags: ['meta'],
  response: { 200: { description: 'The OpenAPI 3.1 document of this API', type: 'object', additionalProperties: true } },
};
const CORRELATION_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** Builds the MediaNest gateway from its configuration and dependencies and starts it listening. */
export async function buildGateway(config: GatewayConfig, deps: GatewayDeps = {}): Promise<Gateway> {
  const clock = deps.clock ?? systemClock;
  const db = deps.db ?? (await openDatabase(config));
  let services: GatewayServices;
  try {
    services = await createServices(config, clock, db);
    await settleLastRun(services);
  } catch (error) {
    if (!deps.db) await db.close();
    throw error;
  }
  const security = securityHeaders();
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-plex-token"]', 'res.headers["set-cookie"]', '*.token', '*.authToken'],
        censor: '[redacted]',
      },
      ...(deps.logStream ? { stream: deps.logStream } : {}),
    },
    bodyLimit: 64 * 1024,
    forceCloseConnections: true,
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-correlation-id'];
      return typeof incoming === 'string' && CORRELATION_ID.test(incoming) ? incoming : randomUUID();
    },
    requestIdLogLabel: 'correlationId',
    // a path that cannot be decoded (a broken %-escape) is refused before any route or hook runs
    frameworkErrors: (_error, request, reply) => {
      reply.headers(security).header('x-correlation-id', request.id);
      sendError(request, reply, new ApiError('VALIDATION_ERROR', 'This is not a valid address: each % must start an escape such as %20'));
    },
  });
  // what the configuration says is worth saying at start-up, such as a secret made for this process only
  config.warnings.forEach((warning) => app.log.warn(warning));
  app.removeContentTypeParser('text/plain'); // JSON bodies only
  installJsonBodyParser(app);
  installCompilers(app);
  installErrorHandler(app);
  installRouteContract(app);
  // Hooks on every request are callback-style and settle synchronously when there is nothing to
  // wait for: each promise costs, and the liveness route has to keep pace with a bare route.
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(security).header('x-correlation-id', request.id);
    done();
  });
  await app.register(cookie);
  await app.register(swagger, { openapi: openApiOptions(API_PREFIX) });
  await services.redis?.connect(app.log);
  await installRateLimits(app, config.rateLimits, services.redis);
  app.addHook('onRequest', (request, _reply, done) => {
    const verifying = identify(services, request);
    if (verifying) verifying.then(() => done(), done);
    else done();
  });
  app.addHook('onRequest', (request, reply, done) => {
    // health checks, the API description, the webhook and the socket upgrade: not counted, no headers
    if (request.routeOptions.config.rateLimited === false) return done();
    app.generalRateLimit(request, reply, done);
  });
  app.addHook('preParsing', (request, _reply, payload, done) => {
    try {
      enforce(request);
      done(null, payload);
    } catch (error) {
      done(error as Error);
    }
  });

  await app.register(
    named(async (api) => {
      await api.register(named(healthRoutes), { services });
      await api.register(named(authRoutes), { services });
      await api.register(named(adminUserRoutes), { services });
      await api.register(named(mediaRequestRoutes), { services });
      await api.register(named(overseerrWebhookRoutes), { services });
      await api.register(named(libraryRoutes), { services });
      await api.register(named(realtimeRoutes), { services });
      await api.register(named(monitoringRoutes), { services });
      await api.register(named(resilienceRoutes), { services });
      await api.register(named(downloadRoutes), { services });
      api.get('/openapi.json', { config: { access: 'public', rateLimited: false }, schema: openApiRoute }, async () => app.swagger());
    }, 'api'),
    { prefix: API_PREFIX },
  );

  await app.listen({ port: config.port, host: config.host });
  const { address, port } = app.server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    app,
    services,
    close: async () => {
      await app.close();
      await services.redis?.close();
      await db.close();
    },
  };
}
