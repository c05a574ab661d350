import { randomUUID } from 'node:crypto';
import type { Redis, RedisOptions } from 'ioredis';

/**
 * What happens while Redis does not answer (the gateway keeps serving, each instance on its own):
 * - rate limits count in the instance's memory, so a limit admits at most its count per instance
 *   (refusing everyone would make Redis an outage of the whole API; not counting at all would leave
 *   the PIN and verify limits, which stand between the internet and plex.tv, without a brake);
 * - the library cache is bypassed: every read asks Plex, and no stale copy can stand in for it; a
 *   rescan announced meanwhile cannot mark the copies in Redis, which stay fresh for their lifetime;
 * - live updates and download events reach the sockets and streams of the instance that produced
 *   them only, until Redis is back (the subscriber reconnects and resubscribes by itself);
 * - readiness stays 200 and says `redis: "down"`: all instances share one Redis, so a 503 would make
 *   the load balancer drop every instance at once, a full outage for what is a degraded service.
 * Nothing waits for Redis: commands are never queued while it is away. One that gets no answer
 * fails after COMMAND_TIMEOUT_MS, and the connection is dropped then: until Redis answers again,
 * every command fails at once instead of each request waiting that long for each of its commands.
 */
export const COMMAND_TIMEOUT_MS = 500;
const CONNECT_TIMEOUT_MS = 1_000;
const RECONNECT_MAX_MS = 1_000;

const OPTIONS: RedisOptions = {
  lazyConnect: true,
  enableOfflineQueue: false,
  connectTimeout: CONNECT_TIMEOUT_MS,
  commandTimeout: COMMAND_TIMEOUT_MS,
  maxRetriesPerRequest: 0,
  retryStrategy: (attempt) => Math.min(attempt * 100, RECONNECT_MAX_MS),
};

/** Where the gateway says that Redis went away or came back. */
export interface RedisWatcher {
  warn(message: string): void;
  info(message: string): void;
}

/**
 * The Redis of a gateway instance: one connection for commands (and publishing), one subscribed to
 * the channel instances relay events on. Both reconnect by themselves after an outage.
 */
export class SharedRedis {
  /** Tells this instance's own relayed messages apart from the others'. */
  readonly instanceId = randomUUID();
  readonly client: Redis;
  readonly subscriber: Redis;
  private subscribing: Promise<void> = Promise.resolve();
  private readonly channels: string[] = [];
  private watcher?: RedisWatcher;
  private up = false;

  constructor(url: string) {
    // loaded here, not at the top: a gateway without Redis (each spawned scenario's) skips its ~40 ms
    const { Redis } = require('ioredis') as typeof import('ioredis');
    this.client = new Redis(url, { ...OPTIONS, connectionName: `medianest-${this.instanceId}` });
    this.subscriber = new Redis(url, { ...OPTIONS, autoResubscribe: false, connectionName: `medianest-${this.instanceId}-events` });
    [this.client, this.subscriber].forEach((connection) => this.dropWhenHung(connection));
    this.subscriber.on('ready', () => (this.subscribing = this.subscribe()));
    this.client.on('ready', () => this.changed(true));
    this.client.on('close', () => this.changed(false));
    this.client.on('error', () => undefined); // told once per outage by `changed`, not once per attempt
    this.subscriber.on('error', () => undefined);
  }

  /** Listens on `channel` from now on, also after every reconnection. */
  listen(channel: string, listener: (message: string) => void): void {
    this.channels.push(channel);
    this.subscriber.on('message', (from: string, message: string) => {
      if (from === channel) listener(message);
    });
  }

  /** Connects both connections, or gives up after one attempt (the gateway then starts without Redis and keeps trying). */
  async connect(watcher: RedisWatcher): Promise<void> {
    await Promise.all([this.client.connect().catch(() => undefined), this.subscriber.connect().catch(() => undefined)]);
    await this.subscribing;
    this.watcher = watcher;
    if (!this.up) watcher.warn('Redis does not answer: serving on this instance alone until it does');
  }

  /** Whether Redis answers a PING now. */
  async answers(): Promise<boolean> {
    try {
      return (await this.client.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.watcher = undefined;
    await Promise.all([this.client, this.subscriber].map((connection) => connection.quit().catch(() => connection.disconnect())));
  }

  private async subscribe(): Promise<void> {
    if (this.channels.length) await this.subscriber.subscribe(...this.channels).catch(() => undefined);
  }

  /** A command left unanswered means Redis hangs: the connection is dropped, and made again once Redis answers. */
  private dropWhenHung(connection: Redis): void {
    const send = connection.sendCommand.bind(connection);
    connection.sendCommand = (command, stream) => {
      command.promise.catch((error: Error) => {
        if (error.message !== 'Command timed out' || connection.status !== 'ready') return;
        connection.disconnect(true);
        if (connection === this.client) this.changed(false);
      });
      return send(command, stream);
    };
  }

  private changed(up: boolean): void {
    if (up === this.up) return;
    this.up = up;
    if (up) this.watcher?.info('Redis answers again: rate limits, the library cache and live updates are shared again');
    else this.watcher?.warn('Redis went away: rate limits count per instance, the library cache is bypassed, live updates reach this instance only');
  }
}
