import type { WebSocket } from 'ws';
import { presentUser } from '../auth/present';
import type { Clock, TimerHandle } from '../clock';
import type { GatewayEvent, GatewayEvents, Topic } from './events';
import { LiveSocket, type Principal } from './live-socket';
import { CLOSE, encode, PING_INTERVAL_MS, SOCKETS_PER_USER } from './protocol';

/** How long a shutting-down gateway waits for clients to answer its close frame before cutting them off. */
const SHUTDOWN_GRACE_MS = 1_000;

/**
 * Every open socket of one gateway: who owns it, the per-user limit, fan-out of the event bus to
 * the sockets that may see each event, logout, the heartbeat and shutdown.
 */
export class SocketHub {
  private readonly sockets = new Set<LiveSocket>();
  private readonly stopListening: Array<() => void>;
  private heartbeat?: TimerHandle;

  constructor(
    private readonly events: GatewayEvents,
    private readonly clock: Clock,
  ) {
    this.stopListening = [events.subscribe((event) => this.fanOut(event)), events.onSessionRevoked((jti) => this.revoke(jti))];
  }

  add(ws: WebSocket): LiveSocket {
    const socket = new LiveSocket(ws, this.clock);
    this.sockets.add(socket);
    ws.once('close', () => this.remove(socket));
    this.heartbeat ??= this.clock.setTimeout(() => this.beat(), PING_INTERVAL_MS);
    return socket;
  }

  /** Makes the socket its owner's, or closes it when the owner already has as many as allowed. */
  authenticate(socket: LiveSocket, principal: Principal): void {
    this.clock.clearTimeout(socket.authDeadline);
    socket.authDeadline = undefined;
    const owned = [...this.sockets].filter((other) => other.open && other.principal?.user.id === principal.user.id);
    if (owned.length >= SOCKETS_PER_USER) {
      socket.close(CLOSE.tooMany, 'TOO_MANY_SOCKETS');
      return;
    }
    socket.principal = principal;
    socket.send('ready', { user: presentUser(principal.user) });
  }

  /** Adds topics to what the socket follows; the bus keeps count, for producers that poll. */
  subscribe(socket: LiveSocket, topics: Topic[]): void {
    for (const topic of topics) {
      if (socket.topics.has(topic)) continue;
      socket.topics.add(topic);
      this.events.follow(topic, 1);
    }
  }

  /** Closes every socket and stops listening; waits a moment for clients to answer the close frame. */
  async closeAll(): Promise<void> {
    this.stopListening.forEach((stop) => stop());
    this.clock.clearTimeout(this.heartbeat);
    this.heartbeat = undefined;
    const sockets = [...this.sockets];
    const closed = sockets.map((socket) => new Promise<void>((resolve) => (socket.ws.readyState === socket.ws.CLOSED ? resolve() : socket.ws.once('close', () => resolve()))));
    sockets.forEach((socket) => socket.close(CLOSE.goingAway, 'GATEWAY_STOPPING'));
    // Real time on purpose: shutdown must not wait on a clock that a test may have stopped.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(closed), new Promise((resolve) => (timer = setTimeout(resolve, SHUTDOWN_GRACE_MS)))]);
    clearTimeout(timer);
    sockets.forEach((socket) => socket.ws.terminate());
  }

  private fanOut(event: GatewayEvent): void {
    let text: string | undefined;
    for (const socket of this.sockets) {
      if (socket.wants(event)) socket.sendEncoded((text ??= encode(event.type, event.data)));
    }
  }

  private revoke(jti: string): void {
    for (const socket of this.sockets) {
      if (socket.principal?.claims.jti === jti) socket.close(CLOSE.unauthorized, 'TOKEN_REVOKED');
    }
  }

  private beat(): void {
    this.sockets.forEach((socket) => socket.beat());
    this.heartbeat = this.sockets.size ? this.clock.setTimeout(() => this.beat(), PING_INTERVAL_MS) : undefined;
  }

  private remove(socket: LiveSocket): void {
    this.sockets.delete(socket);
    socket.topics.forEach((topic) => this.events.follow(topic, -1));
    this.clock.clearTimeout(socket.authDeadline);
  }
}
