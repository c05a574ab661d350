import type { Clock } from '../clock';

/** Stale copies stand in for Plex for this long after they expire (CONTRACT.md, "Library"). */
export const STALE_IF_ERROR_MS = 24 * 60 * 60 * 1000;
const MAX_ENTRIES = 5_000;

interface Entry {
  value: unknown;
  expiresAt: number;
}

export type Lookup<T> = { fresh: T; ttlSeconds: number } | { stale?: { value: T; ttlSeconds: number } };

/** A library cache: this instance's own (LibraryCache), or the one instances share in Redis (SharedLibraryCache). */
export interface Cache {
  lookup<T>(key: string): Lookup<T> | Promise<Lookup<T>>;
  /** Keeps a copy; false when nothing is kept (a lifetime of zero, or nowhere to keep it). */
  store(key: string, value: unknown): boolean | Promise<boolean>;
  /** Every user's copies become stale at once. */
  invalidateAll(): void | Promise<void>;
}

/** What a copy that expires (or expired) at `expiresAt` is worth at `now`. */
export function lookupAt<T>(value: T, expiresAt: number, now: number): Lookup<T> {
  if (now >= expiresAt + STALE_IF_ERROR_MS) return {};
  if (now < expiresAt) return { fresh: value, ttlSeconds: Math.ceil((expiresAt - now) / 1000) };
  // RFC 9211: a stale copy's ttl is negative, how long ago it expired
  return { stale: { value, ttlSeconds: Math.min(-1, Math.floor((expiresAt - now) / 1000)) } };
}

/**
 * The library cache of one gateway: per user (the key starts with the user's id), fresh for the
 * configured lifetime, then kept as a stale stand-in for a failing Plex. Invalidation marks every
 * copy expired rather than dropping it: the next read asks Plex, and can still fall back if Plex fails.
 */
export class LibraryCache implements Cache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    private readonly lifetimeMs: number,
  ) {}

  lookup<T>(key: string): Lookup<T> {
    const entry = this.entries.get(key);
    return entry ? lookupAt(entry.value as T, entry.expiresAt, this.clock.now()) : {};
  }

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

  invalidateAll(): void {
    const now = this.clock.now();
    for (const entry of this.entries.values()) entry.expiresAt = Math.min(entry.expiresAt, now);
  }
}
