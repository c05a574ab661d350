import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Duplex } from 'node:stream';
import { ApiError } from '../http/errors';
import type { GatewayServices } from '../services';
import { converse } from './conversation';
import { MAX_MESSAGE_BYTES } from './protocol';
import { SocketHub } from './socket-hub';

/**
 * The live-updates WebSocket at /ws (CONTRACT.md, "Realtime"). The HTTP rate limits do not apply
 * to the upgrade; authentication is this route's own: a bearer header or session cookie that fails
 * is refused with HTTP 401 before any socket exists, and no credentials at all means the client
 * authenticates by its first message.
 */
export async function realtimeRoutes(app: FastifyInstance, { services }: { services: GatewayServices }) {
  const hub = new SocketHub(services.events, services.clock);
  // Every socket that asked to upgrade: one whose upgrade was answered with an HTTP error stays
  // half-open after its client leaves, and would keep the server from closing.
  const upgrading = new Set<Duplex>();
  app.server.on('upgrade', (_request, socket: Duplex) => {
    upgrading.add(socket);
    socket.once('close', () => upgrading.delete(socket));
  });
  const preClose = async () => {
    await hub.closeAll();
    upgrading.forEach((socket) => socket.destroy());
  };
  // ws closes an oversized message with 1009 itself.
  await app.register(websocket, { options: { maxPayload: MAX_MESSAGE_BYTES }, preClose });
  // A refused upgrade is over once answered, whichever hook refused it.
  app.addHook('onResponse', async (request) => {
    if (request.headers.upgrade !== undefined) request.raw.socket?.destroy();
  });

  app.route({
    method: 'GET',
    url: '/ws',
    config: { access: 'public', rateLimited: false },
    schema: { hide: true },
    preValidation: async (request) => {
      if (request.authFailure) throw request.authFailure;
      if (request.auth?.byCookie && !fromOwnOrigin(request)) {
        throw new ApiError('CSRF_INVALID', 'A live connection signed in by cookie must come from a MediaNest page');
      }
    },
    handler: async () => {
      throw new ApiError('NOT_FOUND', 'This is a WebSocket endpoint: open it with an upgrade');
    },
    wsHandler: (ws, request) => {
      // A client's broken frame (too large, not UTF-8) is its own fault, not the gateway's: log it as such.
      ws.removeAllListeners('error');
      ws.on('error', (error: Error & { code?: string }) => request.log.info({ code: error.code }, `live connection error: ${error.message}`));
      const principal = request.auth && { user: request.auth.user, claims: request.auth.claims };
      converse(hub.add(ws), hub, services, request.log, principal);
    },
  });
}

/**
 * Browsers send the session cookie on a WebSocket upgrade from any page (cross-site WebSocket
 * hijacking), but always say which page in `Origin`: it must be the gateway's own host. Clients
 * that are not browsers send no Origin.
 */
function fromOwnOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  return origin === undefined || (URL.canParse(origin) && new URL(origin).host === request.headers.host);
}
