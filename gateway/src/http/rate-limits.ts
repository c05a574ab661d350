import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimits } from '../config';
import type { SharedRedis } from '../redis/shared-redis';
import { ApiError } from './errors';
import { localCounts, SharedCounts } from './rate-limit-store';

const WINDOW_MS = 60_000;

/**
 * Per-user and per-anonymous-IP limits on every route not exempted, after the caller is identified
 * but before anyone is refused (so 401 answers count), plus the tighter route limits (PIN, verify)
 * that routes declare in `config.rateLimit`. The plugin's store reads Date.now(), so a virtual clock
 * moves its windows. With Redis, every count is kept there, shared by the instances serving together.
 */
export async function installRateLimits(app: FastifyInstance, limits: RateLimits, redis?: SharedRedis): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    ...(redis ? { store: SharedCounts.storeFor(redis.client) } : {}),
    enableDraftSpec: true,
    errorResponseBuilder: (_request, context) => tooMany(Math.ceil(context.ttl / 1000)),
  });
  // The general limit counts in the plugin's own store, called directly: through the plugin's
  // `createRateLimit` every request paid for half a dozen promises, the largest cost of a cached read.
  const store = redis ? SharedCounts.in(redis.client) : localCounts();
  app.decorate('generalRateLimit', (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    const key = request.auth ? `user:${request.auth.user.id}` : `anon:${request.ip}`;
    const max = request.auth ? limits.userPerMinute : limits.anonPerMinute;
    store.incr(key, (error, counted) => {
      if (error || !counted) return done(error ?? undefined);
      const resetSeconds = Math.ceil(counted.ttl / 1000);
      reply.header('ratelimit-limit', max).header('ratelimit-remaining', Math.max(0, max - counted.current)).header('ratelimit-reset', resetSeconds);
      done(counted.current > max ? tooMany(resetSeconds) : undefined);
    }, WINDOW_MS, max);
  });
}

/** A route's own limit, keyed by client IP and kept apart from the general one. */
export function routeLimit(name: string, max: number) {
  return { max, timeWindow: WINDOW_MS, keyGenerator: (request: FastifyRequest) => `${name}:${request.ip}` };
}

function tooMany(retryAfterSeconds: number): ApiError {
  return new ApiError('RATE_LIMITED', 'Too many requests: retry later', undefined, { 'retry-after': String(Math.max(1, retryAfterSeconds)) });
}

declare module 'fastify' {
  interface FastifyInstance {
    generalRateLimit: (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => void;
  }
}
