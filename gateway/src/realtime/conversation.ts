import type { FastifyBaseLogger } from 'fastify';
import type { RawData } from 'ws';
import { authenticateToken } from '../auth/guard';
import { ApiError } from '../http/errors';
import type { GatewayServices } from '../services';
import type { LiveSocket, Principal } from './live-socket';
import { AUTH_GRACE_MS, CLOSE, isProtocolError, parseClientMessage, type ClientMessage } from './protocol';
import type { SocketHub } from './socket-hub';

/**
 * What a client and the gateway say to each other on one socket. A socket authenticated at the
 * upgrade is ready at once; otherwise its first message must be `auth`, within AUTH_GRACE_MS on
 * the gateway's clock. Messages are handled one at a time, in order, so an `auth` still being
 * verified is never overtaken by the `subscribe` sent right behind it.
 */
export function converse(socket: LiveSocket, hub: SocketHub, services: GatewayServices, log: FastifyBaseLogger, principal?: Principal): void {
  let queue = Promise.resolve();
  socket.ws.on('message', (raw: RawData, isBinary: boolean) => {
    if (socket.tooFrequent()) return socket.close(CLOSE.tooMany, 'RATE_LIMITED');
    // ws hands a text message over as one Buffer (binaryType "nodebuffer", its default).
    const text = isBinary ? undefined : (raw as Buffer).toString();
    queue = queue.then(() => handle(text)).catch((error: unknown) => {
      log.error({ err: error }, 'unexpected error on a live connection');
      socket.send('error', { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side' });
    });
  });

  if (principal) hub.authenticate(socket, principal);
  else socket.authDeadline = services.clock.setTimeout(() => socket.close(CLOSE.unauthorized, 'AUTH_TIMEOUT'), AUTH_GRACE_MS);

  async function handle(text: string | undefined): Promise<void> {
    if (!socket.open) return;
    const parsed = text === undefined ? { code: 'VALIDATION_ERROR' as const, message: 'Send text messages, not binary' } : parseClientMessage(text);
    if (!socket.principal) return authenticate(parsed);
    if (isProtocolError(parsed)) return socket.send('error', parsed);
    reply(parsed);
  }

  /** Before authentication only `auth` is understood; anything else, or a bad token, closes the socket. */
  async function authenticate(parsed: ReturnType<typeof parseClientMessage>): Promise<void> {
    if (isProtocolError(parsed) || parsed.type !== 'auth') return socket.close(CLOSE.unauthorized, 'UNAUTHORIZED');
    try {
      const { user, claims } = await authenticateToken(services, parsed.token);
      if (socket.open) hub.authenticate(socket, { user, claims });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      socket.close(CLOSE.unauthorized, error.code);
    }
  }

  function reply(message: ClientMessage): void {
    switch (message.type) {
      case 'auth':
        return socket.send('error', { code: 'VALIDATION_ERROR', message: 'This socket is already authenticated' });
      case 'subscribe':
        hub.subscribe(socket, message.topics);
        return socket.send('subscribed', { topics: [...socket.topics] });
      case 'ping':
        return socket.send('pong', { at: new Date(services.clock.now()).toISOString() });
    }
  }
}
