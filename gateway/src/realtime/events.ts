import { EventEmitter } from 'node:events';

export type Topic = 'services' | 'requests' | 'downloads' | 'library';

/** Who may receive an event: everyone subscribed to the topic, or one user (and every admin). */
export type Audience = { everyone: true } | { userId: number };

export interface GatewayEvent {
  topic: Topic;
  type: string;
  data: Record<string, unknown>;
  audience: Audience;
}

/** What the bus hands to the other instances of the gateway, and takes from them. */
export type Relayed =
  | { kind: 'event'; event: GatewayEvent }
  | { kind: 'revoked'; jti: string }
  | { kind: 'stream'; stream: string; item: unknown };

/**
 * The bus domains publish to and the realtime endpoint fans out from. Everything is delivered here
 * at once; with a relay (Redis, when several instances serve together) it is also handed to the
 * other instances, which deliver it to their own listeners. Follower counts stay per instance.
 */
export class GatewayEvents {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private readonly followers = new Map<Topic, number>();
  private relay?: (message: Relayed) => void;

  /** Hands everything published here from now on to `relay` too. */
  relayTo(relay: (message: Relayed) => void): void {
    this.relay = relay;
  }

  /** A message relayed by another instance, delivered to the listeners here. */
  deliver(message: Relayed, here = false): void {
    if (message.kind === 'event') this.emitter.emit('event', message.event, here);
    else if (message.kind === 'revoked') this.emitter.emit('revoked', message.jti);
    else this.emitter.emit(`stream:${message.stream}`, message.item);
  }

  publish(event: GatewayEvent): void {
    this.send({ kind: 'event', event });
  }

  /** Calls `listener` with every event, and whether it was published on this instance (`here`) or relayed. */
  subscribe(listener: (event: GatewayEvent, here: boolean) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  /** A session was signed out: whatever was opened with its token must close. */
  sessionRevoked(jti: string): void {
    this.send({ kind: 'revoked', jti });
  }

  onSessionRevoked(listener: (jti: string) => void): () => void {
    this.emitter.on('revoked', listener);
    return () => this.emitter.off('revoked', listener);
  }

  /** The next item of a named stream (a download's events), for whoever follows that stream. */
  streamed(stream: string, item: unknown): void {
    this.send({ kind: 'stream', stream, item });
  }

  onStreamed<T>(stream: string, listener: (item: T) => void): () => void {
    const name = `stream:${stream}`;
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }

  /** A live connection started (+1) or stopped (-1) following a topic. */
  follow(topic: Topic, change: 1 | -1): void {
    const count = Math.max(0, (this.followers.get(topic) ?? 0) + change);
    this.followers.set(topic, count);
    this.emitter.emit('followers', topic, count);
  }

  /** How many live connections follow the topic: a producer that polls for it can rest at zero. */
  followersOf(topic: Topic): number {
    return this.followers.get(topic) ?? 0;
  }

  onFollowersChanged(listener: (topic: Topic, count: number) => void): () => void {
    this.emitter.on('followers', listener);
    return () => this.emitter.off('followers', listener);
  }

  private send(message: Relayed): void {
    this.deliver(message, true);
    this.relay?.(message);
  }
}
