import { Catalogue, seedCatalogue, yearOf, type CatalogueTitle, type MediaType } from './catalogue';

export const MediaStatus = { UNKNOWN: 1, PENDING: 2, PROCESSING: 3, PARTIALLY_AVAILABLE: 4, AVAILABLE: 5 } as const;
export const RequestStatus = { PENDING: 1, APPROVED: 2, DECLINED: 3, FAILED: 4 } as const;
/** The bits of Overseerr's permission mask its request rules consult; ADMIN passes every check. */
export const Permission = { ADMIN: 2, MANAGE_USERS: 8, MANAGE_REQUESTS: 16, REQUEST: 32, AUTO_APPROVE: 128, REQUEST_4K: 1024 } as const;

export interface OverseerrUser {
  id: number;
  email: string;
  plexUsername: string;
  username: string | null;
  displayName: string;
  userType: 1;
  permissions: number;
  avatar: string;
  createdAt: string;
  updatedAt: string;
}
export interface Media {
  id: number;
  mediaType: MediaType;
  tmdbId: number;
  tvdbId: number | null;
  status: number;
  status4k: number;
  createdAt: string;
  updatedAt: string;
}
export type SeasonRequest = { id: number; seasonNumber: number; status: number; createdAt: string; updatedAt: string };
export interface MediaRequest {
  id: number;
  status: number;
  type: MediaType;
  is4k: boolean;
  media: Media;
  requestedBy: OverseerrUser;
  modifiedBy: OverseerrUser | null;
  createdAt: string;
  updatedAt: string;
  seasons: SeasonRequest[];
}
/** POST /request's body once it passed validation against overseerr-api.yml. */
export type RequestBody = { mediaType: MediaType; mediaId: number; seasons?: number[] | 'all'; is4k?: boolean; tvdbId?: number; userId?: number | null };
export type RequestOutcome = { request: MediaRequest } | { status: 202 | 403 | 409 | 500; message: string };
export type AvailableMedia = { mediaType: MediaType; tmdbId: number; title: string; year: number; overview: string };
type StatusKey = 'status' | 'status4k';

/** Overseerr's users, media and requests, with the rules of its server/entity/MediaRequest.ts. */
export class OverseerrModel {
  readonly catalogue = new Catalogue();
  private readonly userList: OverseerrUser[] = [];
  private readonly mediaList: Media[] = [];
  private readonly requestList: MediaRequest[] = [];
  private readonly quotas = new Map<string, { limit: number; days: number }>();
  private readonly availableListeners: Array<(media: AvailableMedia) => void> = [];
  private readonly nextId = { user: 1, media: 1, request: 1, season: 1 };

  constructor(private readonly now: () => number) {
    this.addUser({ email: 'admin@example.org', plexUsername: 'admin', permissions: Permission.ADMIN });
    seedCatalogue().forEach((title) => this.addTitle(title));
  }

  addTitle(title: CatalogueTitle): CatalogueTitle {
    if (title.available) this.mediaFor(title).status = MediaStatus.AVAILABLE;
    return this.catalogue.add(title);
  }

  /** A Plex account imported into Overseerr: it may request, and its requests wait for approval. */
  addUser(init: { email: string; plexUsername: string; username?: string; permissions?: number; avatar?: string }): OverseerrUser {
    const at = this.stamp();
    const { email, plexUsername, username = null, permissions = Permission.REQUEST } = init;
    const avatar = init.avatar ?? `https://plex.tv/users/${plexUsername.toLowerCase()}/avatar`;
    const user: OverseerrUser = { id: this.nextId.user++, email, plexUsername, username, displayName: username ?? plexUsername, userType: 1, permissions, avatar, createdAt: at, updatedAt: at };
    this.userList.push(user);
    return user;
  }

  user(id: number): OverseerrUser | undefined {
    return this.userList.find((user) => user.id === id);
  }

  users(): OverseerrUser[] {
    return [...this.userList];
  }

  setQuota(userId: number, limit: number, mediaType: MediaType = 'movie', days = 7): void {
    this.quotas.set(`${userId}:${mediaType}`, { limit, days });
  }

