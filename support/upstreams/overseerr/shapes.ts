import { HttpResponse } from 'msw';
import type { CatalogueOther, CatalogueTitle } from './catalogue';
import type { Media, MediaRequest, OverseerrModel, OverseerrUser } from './model';

/** Overseerr's JSON as its API writes the model's users, requests and titles. */
export class OverseerrShapes {
  constructor(private readonly model: OverseerrModel) {}

  requestCount(user: OverseerrUser): number {
    return this.model.requests().filter((request) => request.requestedBy === user).length;
  }

  user(user: OverseerrUser, showEmail = true) {
    const { email, ...shown } = user;
    return { ...shown, ...(showEmail ? { email } : {}), requestCount: this.requestCount(user) };
  }

  request(request: MediaRequest) {
    const { requestedBy, modifiedBy } = request;
    const unset = { serverId: null, profileId: null, rootFolder: null, languageProfileId: null, tags: null, isAutoRequest: false };
    return { ...request, ...unset, media: mediaJson(request.media), requestedBy: this.user(requestedBy), modifiedBy: modifiedBy && this.user(modifiedBy), seasonCount: request.seasons.length };
  }

  /** A person or a collection among search results, as TMDB's multi search gives them. */
  other(other: CatalogueOther) {
    if (other.mediaType === 'person') return { id: other.tmdbId, mediaType: 'person', name: other.name, profilePath: null, adult: false, popularity: 0, knownFor: [] };
    return { id: other.tmdbId, mediaType: 'collection', title: other.name, originalTitle: other.name, overview: '', posterPath: null, backdropPath: null, adult: false, originalLanguage: 'en' };
  }

  result(title: CatalogueTitle, media = this.model.media(title)) {
    const common = { id: title.tmdbId, mediaType: title.mediaType, overview: title.overview, posterPath: title.posterPath, backdropPath: null };
    const about = { originalLanguage: 'en', popularity: 0, voteAverage: 0, voteCount: 0, genreIds: [], mediaInfo: media && mediaJson(media) };
    if (title.mediaType === 'movie') return { ...common, title: title.title, originalTitle: title.title, releaseDate: title.date, adult: false, video: false, ...about };
    return { ...common, name: title.title, originalName: title.title, firstAirDate: title.date, originCountry: [], ...about };
  }

  details(title: CatalogueTitle) {
    const { mediaType, genreIds: _, ...result } = this.result(title);
    const media = this.model.media(title);
    const mediaInfo = media && { ...mediaJson(media), requests: this.model.requestsOf(media).map((r) => this.request(r)) };
    if (mediaType === 'movie') return { ...result, imdbId: null, runtime: 120, status: 'Released', genres: [], externalIds: {}, mediaInfo };
    const seasons = Array.from({ length: title.seasons ?? 0 }, (_, i) => ({ id: title.tmdbId * 100 + i + 1, seasonNumber: i + 1, name: `Season ${i + 1}`, episodeCount: 10 }));
    return { ...result, numberOfSeasons: seasons.length, seasons, externalIds: { tvdbId: title.tvdbId ?? null }, mediaInfo };
  }
}

function mediaJson(media: Media) {
  return { ...media, imdbId: null, seasons: [] };
}

export function sortUsers(users: OverseerrUser[], sort: string | undefined, requestCount: (user: OverseerrUser) => number): OverseerrUser[] {
  if (sort === 'updated') return users.sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
  if (sort === 'requests') return users.sort((a, b) => requestCount(b) - requestCount(a));
  if (sort === 'displayname') return users.sort((a, b) => a.displayName.toLowerCase().localeCompare(b.displayName.toLowerCase()));
  return users;
}

/** Overseerr's list envelope: take defaults to 10 and the page is derived from skip. */
export function paged<T>(all: T[], query: Record<string, string>, json: (item: T) => unknown) {
  const [take, skip] = [query.take ? Number(query.take) : 10, query.skip ? Number(query.skip) : 0];
  const pageInfo = { pages: Math.ceil(all.length / take), pageSize: take, results: all.length, page: Math.ceil(skip / take) + 1 };
  return { pageInfo, results: all.slice(skip, skip + take).map(json) };
}

export function forbidden(): Response {
  return HttpResponse.json({ status: 403, error: 'You do not have permission to access this endpoint' }, { status: 403 });
}

export function refused(status: number, message: string): Response {
  return HttpResponse.json({ message }, { status });
}
