import type { SwaggerOptions } from '@fastify/swagger';
import { SSE_EVENT_SCHEMAS } from '../downloads/schemas';
import { LIVE_MESSAGE_SCHEMAS, LIVE_UPDATES } from '../realtime/message-schemas';
import { SECURITY_SCHEMES } from './route-contract';

/**
 * What /openapi.json says beyond the routes' own schemas: who the API is, how callers prove who
 * they are, the tags, the SSE event payloads and the WebSocket's messages (the socket is not an
 * HTTP operation, so it is described in the `x-live-updates` extension, its messages as components).
 */
export function openApiOptions(prefix: string): NonNullable<Extract<SwaggerOptions, { openapi?: unknown }>['openapi']> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'MediaNest API gateway',
      version: '1.0.0',
      description: 'Plex sign-in, media requests through Overseerr, the Plex library, YouTube downloads, service health and live updates.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: prefix, description: 'This gateway' }],
    tags: [
      { name: 'auth', description: 'Signing in with a Plex PIN, the session, signing out' },
      { name: 'media', description: 'Searching and requesting films and series (Overseerr)' },
      { name: 'library', description: 'The Plex library, read with the caller\'s own Plex token' },
      { name: 'downloads', description: 'YouTube downloads through yt-dlp' },
      { name: 'dashboard', description: 'Service health' },
      { name: 'admin', description: 'What only admins may do' },
      { name: 'webhooks', description: 'What upstreams tell MediaNest' },
      { name: 'health', description: 'Liveness and readiness' },
      { name: 'meta', description: 'This document' },
    ],
    components: { securitySchemes: SECURITY_SCHEMES, schemas: { ...SSE_EVENT_SCHEMAS, ...LIVE_MESSAGE_SCHEMAS } },
    'x-live-updates': LIVE_UPDATES,
  } as NonNullable<Extract<SwaggerOptions, { openapi?: unknown }>['openapi']>;
}
