import { arrayOf, boolean, envelope, integer, nullable, object, string, type Schema } from '../http/envelope';
import type { PlexMetadata } from '../upstreams/plex-server';

export const sectionSchema: Schema = object({ key: string, type: string, title: string });

export const itemSchema: Schema = object({
  ratingKey: string,
  type: string,
  title: string,
  year: nullable(integer),
  summary: string,
  thumb: nullable(string),
  addedAt: nullable(string),
  durationMs: nullable(integer),
});

export const collectionSchema: Schema = object({ ratingKey: string, title: string, childCount: integer, thumb: nullable(string) });

/** `stale` is there only when the copy was served because Plex failed. */
const staleMeta: Schema = object({ stale: boolean }, []);

export const librariesReply = envelope(arrayOf(sectionSchema), staleMeta);
export const itemsReply = envelope(arrayOf(itemSchema), object({ offset: integer, limit: integer, total: integer, stale: boolean }, ['offset', 'limit', 'total']));
export const itemListReply = envelope(arrayOf(itemSchema), staleMeta);
export const collectionsReply = envelope(arrayOf(collectionSchema), staleMeta);
export const refreshReply = envelope(object({ key: string, refreshing: boolean }));

export const libraryParams: Schema = object({ key: { type: 'string', pattern: '^[0-9]{1,9}$' } });
export const itemsQuery: Schema = object(
  { offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 }, limit: { type: 'integer', minimum: 1, maximum: 100, default: 50 } },
  [],
);
export const searchQuery: Schema = object({ query: { type: 'string', minLength: 1, maxLength: 200 } });
export const recentQuery: Schema = object({ limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 } }, []);

/** An item as the API shows it: durations in ms, times as ISO dates. */
export function presentItem(item: PlexMetadata) {
  return {
    ratingKey: String(item.ratingKey),
    type: item.type,
    title: item.title,
    year: typeof item.year === 'number' ? item.year : null,
    summary: item.summary ?? '',
    thumb: item.thumb ?? null,
    addedAt: typeof item.addedAt === 'number' ? new Date(item.addedAt * 1000).toISOString() : null,
    durationMs: typeof item.duration === 'number' ? item.duration : null,
  };
}

export function presentCollection(collection: PlexMetadata) {
  return { ratingKey: String(collection.ratingKey), title: collection.title, childCount: Number(collection.childCount ?? 0) || 0, thumb: collection.thumb ?? null };
}
