import type { Clock } from '../clock';

/** Stale copies stand in for Plex for this long after they expire (CONTRACT.md, "Library"). */
export const STALE_IF_ERROR_MS = 24 * 60 * 60 * 1000;
const MAX_ENTRIES = 5_000;

interface Entry {
  value: unknown;
  expiresAt: number;
}

export type Lookup<T> = { fresh: T; ttlSeconds: number } | { stale?: { value: T; ttlSeconds: number } };

/**
 * The library cache of one gateway: per user (the key starts with the user's id), fresh for the
 * configured lifetime, then kept as a stale stand-in for a failing Plex. Invalidation marks every
 * copy expired rather than dropping it: the next read asks Plex, and can still fall back if Plex fails.
 */
export class LibraryCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    private readonly lifetimeMs: number,
  ) {}

  lookup<T>(key: string): Lookup<T> {
    const entry = this.entries.get(key);
    const now = this.clock.now();
    if (!entry || now >= entry.expiresAt + STALE_IF_ERROR_MS) return {};
    if (now < entry.expiresAt) return { fresh: entry.value as T, ttlSeconds: Math.ceil((entry.expiresAt - now) / 1000) };
    // RFC 9211: a stale copy's ttl is negative, how long ago it expired
    return { stale: { value: entry.value as T, ttlSeconds: Math.min(-1, Math.floor((entry.expiresAt - now) / 1000)) } };
  }

  /** Keeps a copy; false when the lifetime is zero and nothing is kept. */
  store(key: string, value: unknown): boolean {
    if (this.lifetimeMs <= 0) return false;
    const now = this.clock.now();
    this.entries.delete(key); // re-inserted last: the map's order is the order of storing
    this.entries.set(key, { value, expiresAt: now + this.lifetimeMs });
    for (const [oldKey, entry] of this.entries) {
      if (this.entries.size <= MAX_ENTRIES && entry.expiresAt + STALE_IF_ERROR_MS > now) break;
      this.entries.delete(oldKey);
    }
    return true;
  }

  /** Every user's copies become stale at once. */
  invalidateAll(): void {
    const now = this.clock.now();
    for (const entry of this.entries.values()) entry.expiresAt = Math.min(entry.expiresAt, now);
  }
}
