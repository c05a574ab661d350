import { ApiError, notFound } from '../http/errors';
import type { UpstreamClient, UpstreamRequest } from './upstream-client';

export interface PlexSection {
  key: string;
  type: string;
  title: string;
}

/** A Metadata entry as Plex sends it: duration in ms, addedAt in unix seconds. */
export interface PlexMetadata {
  ratingKey: string;
  type: string;
  title: string;
  year?: number;
  summary?: string;
  thumb?: string;
  addedAt?: number;
  duration?: number;
  childCount?: number | string;
}

interface Container {
  size?: number;
  totalSize?: number;
  offset?: number;
  Directory?: PlexSection[];
  Metadata?: PlexMetadata[];
  Hub?: Array<{ type: string; Metadata?: PlexMetadata[] }>;
}

/** Search hubs that hold library items; collections, people and the like are left out. */
const ITEM_HUBS = ['movie', 'show', 'episode', 'artist', 'album'];

/**
 * A Plex Media Server's API as the gateway uses it, always with the signed-in user's own Plex token
 * (UPSTREAMS.md section 2). Plex answering 401 means plex.tv no longer honours that token.
 */
export class PlexServerApi {
  constructor(private readonly client: UpstreamClient) {}

  async sections(token: string, correlationId: string): Promise<PlexSection[]> {
    return (await this.get('/library/sections', token, correlationId)).Directory ?? [];
  }

  async items(token: string, key: string, offset: number, limit: number, correlationId: string) {
    const container = await this.get(`/library/sections/${key}/all`, token, correlationId, {
      'X-Plex-Container-Start': String(offset),
      'X-Plex-Container-Size': String(limit),
    });
    const items = container.Metadata ?? [];
    return { items, total: container.totalSize ?? container.size ?? items.length };
  }

  async search(token: string, query: string, limit: number, correlationId: string): Promise<PlexMetadata[]> {
    const container = await this.get('/hubs/search', token, correlationId, {}, { query, limit });
    return (container.Hub ?? []).filter((hub) => ITEM_HUBS.includes(hub.type)).flatMap((hub) => hub.Metadata ?? []);
  }

  async recentlyAdded(token: string, limit: number, correlationId: string): Promise<PlexMetadata[]> {
    // Plex starts a page at the first entry unless told otherwise
    const container = await this.get('/library/recentlyAdded', token, correlationId, { 'X-Plex-Container-Size': String(limit) });
    return container.Metadata ?? [];
  }

  async collections(token: string, key: string, correlationId: string): Promise<PlexMetadata[]> {
    return (await this.get(`/library/sections/${key}/collections`, token, correlationId)).Metadata ?? [];
  }

  /** Asks Plex to scan one library; it answers at once and scans in the background. */
  async refresh(token: string, key: string, correlationId: string): Promise<void> {
    await this.get(`/library/sections/${key}/refresh`, token, correlationId);
  }

  private async get(path: string, token: string, correlationId: string, headers: Record<string, string> = {}, query?: UpstreamRequest['query']) {
    const { status, body } = await this.client.call<{ MediaContainer?: Container } | undefined>({
      path,
      query,
      headers: { 'X-Plex-Token': token, 'X-Plex-Product': 'MediaNest', ...headers },
      correlationId,
      expectedStatuses: [401, 404],
    });
    if (status === 401) throw new ApiError('PLEX_TOKEN_INVALID', 'Plex no longer accepts your sign-in: sign in again');
    if (status === 404) throw notFound('library');
    return body?.MediaContainer ?? {};
  }
}