  request(body: RequestBody, actor: OverseerrUser): RequestOutcome {
    let requester = actor;
    if (body.userId) {
      if (!can(actor, [Permission.MANAGE_USERS, Permission.MANAGE_REQUESTS], 'and')) return refuse(403, 'You do not have permission to modify the request user.');
      const other = this.user(body.userId);
      if (!other) return refuse(500, `Could not find any entity of type "User" matching: {"where":{"id":${body.userId}}}`);
      requester = other;
    }
    const [movie, is4k] = [body.mediaType === 'movie', body.is4k ?? false];
    if (!can(requester, [is4k ? Permission.REQUEST_4K : Permission.REQUEST])) {
      return refuse(403, `You do not have permission to make ${is4k ? '4K ' : ''}${movie ? 'movie' : 'series'} requests.`);
    }
    const quotaLeft = this.quotaLeft(requester, body.mediaType);
    if (quotaLeft <= 0) return refuse(403, movie ? 'Movie Quota exceeded.' : 'Series Quota exceeded.');
    const title = this.catalogue.get(body.mediaType, body.mediaId);
    if (!title) return refuse(500, `[TMDB] Failed to fetch ${movie ? 'movie' : 'TV show'} details: Request failed with status code 404`);
    const known = this.media(title);
    const standing = this.requestList.filter((r) => r.media === known && r.is4k === is4k && r.status !== RequestStatus.DECLINED);
    if (movie && standing.length > 0) return refuse(409, 'Request for this media already exists.');
    let seasons: number[] = [];
    if (!movie) {
      // Overseerr reads body.seasons unguarded: a series request without seasons dies on a TypeError
      if (body.seasons === undefined) return refuse(500, "Cannot read properties of undefined (reading 'filter')");
      const all = Array.from({ length: title.seasons ?? 0 }, (_, i) => i + 1);
      const inPlex = known?.[is4k ? 'status4k' : 'status'] === MediaStatus.AVAILABLE;
      const taken = inPlex ? all : standing.flatMap((r) => r.seasons.map((s) => s.seasonNumber));
      seasons = (body.seasons === 'all' ? all : body.seasons).filter((n) => !taken.includes(n));
      if (seasons.length === 0) return refuse(202, 'No seasons available to request');
      if (seasons.length > quotaLeft) return refuse(403, 'Series Quota exceeded.');
    }
    const media = this.mediaFor(title, body.tvdbId);
    const key: StatusKey = is4k ? 'status4k' : 'status';
    if (media[key] === MediaStatus.UNKNOWN) media[key] = MediaStatus.PENDING;
    const approved = can(actor, [Permission.AUTO_APPROVE, Permission.MANAGE_REQUESTS]);
    const [at, status] = [this.stamp(), approved ? RequestStatus.APPROVED : RequestStatus.PENDING];
    const request: MediaRequest = {
      ...{ id: this.nextId.request++, status, type: title.mediaType, is4k, media, requestedBy: requester },
      ...{ modifiedBy: approved ? actor : null, createdAt: at, updatedAt: at },
      seasons: seasons.map((seasonNumber) => ({ id: this.nextId.season++, seasonNumber, status, createdAt: at, updatedAt: at })),
    };
    this.requestList.push(request);
    if (approved) this.approved(request);
    return { request };
  }

  find(id: number): MediaRequest | undefined {
    return this.requestList.find((request) => request.id === id);
  }

  /** POST /request/:id/approve|decline|pending: Overseerr sets the status whatever it was. */
  setStatus(request: MediaRequest, status: number, by: OverseerrUser): void {
    Object.assign(request, { status, modifiedBy: by, updatedAt: this.stamp() });
    if (status === RequestStatus.APPROVED) this.approved(request);
    const key: StatusKey = request.is4k ? 'status4k' : 'status';
    const lastPending = !this.requestsOf(request.media).some((r) => r.status === RequestStatus.PENDING) && request.media[key] === MediaStatus.PENDING;
    if (status === RequestStatus.DECLINED && (request.type === 'movie' || lastPending)) this.touch(request.media, key, MediaStatus.UNKNOWN);
  }

  remove(request: MediaRequest): void {
    this.requestList.splice(this.requestList.indexOf(request), 1);
    for (const key of ['status', 'status4k'] as const) {
      const left = this.requestsOf(request.media).some((r) => r.is4k === (key === 'status4k'));
      if (!left && request.media[key] !== MediaStatus.AVAILABLE) this.touch(request.media, key, MediaStatus.UNKNOWN);
    }
  }

  requests(): MediaRequest[] {
    return [...this.requestList];
  }

