import { WebSocket } from 'ws';
import type { TokenClaims } from '../auth/tokens';
import type { Clock, TimerHandle } from '../clock';
import type { User } from '../store/users';
import type { GatewayEvent, Topic } from './events';
import { CLOSE, encode, MESSAGES_PER_SECOND, MISSED_PONGS_TOLERATED } from './protocol';

/** Who a socket belongs to once authenticated, and the token it was opened with (logout closes it). */
export interface Principal {
  user: User;
  claims: TokenClaims;
}

/** One client's WebSocket and what the gateway knows about it. */
export class LiveSocket {
  principal?: Principal;
  /** Set while the client still has to authenticate by message. */
  authDeadline?: TimerHandle;
  readonly topics = new Set<Topic>();
  private missedPongs = 0;
  /** Arrival times of the most recent messages, at most MESSAGES_PER_SECOND of them. */
  private readonly arrivals: number[] = [];

  constructor(
    readonly ws: WebSocket,
    private readonly clock: Clock,
  ) {
    ws.on('pong', () => (this.missedPongs = 0));
  }

  /** Not yet closing: ws moves a socket out of OPEN the moment it is closed or terminated. */
  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** Counts a message in; true when it is one more than a second allows. */
  tooFrequent(): boolean {
    const now = this.clock.now();
    this.arrivals.push(now);
    if (this.arrivals.length <= MESSAGES_PER_SECOND) return false;
    const oldest = this.arrivals.shift()!;
    return now - oldest < 1_000;
  }

  /** Subscribed to the event's topic, and the event is for everyone, for this user, or this user is an admin. */
  wants(event: GatewayEvent): boolean {
    if (!this.principal || !this.topics.has(event.topic)) return false;
    const { audience } = event;
    return 'everyone' in audience || audience.userId === this.principal.user.id || this.principal.user.role === 'admin';
  }

  send(type: string, data: unknown): void {
    this.sendEncoded(encode(type, data));
  }

  /** ws drops what is sent to a socket no longer open (a server's socket is never CONNECTING). */
  sendEncoded(text: string): void {
    this.ws.send(text);
  }

  /** The first close wins: ws ignores a close of a socket already closing or closed. */
  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }

  /**
   * One heartbeat: a peer that left MISSED_PONGS_TOLERATED pings unanswered is dropped (it cannot
   * take part in a closing handshake), a session past its expiry is closed, anyone else is pinged.
   */
  beat(): void {
    if (this.missedPongs >= MISSED_PONGS_TOLERATED) {
      this.ws.terminate();
      return;
    }
    if (this.principal && this.principal.claims.expiresAt <= this.clock.now()) {
      this.close(CLOSE.unauthorized, 'TOKEN_EXPIRED');
      return;
    }
    this.missedPongs++;
    this.ws.ping();
  }
}
