import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { ScenarioClock } from '../../clock';
import { FakeUpstream } from '../fake-upstream';
import { yearOf, type CatalogueTitle } from './catalogue';
import { can, MediaStatus, OverseerrModel, Permission, RequestStatus } from './model';
import type { Media, MediaRequest, OverseerrUser, RequestBody } from './model';

/** Overseerr's v1 API as the gateway uses it: search, details, users and requests (UPSTREAMS.md section 3). */
export class OverseerrFake extends FakeUpstream {
  readonly model: OverseerrModel;

  constructor(origin: string, clock: ScenarioClock, private readonly apiKey: string) {
    super('overseerr', origin, clock);
    this.model = new OverseerrModel(() => clock.now());
  }

  /** Overseerr's default webhook body for this event, with the title's subject, overview and poster. */
  payloadFor(notificationType: string, request?: MediaRequest): WebhookPayload {
    return webhookPayload(notificationType, request, request && this.model.catalogue.get(request.type, request.media.tmdbId));
  }

  /** Overseerr's webhook agent posting one notification to `targetUrl`. */
  sendWebhook(targetUrl: string, authorization: string | undefined, notificationType: string, request?: MediaRequest): Promise<WebhookReply> {
    return postWebhook(targetUrl, authorization, this.payloadFor(notificationType, request));
  }

  protected handlers(origin: string): HttpHandler[] {
    const api = `${origin}/api/v1`;
    const model = this.model;
    return [
      http.get(`${api}/status`, () =>
        HttpResponse.json({ version: '1.34.0', commitTag: 'v1.34.0', updateAvailable: false, commitsBehind: 0, restartRequired: false }),
      ),
      http.get(`${api}/search`, ({ request }) => {
        const query = queryOf(request);
        const page = Number(query.page ?? 1);
        // an empty query is refused like a missing one
        return this.answer(request, check('query', { ...query, query: query.query || undefined }, SEARCH, ['query']), () => {
          if (!Number.isInteger(page) || page < 1) return HttpResponse.json({ message: 'Unable to retrieve search results.' }, { status: 500 });
          const found = model.catalogue.search(query.query);
          const results = found.slice((page - 1) * 20, page * 20).map((title) => this.result(title));
          return HttpResponse.json({ page, totalPages: Math.max(1, Math.ceil(found.length / 20)), totalResults: found.length, results });
        });
      }),
      ...(['movie', 'tv'] as const).map((type) =>
        http.get(`${api}/${type}/:id`, ({ request, params }) => {
          const [id, name] = [String(params.id), type === 'movie' ? 'movieId' : 'tvId'];
          return this.answer(request, check('params', { [name]: id }, { [name]: NUMBER }), () => {
            const title = model.catalogue.get(type, Number(id));
            if (!title) return HttpResponse.json({ message: `Unable to retrieve ${type === 'movie' ? 'movie' : 'series'}.` }, { status: 500 });
            return HttpResponse.json(this.details(title));
          });
        }),
      ),
      http.get(`${api}/user`, ({ request }) => {
        const query = queryOf(request);
        return this.answer(request, check('query', query, USERS), (actor) => {
          const showEmail = can(actor, [Permission.MANAGE_USERS]);
          return HttpResponse.json(paged(sortUsers(model.users(), query.sort, (u) => this.requestCount(u)), query, (u) => this.user(u, showEmail)));
        });
      }),
      http.get(`${api}/request`, ({ request }) => {
        const query = queryOf(request);
        return this.answer(request, check('query', query, REQUESTS), (actor) => {
          const manager = can(actor, [Permission.MANAGE_REQUESTS]);
          const by = query.requestedBy ? Number(query.requestedBy) : manager ? undefined : actor.id;
          if (!manager && by !== actor.id) return refused(403, "You do not have permission to view this user's requests.");
          const [statuses, mediaStatuses] = [REQUEST_FILTER[query.filter] ?? [1, 2, 3, 4], MEDIA_FILTER[query.filter] ?? [1, 2, 3, 4, 5]];
          const listed = model.requests().filter((r) => statuses.includes(r.status) && mediaStatuses.includes(r.media[r.is4k ? 'status4k' : 'status']));
          const mine = listed.filter((r) => by === undefined || r.requestedBy.id === by);
          const order = query.sort === 'modified' ? (r: MediaRequest) => Date.parse(r.updatedAt) : (r: MediaRequest) => r.id;
          return HttpResponse.json(paged(mine.sort((a, b) => order(b) - order(a)), query, (r) => this.request(r)));
        });
      }),
      http.post(`${api}/request`, async ({ request }) => {
        const body = await readJson(request);
        if (body instanceof Response) return body;
        return this.answer(request, check('body', body, REQUEST_BODY, ['mediaType', 'mediaId']), (actor) => {
          const outcome = model.request(body as RequestBody, actor);
          if ('request' in outcome) return HttpResponse.json(this.request(outcome.request), { status: 201 });
          return refused(outcome.status, outcome.message);
        });
      }),
      http.get(`${api}/request/:requestId`, ({ request, params }) =>
        this.answer(request, [], (actor) => {
          const found = model.find(Number(params.requestId));
          if (!found) return refused(404, 'Request not found.');
          if (found.requestedBy !== actor && !can(actor, [Permission.MANAGE_REQUESTS])) return refused(403, 'You do not have permission to view this request.');
          return HttpResponse.json(this.request(found));
        }),
      ),
      http.post(`${api}/request/:requestId/:status`, ({ request, params }) => {
        const status = String(params.status);
        return this.answer(request, check('params', { status }, { status: { type: 'string', values: Object.keys(DECISIONS) } }), (actor) => {
          if (!can(actor, [Permission.MANAGE_REQUESTS])) return forbidden();
          const found = model.find(Number(params.requestId));
          if (!found) return refused(404, 'Request not found.');
          model.setStatus(found, DECISIONS[status], actor);
          return HttpResponse.json(this.request(found));
        });
      }),
      http.delete(`${api}/request/:requestId`, ({ request, params }) =>
        this.answer(request, [], (actor) => {
          const found = model.find(Number(params.requestId));
          if (!found) return refused(404, 'Request not found.');
          // Overseerr's check as written: a non-manager is refused only someone else's request that is no longer pending
          if (!can(actor, [Permission.MANAGE_REQUESTS]) && found.requestedBy !== actor && found.status !== RequestStatus.PENDING) {
            return refused(401, 'You do not have permission to delete this request.');
          }
          model.remove(found);
          return new HttpResponse(null, { status: 204 });
        }),
      ),
    ];
  }