  requestsOf(media: Media): MediaRequest[] {
    return this.requestList.filter((request) => request.media === media);
  }

  /** The latest request for a TMDB id (movie and tv ids overlap: pass the type to be sure). */
  requestFor(tmdbId: number, mediaType?: MediaType): MediaRequest | undefined {
    return this.requestList.findLast((r) => r.media.tmdbId === tmdbId && (!mediaType || r.type === mediaType));
  }

  media(title: { mediaType: MediaType; tmdbId: number }): Media | undefined {
    return this.mediaList.find((m) => m.mediaType === title.mediaType && m.tmdbId === title.tmdbId);
  }

  /** Radarr/Sonarr delivered and Plex has the title: Overseerr's availability sync marks it. */
  markAvailable(tmdbId: number, mediaType?: MediaType): Media {
    const type = mediaType ?? this.requestFor(tmdbId)?.type ?? (this.catalogue.get('movie', tmdbId) ? 'movie' : 'tv');
    const title = this.catalogue.get(type, tmdbId);
    if (!title) throw new Error(`Overseerr's catalogue has no ${type} ${tmdbId}`);
    const media = this.touch(this.mediaFor(title), 'status', MediaStatus.AVAILABLE);
    const available: AvailableMedia = { mediaType: type, tmdbId, title: title.title, year: yearOf(title), overview: title.overview };
    this.availableListeners.forEach((listener) => listener(available));
    return media;
  }

  /** Radarr/Sonarr refused the title: Overseerr marks the latest request failed. */
  markFailed(tmdbId: number, mediaType?: MediaType): MediaRequest {
    const request = this.requestFor(tmdbId, mediaType);
    if (!request) throw new Error(`no Overseerr request for ${tmdbId}`);
    return Object.assign(request, { status: RequestStatus.FAILED, updatedAt: this.stamp() });
  }

  onAvailable(listener: (media: AvailableMedia) => void): void {
    this.availableListeners.push(listener);
  }

  /** MediaRequest.updateParentStatus: an approved request sets its media processing. */
  private approved(request: MediaRequest): void {
    const key: StatusKey = request.is4k ? 'status4k' : 'status';
    if (request.media[key] !== MediaStatus.PARTIALLY_AVAILABLE) this.touch(request.media, key, MediaStatus.PROCESSING);
    request.seasons.forEach((season) => Object.assign(season, { status: RequestStatus.APPROVED, updatedAt: request.updatedAt }));
  }

  /** User.getQuota: requests (movies) or seasons (tv) made in the window, declined ones not counted. */
  private quotaLeft(user: OverseerrUser, mediaType: MediaType): number {
    const quota = this.quotas.get(`${user.id}:${mediaType}`);
    if (!quota || can(user, [Permission.MANAGE_USERS, Permission.MANAGE_REQUESTS], 'and')) return Infinity;
    const since = this.now() - quota.days * 86_400_000;
    const counted = this.requestList.filter(
      (r) => r.requestedBy === user && r.type === mediaType && r.status !== RequestStatus.DECLINED && Date.parse(r.createdAt) >= since,
    );
    return quota.limit - counted.reduce((used, r) => used + (mediaType === 'movie' ? 1 : r.seasons.length), 0);
  }

  private mediaFor(title: CatalogueTitle, tvdbId?: number): Media {
    let media = this.media(title);
    if (!media) {
      const [at, { mediaType, tmdbId }] = [this.stamp(), title];
      media = { id: this.nextId.media++, mediaType, tmdbId, tvdbId: tvdbId ?? title.tvdbId ?? null, status: 1, status4k: 1, createdAt: at, updatedAt: at };
      this.mediaList.push(media);
    }
    return media;
  }

  private touch(media: Media, key: StatusKey, status: number): Media {
    return Object.assign(media, { [key]: status, updatedAt: this.stamp() });
  }

  private stamp(): string {
    return new Date(this.now()).toISOString();
  }
}

/** User.hasPermission: ADMIN passes every check. */
export function can(user: OverseerrUser, bits: number[], type: 'and' | 'or' = 'or'): boolean {
  const has = (bit: number) => (user.permissions & bit) !== 0;
  return has(Permission.ADMIN) || (type === 'and' ? bits.every(has) : bits.some(has));
}

function refuse(status: 202 | 403 | 409 | 500, message: string): RequestOutcome {
  return { status, message };
}
