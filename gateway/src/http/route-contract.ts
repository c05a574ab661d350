import type { FastifyInstance, RouteOptions } from 'fastify';
import { ERROR_STATUS, type ErrorCode } from './errors';
import type { Schema } from './envelope';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The refusals only this route gives (the ones every route of its kind gives are added for it). */
    refusals?: readonly ErrorCode[];
  }
}

/** What an upstream's failure becomes (CONTRACT.md, "Upstream faults"). */
export const UPSTREAM_FAILURES: readonly ErrorCode[] = ['UPSTREAM_ERROR', 'SERVICE_UNAVAILABLE', 'UPSTREAM_TIMEOUT'];

// a signed-in caller is looked up in the database: any such route can find it unreachable
const SIGNED_IN: ErrorCode[] = ['UNAUTHORIZED', 'TOKEN_INVALID', 'TOKEN_EXPIRED', 'TOKEN_REVOKED', 'DATABASE_UNAVAILABLE'];
const UNREADABLE_BODY: ErrorCode[] = ['INVALID_JSON', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'];
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** How callers prove who they are, for the document's `components.securitySchemes`. */
export const SECURITY_SCHEMES = {
  bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The token from POST /auth/plex/verify' },
  session: { type: 'apiKey', in: 'cookie', name: 'medianest_session', description: 'The HttpOnly session cookie set by POST /auth/plex/verify' },
  csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'Cookie sessions writing: the value of the medianest_csrf cookie' },
  webhookSecret: { type: 'apiKey', in: 'header', name: 'Authorization', description: "Overseerr's webhook: exactly the configured secret" },
} as const;

const GENERIC_500: Schema = { description: 'INTERNAL_ERROR: anything the gateway did not expect (logged, generic message)', ...refusal(['INTERNAL_ERROR']) };

/**
 * Completes every route's schema from what the route declares (who may call it, what it reads,
 * the refusals only it gives): its security and every error status it can answer, each with the
 * exact codes possible there. The same completion feeds /openapi.json and the error serializers,
 * so the document cannot list an answer the gateway does not describe. Completions are kept per
 * route declaration: every gateway of the process reuses the compiled serializers (see compilers.ts).
 */
export function installRouteContract(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const schema = route.schema as Schema | undefined;
    if (route.method === 'HEAD' || !schema || schema.hide) return;
    // Keyed by everything the completion reads, not by the route alone: a declaration that
    // differs (another build, or a mutant of it) gets its own completion instead of the first one.
    const key = JSON.stringify([route.method, route.url, schema, route.config?.access, route.config?.refusals, route.config?.rateLimited]);
    let completed = completions.get(key);
    if (!completed) completions.set(key, (completed = complete(route, schema)));
    route.schema = completed;
  });
}

const completions = new Map<string, Schema>();

/**
 * Forgets every completion kept. Stryker runs mutant after mutant in one process, and a completion
 * kept from an earlier run would hide a mutant of complete() itself: the suite forgets them as each
 * of its runs starts (support/hooks.ts).
 */
export function forgetCompletions(): void {
  completions.clear();
}

function complete(route: RouteOptions, schema: Schema): Schema {
  const method = String(route.method);
  const access = route.config?.access; // saying nothing is 'user'
  const codes = new Set<ErrorCode>(route.config?.refusals ?? []);
  const add = (...more: ErrorCode[]) => more.forEach((code) => codes.add(code));
  if (access !== 'public') add(...SIGNED_IN);
  if (access === 'admin') add('FORBIDDEN');
  if (access !== 'public' && WRITES.has(method)) add('CSRF_INVALID');
  if (route.config?.rateLimited !== false) add('RATE_LIMITED');
  if (WRITES.has(method)) add(...UNREADABLE_BODY);
  if (schema.body || schema.params || schema.querystring || schema.headers) add('VALIDATION_ERROR');
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of Object.keys(ERROR_STATUS) as ErrorCode[]) {
    if (!codes.has(code)) continue;
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const errors = Object.fromEntries([...byStatus].map(([status, list]) => [status, { description: `Refused: ${list.join(', ')}`, ...refusal(list) }]));
  return {
    ...schema,
    security: securityOf(access, method, codes.has('WEBHOOK_UNAUTHORIZED')),
    response: { ...(schema.response as Schema), ...errors, default: GENERIC_500 },
  };
}

function securityOf(access: string | undefined, method: string, webhook: boolean): Array<Record<string, string[]>> {
  if (webhook) return [{ webhookSecret: [] }];
  if (access === 'public') return [];
  return [{ bearer: [] }, WRITES.has(method) ? { session: [], csrf: [] } : { session: [] }];
}

/** The error envelope of CONTRACT.md, narrowed to the codes given. */
function refusal(codes: ErrorCode[]): Schema {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['success', 'error'],
    properties: {
      success: { type: 'boolean', enum: [false] },
      error: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'message', 'correlationId'],
        properties: {
          code: { type: 'string', enum: codes },
          message: { type: 'string' },
          correlationId: { type: 'string' },
          details: { type: 'object', additionalProperties: true },
        },
      },
    },
  };
}
