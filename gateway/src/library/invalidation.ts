import type { GatewayEvents } from '../realtime/events';

/**
 * Tells everyone the library changed (a title became available, an admin had Plex rescan). The
 * library cache listens to the same announcement, so whoever changes the library need not know it.
 */
export function announceLibraryChanged(events: GatewayEvents, reason: string, now: number): void {
  events.publish({
    topic: 'library',
    type: 'cache.invalidated',
    data: { scope: 'library', reason, at: new Date(now).toISOString() },
    audience: { everyone: true },
  });
}

/**
 * Calls `invalidate` on each announcement made on this instance; returns the way to
 * stop listening. Announcements relayed from other instances are left out: the cache they invalidate
 * is either this instance's own (no relay without Redis) or the one in Redis, already invalidated by
 * the instance that announced.
 */
export function onLibraryChanged(events: GatewayEvents, invalidate: () => void): () => void {
  return events.subscribe((event, here) => {
    if (here && event.type === 'cache.invalidated' && event.data.scope === 'library') invalidate();
  });
}
