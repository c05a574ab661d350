import type Redis from 'ioredis';
import type { Clock } from '../clock';
import { lookupAt, STALE_IF_ERROR_MS, type Cache, type Lookup } from './cache';

const COPY = 'medianest:library:copy:';
const GENERATION = 'medianest:library:generation';
const INVALIDATED_AT = 'medianest:library:invalidated-at:';

// Every invalidation starts a generation and records when it happened; a copy remembers the
// generation it was stored in. A copy stored before an invalidation expired when the first one after
// it happened, the same as LibraryCache, whatever the instances' clocks say about the order.
const STORE = `
  local generation = redis.call('GET', KEYS[2]) or '0'
  redis.call('HSET', KEYS[1], 'generation', generation, 'storedAt', ARGV[1], 'value', ARGV[2])
  redis.call('PEXPIRE', KEYS[1], ARGV[3])`;
const LOOKUP = `
  local copy = redis.call('HMGET', KEYS[1], 'generation', 'storedAt', 'value')
  if not copy[3] then return false end
  local storedIn = tonumber(copy[1])
  if tonumber(redis.call('GET', KEYS[2]) or '0') == storedIn then return {copy[2], copy[3]} end
  return {copy[2], copy[3], redis.call('GET', ARGV[1] .. string.format('%d', storedIn + 1))}`;
const INVALIDATE = `
  local generation = redis.call('INCR', KEYS[1])
  redis.call('SET', ARGV[1] .. string.format('%d', generation), ARGV[2], 'PX', ARGV[3])`;

interface LibraryCommands {
  libraryStore(copy: string, generation: string, storedAt: number, value: string, keepMs: number): Promise<unknown>;
  libraryLookup(copy: string, generation: string, invalidatedAt: string): Promise<[string, string, (string | null)?] | null>;
  libraryInvalidate(generation: string, invalidatedAt: string, at: number, keepMs: number): Promise<unknown>;
}

/**
 * The library cache the instances serving together share in Redis, with LibraryCache's rules and
 * the gateway's clock for every time. While Redis does not answer it holds nothing: every read asks
 * Plex (see redis/shared-redis.ts).
 */
export class SharedLibraryCache implements Cache {
  private readonly redis: LibraryCommands;
  /** Past this, a copy is gone in both caches: fresh for the lifetime, then stale for a day. */
  private readonly keepMs: number;

  constructor(
    redis: Redis,
    private readonly clock: Clock,
    private readonly lifetimeMs: number,
  ) {
    if (!('libraryLookup' in redis)) {
      redis.defineCommand('libraryStore', { numberOfKeys: 2, lua: STORE });
      redis.defineCommand('libraryLookup', { numberOfKeys: 2, lua: LOOKUP });
      redis.defineCommand('libraryInvalidate', { numberOfKeys: 1, lua: INVALIDATE });
    }
    this.redis = redis as unknown as LibraryCommands;
    this.keepMs = lifetimeMs + STALE_IF_ERROR_MS;
  }

  async lookup<T>(key: string): Promise<Lookup<T>> {
    let found: Awaited<ReturnType<LibraryCommands['libraryLookup']>>;
    try {
      found = await this.redis.libraryLookup(COPY + key, GENERATION, INVALIDATED_AT);
    } catch {
      return {};
    }
    if (!found) return {};
    const [storedAt, value, invalidatedAt] = found;
    if (invalidatedAt === null) return {}; // invalidated so long ago that the copy is gone
    const expiresAt = Math.min(Number(storedAt) + this.lifetimeMs, invalidatedAt === undefined ? Infinity : Number(invalidatedAt));
    return lookupAt(JSON.parse(value) as T, expiresAt, this.clock.now());
  }

  async store(key: string, value: unknown): Promise<boolean> {
    if (this.lifetimeMs <= 0) return false;
    try {
      await this.redis.libraryStore(COPY + key, GENERATION, this.clock.now(), JSON.stringify(value), this.keepMs);
      return true;
    } catch {
      return false;
    }
  }

  async invalidateAll(): Promise<void> {
    // Redis away: nothing to mark, and copies stored before it went are as fresh as they were
    await this.redis.libraryInvalidate(GENERATION, INVALIDATED_AT, this.clock.now(), this.keepMs).catch(() => undefined);
  }
}