  /** Overseerr validates against its OpenAPI document before it looks at the API key. */
  private answer(request: Request, problems: Problem[], respond: (actor: OverseerrUser) => Response): Response {
    if (problems.length > 0) return invalid(problems);
    if (request.headers.get('x-api-key') !== this.apiKey) return forbidden();
    const asUser = request.headers.get('x-api-user');
    const actor = this.model.user(asUser ? Number(asUser) : 1);
    return actor ? respond(actor) : forbidden();
  }

  private requestCount(user: OverseerrUser): number {
    return this.model.requests().filter((request) => request.requestedBy === user).length;
  }

  private user(user: OverseerrUser, showEmail = true) {
    const { email, ...shown } = user;
    return { ...shown, ...(showEmail ? { email } : {}), requestCount: this.requestCount(user) };
  }

  private request(request: MediaRequest) {
    const { requestedBy, modifiedBy } = request;
    const unset = { serverId: null, profileId: null, rootFolder: null, languageProfileId: null, tags: null, isAutoRequest: false };
    return { ...request, ...unset, media: mediaJson(request.media), requestedBy: this.user(requestedBy), modifiedBy: modifiedBy && this.user(modifiedBy), seasonCount: request.seasons.length };
  }

  private result(title: CatalogueTitle, media = this.model.media(title)) {
    const common = { id: title.tmdbId, mediaType: title.mediaType, overview: title.overview, posterPath: title.posterPath, backdropPath: null };
    const about = { originalLanguage: 'en', popularity: 0, voteAverage: 0, voteCount: 0, genreIds: [], mediaInfo: media && mediaJson(media) };
    if (title.mediaType === 'movie') return { ...common, title: title.title, originalTitle: title.title, releaseDate: title.date, adult: false, video: false, ...about };
    return { ...common, name: title.title, originalName: title.title, firstAirDate: title.date, originCountry: [], ...about };
  }

  private details(title: CatalogueTitle) {
    const { mediaType, genreIds: _, ...result } = this.result(title);
    const media = this.model.media(title);
    const mediaInfo = media && { ...mediaJson(media), requests: this.model.requestsOf(media).map((r) => this.request(r)) };
    if (mediaType === 'movie') return { ...result, imdbId: null, runtime: 120, status: 'Released', genres: [], externalIds: {}, mediaInfo };
    const seasons = Array.from({ length: title.seasons ?? 0 }, (_, i) => ({ id: title.tmdbId * 100 + i + 1, seasonNumber: i + 1, name: `Season ${i + 1}`, episodeCount: 10 }));
    return { ...result, numberOfSeasons: seasons.length, seasons, externalIds: { tvdbId: title.tvdbId ?? null }, mediaInfo };
  }
}

