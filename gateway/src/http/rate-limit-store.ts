import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import LocalStore from '@fastify/rate-limit/store/LocalStore';
import RedisStore from '@fastify/rate-limit/store/RedisStore';
import type Redis from 'ioredis';

type Counted = (error: Error | null, counted?: { current: number; ttl: number }) => void;

/** What the gateway uses of @fastify/rate-limit's stores (both have it, neither declares it). */
export interface CountStore {
  incr(key: string, counted: Counted, timeWindow: number, max: number): void;
  child(routeOptions: unknown): CountStore;
}

const NAMESPACE = 'medianest:rate-limit:';
const LOCAL_KEYS = 10_000;

/** The store counting in this instance's memory alone: the gateway without Redis. */
export const localCounts = (): CountStore => new LocalStore(false, false, LOCAL_KEYS) as unknown as CountStore;

/**
 * Counts in Redis, so every instance sharing it counts the same requests (Redis's own clock sets
 * the windows there); while Redis does not answer, counts in this instance's memory instead (see
 * redis/shared-redis.ts for why), and in Redis again as soon as it answers.
 */
export class SharedCounts implements CountStore {
  constructor(
    private readonly shared: CountStore,
    private readonly local: CountStore,
  ) {}

  static in(redis: Redis): SharedCounts {
    return new SharedCounts(new RedisStore(false, false, redis, NAMESPACE) as unknown as CountStore, localCounts());
  }

  /** The same, as the plugin's `store` option wants it: a class it constructs itself. */
  static storeFor(redis: Redis): FastifyRateLimitStoreCtor {
    return function SharedStore() {
      return SharedCounts.in(redis);
    } as unknown as FastifyRateLimitStoreCtor;
  }

  incr(key: string, counted: Counted, timeWindow: number, max: number): void {
    this.shared.incr(key, (error, result) => (error ? this.local.incr(key, counted, timeWindow, max) : counted(null, result)), timeWindow, max);
  }

  child(routeOptions: unknown): SharedCounts {
    return new SharedCounts(this.shared.child(routeOptions), this.local.child(routeOptions));
  }
}
