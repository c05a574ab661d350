import { UPSTREAM_NAMES, type UpstreamName } from '../../gateway/src/resilience/upstream-failure';

/**
 * The exchanges recorded from each upstream: the calls the gateway's own clients make
 * (gateway/src/upstreams), with the same paths and
 * queries, plus the refusals they must understand. Reads only, and one PIN request: nothing a
 * person would notice. Later exchanges take ids from earlier answers (the PIN just created, the
 * first library, the first film found), so the same plan runs against any install.
 */
export { UPSTREAM_NAMES, type UpstreamName };

/** Where an install's upstreams live and what opens them. */
export interface Install {
  origins: Record<UpstreamName, string>;
  /** A Plex account's token: plex.tv's /user and the Plex Media Server's reads. */
  plexToken: string;
  overseerrApiKey: string;
  uptimeKumaSlug: string;
  /** What to search Overseerr for: a film TMDB knows. */
  overseerrQuery: string;
}

export interface ExchangeRequest {
  method: 'GET' | 'POST';
  /** From the upstream's origin, query included, in the order the gateway's client writes it. */
  path: string;
  headers: Record<string, string>;
}

/** Answers so far in a run of the plan, by exchange name. */
export type Answers = Record<string, { status: number; body: unknown }>;

export interface Exchange {
  upstream: UpstreamName;
  name: string;
  request(install: Install, answers: Answers): ExchangeRequest;
}

/** Where recordings say they came from: the gateway's clients are pointed here when they are replayed. */
export const RECORDED_ORIGINS: Record<UpstreamName, string> = {
  'plex-tv': 'https://plex.tv',
  'plex-server': 'http://plex-server.recorded.invalid:32400',
  overseerr: 'http://overseerr.recorded.invalid:5055',
  'uptime-kuma': 'http://uptime-kuma.recorded.invalid:3001',
};

export const REFUSED_CREDENTIAL = 'not-a-credential-of-this-install';
export const UNKNOWN_PIN_ID = 1;
export const UNKNOWN_SLUG = 'no-such-page-medianest';
const PAGE_OF_ITEMS = 50;

const json = { Accept: 'application/json' };
const plexIdentity = {
  ...json,
  'X-Plex-Client-Identifier': 'medianest-upstream-recorder',
  'X-Plex-Product': 'MediaNest',
  'X-Plex-Version': '1.0.0',
  'X-Plex-Platform': 'Node.js',
  'X-Plex-Device': 'Server',
  'X-Plex-Device-Name': 'MediaNest',
};
const get = (path: string, headers: Record<string, string>): ExchangeRequest => ({ method: 'GET', path, headers });

const plex = (token: string) => ({ ...json, 'X-Plex-Token': token, 'X-Plex-Product': 'MediaNest' });
const page = { 'X-Plex-Container-Start': '0', 'X-Plex-Container-Size': String(PAGE_OF_ITEMS) };
const overseerr = (key: string) => ({ ...json, 'X-Api-Key': key });
const overseerrSearch = (install: Install) => `/api/v1/search?${new URLSearchParams({ query: install.overseerrQuery, page: '1' })}`;
const slugPath = (slug: string) => encodeURIComponent(slug);