export interface WebhookPayload {
  notification_type: string;
  event: string;
  subject: string;
  message: string;
  image: string;
  media: { media_type: string; tmdbId: string; tvdbId: string; status: string; status4k: string } | null;
  request: { request_id: string; requestedBy_email: string; requestedBy_username: string; requestedBy_avatar: string; [key: string]: string } | null;
  issue: null;
  comment: null;
  extra: Array<{ name: string; value: string }>;
}

export type WebhookReply = { status: number; body: string };

/** Overseerr's default webhook template filled in: every substituted value is a string. */
export function webhookPayload(notificationType: string, request?: MediaRequest, title?: CatalogueTitle): WebhookPayload {
  const test = notificationType === 'TEST_NOTIFICATION';
  const empty = { notification_type: notificationType, event: '', subject: test ? 'Test Notification' : '', image: '', issue: null, comment: null };
  if (!request) return { ...empty, message: test ? 'Check check, 1, 2, 3. Are we coming in clear?' : '', media: null, request: null, extra: [] };
  const { media, requestedBy: by } = request;
  const noun = `${request.is4k ? '4K ' : ''}${request.type === 'movie' ? 'Movie' : 'Series'}`;
  const events: Record<string, string> = {
    MEDIA_PENDING: `New ${noun} Request`,
    MEDIA_AUTO_APPROVED: `${noun} Request Automatically Approved`,
    MEDIA_APPROVED: `${noun} Request Approved`,
    MEDIA_DECLINED: `${noun} Request Declined`,
    MEDIA_AVAILABLE: `${noun} Request Now Available`,
    MEDIA_FAILED: `Failed ${noun} Request`,
  };
  return {
    ...empty,
    event: events[notificationType] ?? '',
    subject: title ? `${title.title} (${yearOf(title)})` : '',
    message: title?.overview ?? '',
    image: title ? `https://image.tmdb.org/t/p/w600_and_h900_bestv2${title.posterPath}` : '',
    media: { media_type: media.mediaType, tmdbId: String(media.tmdbId), tvdbId: String(media.tvdbId ?? ''), status: statusName(media.status), status4k: statusName(media.status4k) },
    request: {
      ...{ request_id: String(request.id), requestedBy_email: by.email, requestedBy_username: by.displayName, requestedBy_avatar: by.avatar },
      ...{ requestedBy_settings_discordId: '', requestedBy_settings_telegramChatId: '' },
    },
    extra: request.type === 'tv' ? [{ name: 'Requested Seasons', value: request.seasons.map((s) => s.seasonNumber).join(', ') }] : [],
  };
}

/**
 * POSTs a webhook body as Overseerr does: JSON, `Authorization` exactly as configured, absent when not.
 * node:http rather than fetch, which msw intercepts in this process.
 */
