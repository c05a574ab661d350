import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimits } from '../config';
import { ApiError } from './errors';

const WINDOW_MS = 60_000;

/**
 * Per-user and per-anonymous-IP limits on every route not exempted, after the caller is identified
 * but before anyone is refused (so 401 answers count), plus the tighter route limits (PIN, verify)
 * that routes declare in `config.rateLimit`. The plugin's store reads Date.now(), so a virtual clock
 * moves its windows.
 */
export async function installRateLimits(app: FastifyInstance, limits: RateLimits): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    enableDraftSpec: true,
    errorResponseBuilder: (_request, context) => tooMany(Math.ceil(context.ttl / 1000)),
  });
  const general = app.createRateLimit({
    timeWindow: WINDOW_MS,
    keyGenerator: (request: FastifyRequest) => (request.auth ? `user:${request.auth.user.id}` : `anon:${request.ip}`),
    max: (request: FastifyRequest) => (request.auth ? limits.userPerMinute : limits.anonPerMinute),
  });
  app.decorate('generalRateLimit', async (request: FastifyRequest, reply: FastifyReply) => {
    const outcome = await general(request);
    if (outcome.isAllowed) return; // no allow list is configured: narrows the type
    reply.header('ratelimit-limit', outcome.max).header('ratelimit-remaining', outcome.remaining).header('ratelimit-reset', outcome.ttlInSeconds);
    if (outcome.isExceeded) throw tooMany(outcome.ttlInSeconds);
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
    generalRateLimit: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}
