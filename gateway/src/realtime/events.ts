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

/** The in-process bus domains publish to and the realtime endpoint fans out from. */
export class GatewayEvents {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private readonly followers = new Map<Topic, number>();

  publish(event: GatewayEvent): void {
    this.emitter.emit('event', event);
  }

  subscribe(listener: (event: GatewayEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  /** A session was signed out: whatever was opened with its token must close. */
  sessionRevoked(jti: string): void {
    this.emitter.emit('revoked', jti);
  }

  onSessionRevoked(listener: (jti: string) => void): () => void {
    this.emitter.on('revoked', listener);
    return () => this.emitter.off('revoked', listener);
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
}