export function postWebhook(targetUrl: string, authorization: string | undefined, body: unknown): Promise<WebhookReply> {
  const data = typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json, text/plain, */*', 'content-length': String(Buffer.byteLength(data)) };
  if (authorization !== undefined) headers.authorization = authorization;
  const send = new URL(targetUrl).protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(targetUrl, { method: 'POST', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(data);
  });
}

function statusName(status: number): string {
  return Object.entries(MediaStatus).find(([, value]) => value === status)?.[0] ?? '';
}

function mediaJson(media: Media) {
  return { ...media, imdbId: null, seasons: [] };
}

const DECISIONS: Record<string, number> = { pending: RequestStatus.PENDING, approve: RequestStatus.APPROVED, decline: RequestStatus.DECLINED };
const REQUEST_FILTER: Record<string, number[]> = { approved: [2], processing: [2], available: [2], pending: [1], unavailable: [1, 2], failed: [4] };
const MEDIA_FILTER: Record<string, number[]> = { available: [5], processing: [1, 2, 3, 4], unavailable: [1, 2, 3, 4] };

function sortUsers(users: OverseerrUser[], sort: string | undefined, requestCount: (user: OverseerrUser) => number): OverseerrUser[] {
  if (sort === 'updated') return users.sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
  if (sort === 'requests') return users.sort((a, b) => requestCount(b) - requestCount(a));
  if (sort === 'displayname') return users.sort((a, b) => a.displayName.toLowerCase().localeCompare(b.displayName.toLowerCase()));
  return users;
}

/** Overseerr's list envelope: take defaults to 10 and the page is derived from skip. */
function paged<T>(all: T[], query: Record<string, string>, json: (item: T) => unknown) {
  const [take, skip] = [query.take ? Number(query.take) : 10, query.skip ? Number(query.skip) : 0];
  const pageInfo = { pages: Math.ceil(all.length / take), pageSize: take, results: all.length, page: Math.ceil(skip / take) + 1 };
  return { pageInfo, results: all.slice(skip, skip + take).map(json) };
}

function forbidden(): Response {
  return HttpResponse.json({ status: 403, error: 'You do not have permission to access this endpoint' }, { status: 403 });
}

function refused(status: number, message: string): Response {
  return HttpResponse.json({ message }, { status });
}

function queryOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

// express-openapi-validator, as Overseerr mounts it: bodies are not coerced, query and path values are.
type Rule = { type: 'number' | 'string' | 'boolean'; values?: readonly string[]; nullable?: true } | 'seasons';
interface Problem { at: string; path: string; message: string; errorCode: string }
const NUMBER: Rule = { type: 'number' };
const SEARCH: Record<string, Rule> = { query: { type: 'string' }, page: NUMBER, language: { type: 'string' } };
const USERS: Record<string, Rule> = { take: NUMBER, skip: NUMBER, sort: { type: 'string', values: ['created', 'updated', 'requests', 'displayname'] } };
const REQUESTS: Record<string, Rule> = {
  ...{ take: NUMBER, skip: NUMBER, requestedBy: NUMBER, sort: { type: 'string', values: ['added', 'modified'] } },
  filter: { type: 'string', values: ['all', 'approved', 'available', 'pending', 'processing', 'unavailable', 'failed'] },
};
const REQUEST_BODY: Record<string, Rule> = {
  ...{ mediaType: { type: 'string', values: ['movie', 'tv'] }, mediaId: NUMBER, tvdbId: NUMBER, seasons: 'seasons', is4k: { type: 'boolean' } },
  ...{ serverId: NUMBER, profileId: NUMBER, rootFolder: { type: 'string' }, languageProfileId: NUMBER, userId: { type: 'number', nullable: true } },
};

function check(where: 'body' | 'query' | 'params', input: Record<string, unknown>, rules: Record<string, Rule>, required: string[] = []): Problem[] {
  const missing = required
    .filter((name) => input[name] === undefined)
    .map((name) => ({ at: `/${where}`, path: `/${where}/${name}`, message: `must have required property '${name}'`, errorCode: 'required.openapi.validation' }));
  const wrong = Object.entries(rules).flatMap(([name, rule]): Problem[] => {
    const value = input[name];
    if (value === undefined || (value === null && rule !== 'seasons' && rule.nullable)) return [];
    const fault = mismatch(rule, value, where !== 'body');
    return fault ? [{ at: `/${where}/${name}`, path: `/${where}/${name}`, message: fault[0], errorCode: `${fault[1]}.openapi.validation` }] : [];
  });
  return [...missing, ...wrong];
}

function mismatch(rule: Rule, value: unknown, coerced: boolean): [message: string, code: string] | undefined {
  if (rule === 'seasons') {
    const valid = value === 'all' || (Array.isArray(value) && value.every((n) => typeof n === 'number' && n >= 0));
    return valid ? undefined : ['must match exactly one schema in oneOf', 'oneOf'];
  }
  const typed = coerced && rule.type === 'number' ? value !== '' && Number.isFinite(Number(value)) : typeof value === rule.type;
  if (!typed) return [`must be ${rule.type}`, 'type'];
  if (rule.values && !rule.values.includes(String(value))) return [`must be equal to one of the allowed values: ${rule.values.join(', ')}`, 'enum'];
  return undefined;
}

function invalid(problems: Problem[]): Response {
  const message = problems.map((problem) => `request${problem.at} ${problem.message}`).join(', ');
  return HttpResponse.json({ message, errors: problems.map(({ path, message, errorCode }) => ({ path, message, errorCode })) }, { status: 400 });
}

async function readJson(request: Request): Promise<Record<string, unknown> | Response> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) {
    const message = `unsupported media type ${type.split(';')[0] || 'undefined'}`;
    return HttpResponse.json({ message, errors: [{ path: '/body', message }] }, { status: 415 });
  }
  const text = await request.text();
  try {
    const body: unknown = text ? JSON.parse(text) : {};
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
    return invalid([{ at: '/body', path: '/body', message: 'must be object', errorCode: 'type.openapi.validation' }]);
  } catch (error) {
    return HttpResponse.json({ message: (error as Error).message }, { status: 400 });
  }
}
