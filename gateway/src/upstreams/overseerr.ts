import type { UpstreamClient } from './upstream-client';

export type MediaType = 'movie' | 'tv';

/** Overseerr's request status (UPSTREAMS.md section 3). */
export const OverseerrRequestStatus = { PENDING: 1, APPROVED: 2, DECLINED: 3, FAILED: 4 } as const;
/** Overseerr's media status. */
export const OverseerrMediaStatus = { UNKNOWN: 1, PENDING: 2, PROCESSING: 3, PARTIALLY_AVAILABLE: 4, AVAILABLE: 5 } as const;

export interface OverseerrUser {
  id: number;
  email?: string | null;
  plexUsername?: string | null;
}

export interface OverseerrRequest {
  id: number;
  status: number;
  type: MediaType;
  media: { tmdbId: number; status: number };
  requestedBy: { id: number };
  seasons?: Array<{ seasonNumber: number }>;
}

export interface OverseerrSearchResult {
  id: number;
  mediaType: string;
  title?: string;
  name?: string;
  releaseDate?: string;
  firstAirDate?: string;
  overview?: string;
  posterPath?: string | null;
  mediaInfo?: { status: number } | null;
}

export interface OverseerrSearchPage {
  page: number;
  totalPages: number;
  totalResults: number;
  results: OverseerrSearchResult[];
}

export interface OverseerrDetails {
  title?: string;
  name?: string;
  mediaInfo?: { status: number; requests?: OverseerrRequest[] } | null;
}

/**
 * Why Overseerr refused to create a request. Its own words are not passed on, but a 403 says
 * which of a quota or a permission stood in the way ("Movie Quota exceeded.", "You do not have
 * permission to make movie requests."); `forbidden` when it says neither (or no JSON came).
 */
export type Refusal = 'duplicate' | 'over-quota' | 'not-permitted' | 'forbidden' | 'nothing-left';
/** What Overseerr answered a request to create: the request, or why it refused. */
export type CreateOutcome = { created: OverseerrRequest } | { refused: Refusal };

/** Overseerr's answers that refuse a request (UPSTREAMS.md section 3): 202 only for a series with no season left. */
const REFUSALS: Partial<Record<number, Refusal>> = { 409: 'duplicate', 403: 'forbidden', 202: 'nothing-left' };

/** What Overseerr's 403 to a new request says stood in the way (its body's `message`). */
export function whatForbids(body: unknown): Refusal {
  const message = String((body as { message?: unknown } | null | undefined)?.message);
  if (/quota/i.test(message)) return 'over-quota';
  if (/permission/i.test(message)) return 'not-permitted';
  return 'forbidden';
}

const PAGE_SIZE = 100;
const MAX_USER_PAGES = 50;

/** Overseerr's v1 API as the gateway uses it; every call carries the install's API key. */
export class OverseerrApi {
  constructor(
    private readonly client: UpstreamClient,
    private readonly apiKey: string | undefined,
  ) {}

  async search(query: string, page: number, correlationId: string): Promise<OverseerrSearchPage> {
    const { body } = await this.client.call<OverseerrSearchPage>({ path: '/search', query: { query, page }, headers: this.key(), correlationId });
    return body;
  }

  /** Title details; `mediaInfo.requests` lists the requests Overseerr already holds for it. */
  async details(mediaType: MediaType, tmdbId: number, correlationId: string): Promise<OverseerrDetails> {
    const { body } = await this.client.call<OverseerrDetails>({ path: `/${mediaType}/${tmdbId}`, headers: this.key(), correlationId });
    return body;
  }

  /** The Overseerr user matching a Plex account: by email first, then by Plex username (UPSTREAMS.md section 6). */
  async userFor(account: { email: string | null; username: string }, correlationId: string): Promise<OverseerrUser | undefined> {
    const users: OverseerrUser[] = [];
    for (let page = 0; page < MAX_USER_PAGES; page++) {
      const { body } = await this.client.call<{ pageInfo: { pages: number }; results: OverseerrUser[] }>({
        path: '/user',
        query: { take: PAGE_SIZE, skip: page * PAGE_SIZE },
        headers: this.key(),
        correlationId,
      });
      users.push(...body.results);
      if (page + 1 >= body.pageInfo.pages) break;
    }
    const same = (a: string | null | undefined, b: string | null) => !!a && !!b && a.toLowerCase() === b.toLowerCase();
    return users.find((user) => same(user.email, account.email)) ?? users.find((user) => same(user.plexUsername, account.username));
  }

  /** Creates the request on behalf of `asUser`, so it waits for an admin's approval like theirs would. */
  async createRequest(
    asUser: number,
    request: { mediaType: MediaType; tmdbId: number; seasons?: number[] },
    correlationId: string,
  ): Promise<CreateOutcome> {
    const seasons = request.mediaType === 'tv' ? { seasons: request.seasons ?? 'all' } : {};
    const { status, body } = await this.client.call<OverseerrRequest>({
      method: 'POST',
      path: '/request',
      headers: { ...this.key(), 'X-API-User': String(asUser) },
      body: { mediaType: request.mediaType, mediaId: request.tmdbId, ...seasons },
      correlationId,
      expectedStatuses: [403, 409],
    });
    const refused = REFUSALS[status];
    if (refused === 'forbidden') return { refused: whatForbids(body) };
    return refused ? { refused } : { created: body };
  }

  /** Approves or declines; false when Overseerr no longer knows the request. */
  async decide(overseerrId: number, decision: 'approve' | 'decline', correlationId: string): Promise<boolean> {
    const { status } = await this.client.call({
      method: 'POST',
      path: `/request/${overseerrId}/${decision}`,
      headers: this.key(),
      correlationId,
      expectedStatuses: [404],
    });
    return status !== 404;
  }

  /** Deletes the request; one Overseerr no longer knows is already gone, which is what was asked. */
  async deleteRequest(overseerrId: number, correlationId: string): Promise<void> {
    await this.client.call({ method: 'DELETE', path: `/request/${overseerrId}`, headers: this.key(), correlationId, expectedStatuses: [404] });
  }

  private key(): Record<string, string> {
    return this.apiKey ? { 'X-Api-Key': this.apiKey } : {};
  }
}