export const EXCHANGES: Exchange[] = [
  { upstream: 'plex-tv', name: 'pin-created', request: () => ({ method: 'POST', path: '/api/v2/pins?strong=true', headers: plexIdentity }) },
  { upstream: 'plex-tv', name: 'pin-read', request: (_, answers) => get(`/api/v2/pins/${field(answers, 'pin-created', 'id')}`, plexIdentity) },
  { upstream: 'plex-tv', name: 'pin-unknown', request: () => get(`/api/v2/pins/${UNKNOWN_PIN_ID}`, plexIdentity) },
  { upstream: 'plex-tv', name: 'account', request: (install) => get('/api/v2/user', { ...plexIdentity, 'X-Plex-Token': install.plexToken }) },
  { upstream: 'plex-tv', name: 'account-refused', request: () => get('/api/v2/user', { ...plexIdentity, 'X-Plex-Token': REFUSED_CREDENTIAL }) },

  { upstream: 'plex-server', name: 'sections', request: (install) => get('/library/sections', plex(install.plexToken)) },
  { upstream: 'plex-server', name: 'section-items', request: (install, answers) => get(`/library/sections/${firstSection(answers)}/all`, { ...plex(install.plexToken), ...page }) },
  { upstream: 'plex-server', name: 'recently-added', request: (install) => get('/library/recentlyAdded', { ...plex(install.plexToken), ...page }) },
  {
    upstream: 'plex-server',
    name: 'hub-search',
    request: (install, answers) => get(`/hubs/search?${new URLSearchParams({ query: firstWordOfFirstItem(answers), limit: '10' })}`, plex(install.plexToken)),
  },
  { upstream: 'plex-server', name: 'collections', request: (install, answers) => get(`/library/sections/${firstSection(answers)}/collections`, plex(install.plexToken)) },
  { upstream: 'plex-server', name: 'token-refused', request: () => get('/library/sections', plex(REFUSED_CREDENTIAL)) },

  { upstream: 'overseerr', name: 'search', request: (install) => get(overseerrSearch(install), overseerr(install.overseerrApiKey)) },
  { upstream: 'overseerr', name: 'movie', request: (install, answers) => get(`/api/v1/movie/${firstFilm(answers)}`, overseerr(install.overseerrApiKey)) },
  { upstream: 'overseerr', name: 'users', request: (install) => get('/api/v1/user?take=100&skip=0', overseerr(install.overseerrApiKey)) },
  { upstream: 'overseerr', name: 'key-refused', request: (install) => get(overseerrSearch(install), overseerr(REFUSED_CREDENTIAL)) },

  { upstream: 'uptime-kuma', name: 'status-page', request: (install) => get(`/api/status-page/${slugPath(install.uptimeKumaSlug)}`, json) },
  { upstream: 'uptime-kuma', name: 'heartbeats', request: (install) => get(`/api/status-page/heartbeat/${slugPath(install.uptimeKumaSlug)}`, json) },
  { upstream: 'uptime-kuma', name: 'unknown-page', request: () => get(`/api/status-page/${UNKNOWN_SLUG}`, json) },
  { upstream: 'uptime-kuma', name: 'unknown-heartbeats', request: () => get(`/api/status-page/heartbeat/${UNKNOWN_SLUG}`, json) },
];

function field(answers: Answers, exchange: string, name: string): unknown {
  const body = answers[exchange]?.body as Record<string, unknown> | undefined;
  if (body?.[name] === undefined) throw new Error(`the answer to ${exchange} has no ${name}, which the next exchange needs`);
  return body[name];
}

type Container = { MediaContainer?: { Directory?: Array<{ key?: string; type?: string }>; Metadata?: Array<{ title?: string }> } };

/** The first film library, else the first library: its key. */
function firstSection(answers: Answers): string {
  const sections = (answers.sections?.body as Container | undefined)?.MediaContainer?.Directory ?? [];
  const section = sections.find((candidate) => candidate.type === 'movie') ?? sections[0];
  if (!section?.key) throw new Error('Plex listed no library, which the next exchanges need');
  return section.key;
}

function firstWordOfFirstItem(answers: Answers): string {
  const title = (answers['section-items']?.body as Container | undefined)?.MediaContainer?.Metadata?.[0]?.title;
  if (!title) throw new Error('the first library is empty: Plex search needs a title to look for');
  return title.split(/\s+/).find((word) => word.length > 3) ?? title;
}

function firstFilm(answers: Answers): number {
  const results = (answers.search?.body as { results?: Array<{ id?: number; mediaType?: string }> } | undefined)?.results ?? [];
  const film = results.find((result) => result.mediaType === 'movie');
  if (film?.id === undefined) throw new Error('the Overseerr search found no film, which the next exchange needs');
  return film.id;
}
