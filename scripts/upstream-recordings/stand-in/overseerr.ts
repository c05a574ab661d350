import { json, STAND_IN_CREDENTIALS, type StandIn } from './serve';

/** Overseerr's v1 API as UPSTREAMS.md section 3 describes it: search, details and users, behind the API key. */
/** The first film found has not been requested (no `mediaInfo`), the second is in Plex already. */
const TITLES = [
  { id: 603, mediaType: 'movie', title: 'The Matrix', releaseDate: '1999-03-30', overview: 'A hacker learns what the world really is.', posterPath: '/f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg' },
  { id: 604, mediaType: 'movie', title: 'The Matrix Reloaded', releaseDate: '2003-05-15', overview: 'Neo defends Zion.', posterPath: '/9TGHDvWrqKBzwDxDodHYXEmOE6J.jpg', mediaInfo: { id: 12, tmdbId: 604, status: 5 } },
  { id: 1396, mediaType: 'tv', name: 'The Matrix Files', firstAirDate: '2008-01-20', overview: 'A series about the films.', posterPath: null },
];
const USERS = [
  { id: 1, email: 'owner@example.org', plexUsername: 'owner', username: null, displayName: 'owner', userType: 1, permissions: 2, avatar: '/os_logo_square.png', requestCount: 3, createdAt: '2025-01-04T10:00:00.000Z', updatedAt: '2026-11-30T08:12:00.000Z' },
  { id: 2, email: 'standin@example.org', plexUsername: 'standin', username: null, displayName: 'standin', userType: 1, permissions: 32, avatar: '/os_logo_square.png', requestCount: 1, createdAt: '2025-02-11T18:30:00.000Z', updatedAt: '2026-11-02T21:45:00.000Z' },
];

export const overseerr: StandIn = (request) => {
  const path = request.url.pathname;
  if (path === '/api/v1/status') return json(200, { version: '1.34.0', commitTag: 'v1.34.0', updateAvailable: false, commitsBehind: 0, restartRequired: false });
  if (request.headers['x-api-key'] !== STAND_IN_CREDENTIALS.overseerrApiKey) {
    return json(403, { status: 403, error: 'You do not have permission to access this endpoint' });
  }
  if (path === '/api/v1/search') {
    const query = request.url.searchParams.get('query');
    if (!query) return json(400, { message: 'request/query must have required property \'query\'', errors: [{ path: '.query.query', message: 'must have required property \'query\'' }] });
    const found = TITLES.filter((title) => (title.title ?? title.name ?? '').toLowerCase().includes(query.toLowerCase()));
    return json(200, { page: Number(request.url.searchParams.get('page') ?? 1), totalPages: 1, totalResults: found.length, results: found });
  }
  const movieId = /^\/api\/v1\/movie\/(\d+)$/.exec(path)?.[1];
  if (movieId) {
    const title = TITLES.find((candidate) => candidate.mediaType === 'movie' && candidate.id === Number(movieId));
    if (!title) return json(404, { message: 'Unable to retrieve movie.' });
    const { mediaType: _, mediaInfo, ...details } = title;
    return json(200, { ...details, ...(mediaInfo ? { mediaInfo: { ...mediaInfo, requests: [] } } : {}) });
  }
  if (path === '/api/v1/user') {
    const take = Number(request.url.searchParams.get('take') ?? 10);
    const skip = Number(request.url.searchParams.get('skip') ?? 0);
    const shown = USERS.slice(skip, skip + take);
    return json(200, { pageInfo: { pages: Math.ceil(USERS.length / take), pageSize: take, results: USERS.length, page: Math.floor(skip / take) + 1 }, results: shown });
  }
  return json(404, { message: 'Not Found' });
};
