import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { ApiError } from '../http/errors';
import { noContent, type Schema } from '../http/envelope';
import { announceLibraryChanged } from '../library/invalidation';
import { announceStatus } from '../media-requests/announcements';
import { WEBHOOK_MOVES } from '../media-requests/lifecycle';
import type { GatewayServices } from '../services';

interface Notification {
  notification_type: string;
  request?: { request_id?: string } | null;
}

/**
 * Overseerr's default webhook body: every value is a string (UPSTREAMS.md section 3). Templates can
 * be edited, so fields beyond these are allowed; these must have Overseerr's shape.
 */
const notificationBody: Schema = {
  type: 'object',
  required: ['notification_type'],
  properties: {
    notification_type: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Z0-9_]+$' },
    subject: { type: 'string' },
    media: { type: ['object', 'null'], properties: { tmdbId: { type: 'string' }, status: { type: 'string' } } },
    request: { type: ['object', 'null'], properties: { request_id: { type: 'string', maxLength: 15, pattern: '^[0-9]*$' } } },
  },
};

/**
 * POST /webhooks/overseerr: Overseerr reports what became of a request. Authenticated by the exact
 * configured `Authorization` value; idempotent, since a status only moves forward (a replay or a
 * late notification changes nothing and announces nothing).
 */
export async function overseerrWebhookRoutes(app: FastifyInstance, { services }: { services: GatewayServices }) {
  const { clock, events, config, mediaRequests: requests } = services;

  app.post<{ Body: Notification }>('/webhooks/overseerr', {
    config: { access: 'public', rateLimited: false, refusals: ['WEBHOOK_UNAUTHORIZED', 'DATABASE_UNAVAILABLE'] },
    // before the body is read: an unauthenticated caller learns nothing about what the body should be
    onRequest: async (request: FastifyRequest) => authorize(request.headers.authorization, config.overseerrWebhookSecret),
    schema: {
      operationId: 'receiveOverseerrNotification',
      summary: 'Overseerr reports what became of a request',
      tags: ['webhooks'],
      body: notificationBody,
      response: { 204: noContent('Taken into account (or ignored: a replay, an unknown request)') },
    },
  }, async (request, reply) => {
    const { notification_type: type, request: about } = request.body;
    const to = WEBHOOK_MOVES[type];
    const found = to && about?.request_id ? await requests.byOverseerrId(Number(about.request_id)) : undefined;
    const reason = to === 'failed' ? 'Overseerr reported that the request failed' : undefined;
    const moved = found && (await requests.transition(found.id, to!, clock.now(), reason));
    request.log.info({ notification: type, overseerrRequestId: about?.request_id, moved: moved ? `${moved.previous} -> ${moved.request.status}` : 'no' }, 'overseerr webhook');
    if (moved) {
      announceStatus(events, moved.request, moved.previous, clock.now());
      if (moved.request.status === 'available') announceLibraryChanged(events, `${moved.request.title} is now available`, clock.now());
    }
    return reply.code(204).send();
  });
}

function authorize(given: string | undefined, secret: string | undefined): void {
  if (secret === undefined || given === undefined || !sameText(given, secret)) {
    throw new ApiError('WEBHOOK_UNAUTHORIZED', 'The webhook must carry the Authorization value configured in Overseerr');
  }
}

/** Compares in constant time, whatever the lengths. */
function sameText(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(a), digest(b));
}
