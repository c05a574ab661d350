import { userSchema } from '../auth/schemas';
import { enumOf, integer, nullable, number, object, string, type Schema } from '../http/envelope';
import { REQUEST_STATUSES } from '../media-requests/lifecycle';
import { MAX_MESSAGE_BYTES, TOPICS } from './protocol';

/** A WebSocket message `{type, data}` with the given type and data schema. */
const message = (type: string, data: Schema): Schema => object({ type: { type: 'string', const: type }, data });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const when = string;
const downloadStatus = enumOf('queued', 'downloading', 'completed', 'failed', 'cancelled');
const serviceStatus = enumOf('up', 'down', 'degraded', 'maintenance', 'unknown');

/** The live-updates socket's messages (CONTRACT.md, "Realtime"), as components of /openapi.json. */
export const LIVE_MESSAGE_SCHEMAS: Record<string, Schema> = {
  LiveAuth: {
    type: 'object',
    required: ['type'],
    additionalProperties: false,
    properties: { type: { type: 'string', const: 'auth' }, token: string, data: object({ token: string }) },
  },
  LiveSubscribe: message('subscribe', object({ topics: { type: 'array', minItems: 1, items: enumOf(...TOPICS) } })),
  LivePing: object({ type: { type: 'string', const: 'ping' }, data: object({}, []) }, ['type']),
  LiveReady: message('ready', object({ user: userSchema })),
  LiveSubscribed: message('subscribed', object({ topics: { type: 'array', items: enumOf(...TOPICS) } })),
  LivePong: message('pong', object({ at: when })),
  LiveError: message('error', object({ code: enumOf('INVALID_JSON', 'VALIDATION_ERROR', 'INTERNAL_ERROR'), message: string })),
  ServiceStatusEvent: message('service.status', object({ service: string, status: serviceStatus, previous: nullable(serviceStatus), at: when })),
  RequestStatusEvent: message('request.status', object({ requestId: integer, title: string, status: enumOf(...REQUEST_STATUSES), previous: nullable(enumOf(...REQUEST_STATUSES)), at: when })),
  DownloadProgressMessage: message('download.progress', object({ downloadId: integer, percent: number })),
  DownloadStatusMessage: message('download.status', object({ downloadId: integer, status: downloadStatus, previous: nullable(downloadStatus), error: string }, ['downloadId', 'status', 'previous'])),
  CacheInvalidatedEvent: message('cache.invalidated', object({ scope: enumOf('library', 'requests', 'status'), reason: string, at: when })),
};

/** The `x-live-updates` extension: where the socket is, how it signs in, what each side sends. */
export const LIVE_UPDATES = {
  path: '/ws',
  description: 'One WebSocket for live updates: authenticated by the bearer header or session cookie at the upgrade, or by a first `auth` message within 5 s.',
  security: [{ bearer: [] }, { session: [] }, {}],
  maxMessageBytes: MAX_MESSAGE_BYTES,
  clientMessages: { oneOf: ['LiveAuth', 'LiveSubscribe', 'LivePing'].map(ref) },
  serverMessages: {
    oneOf: ['LiveReady', 'LiveSubscribed', 'LivePong', 'LiveError', 'ServiceStatusEvent', 'RequestStatusEvent', 'DownloadProgressMessage', 'DownloadStatusMessage', 'CacheInvalidatedEvent'].map(ref),
  },
  closeCodes: { 1001: 'the gateway is going away', 1009: 'a message over 16 KiB', 4401: 'not signed in, or signed out', 4429: 'too many messages or sockets' },
};
