import { http, HttpResponse, type HttpHandler } from 'msw';
import type { ScenarioClock } from '../../clock';
import { FakeUpstream } from '../fake-upstream';
import { misbehave, type FaultKind } from '../faults';
import { can, OverseerrModel, Permission, RequestStatus } from './model';
import type { MediaRequest, OverseerrUser, RequestBody } from './model';
import { forbidden, OverseerrShapes, paged, refused, sortUsers } from './shapes';
import { check, invalid, NUMBER, queryOf, readJson, REQUEST_BODY, REQUESTS, SEARCH, USERS, type Problem } from './validation';
import { postWebhook, webhookPayload, type WebhookPayload, type WebhookReply } from './webhook';

export type { WebhookPayload, WebhookReply } from './webhook';
export { postWebhook, webhookPayload } from './webhook';

/** A fault of the call that creates a request only; `late` creates it, then answers after `ms`. */
export type CreationFault = FaultKind | { kind: 'late'; ms: number };

/** Overseerr's v1 API as the gateway uses it: search, details, users and requests (UPSTREAMS.md section 3). */
export class OverseerrFake extends FakeUpstream {
  readonly model: OverseerrModel;
  private readonly shapes: OverseerrShapes;
  private readonly creationFaults: CreationFault[] = [];

  constructor(origin: string, clock: ScenarioClock, private readonly apiKey: string) {
    super('overseerr', origin, clock);
    this.model = new OverseerrModel(() => clock.now());
    this.shapes = new OverseerrShapes(this.model);
  }

  /** Overseerr's default webhook body for this event, with the title's subject, overview and poster. */
  payloadFor(notificationType: string, request?: MediaRequest): WebhookPayload {
    return webhookPayload(notificationType, request, request && this.model.catalogue.get(request.type, request.media.tmdbId));
  }

  /** Overseerr's webhook agent posting one notification to `targetUrl`. */
  sendWebhook(targetUrl: string, authorization: string | undefined, notificationType: string, request?: MediaRequest): Promise<WebhookReply> {
    return postWebhook(targetUrl, authorization, this.payloadFor(notificationType, request));
  }

  /** The next call that creates a request misbehaves; other calls are answered as usual. */
  failsCreating(fault: CreationFault): void {
    this.creationFaults.push(fault);
  }

  protected handlers(origin: string): HttpHandler[] {
    const api = `${origin}/api/v1`;
    const { model, shapes } = this;
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
          const found = [...model.catalogue.search(query.query).map((title) => shapes.result(title)), ...model.catalogue.searchOthers(query.query).map((other) => shapes.other(other))];
          const results = found.slice((page - 1) * 20, page * 20);
          return HttpResponse.json({ page, totalPages: Math.max(1, Math.ceil(found.length / 20)), totalResults: found.length, results });
        });
      }),
      ...(['movie', 'tv'] as const).map((type) =>
        http.get(`${api}/${type}/:id`, ({ request, params }) => {
          const [id, name] = [String(params.id), type === 'movie' ? 'movieId' : 'tvId'];
          return this.answer(request, check('params', { [name]: id }, { [name]: NUMBER }), () => {
            const title = model.catalogue.get(type, Number(id));
            if (!title) return HttpResponse.json({ message: `Unable to retrieve ${type === 'movie' ? 'movie' : 'series'}.` }, { status: 500 });
            return HttpResponse.json(shapes.details(title));
          });
        }),
      ),
      http.get(`${api}/user`, ({ request }) => {
        const query = queryOf(request);
        return this.answer(request, check('query', query, USERS), (actor) => {
          const showEmail = can(actor, [Permission.MANAGE_USERS]);
          return HttpResponse.json(paged(sortUsers(model.users(), query.sort, (u) => shapes.requestCount(u)), query, (u) => shapes.user(u, showEmail)));
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
          return HttpResponse.json(paged(mine.sort((a, b) => order(b) - order(a)), query, (r) => shapes.request(r)));
        });
      }),
      http.post(`${api}/request`, async ({ request }) => {
        const fault = this.creationFaults.shift();
        if (fault && fault.kind !== 'late') {
          const faulty = await misbehave(fault, request, this.clock);
          if (faulty) return faulty;
        }
        const body = await readJson(request);
        if (body instanceof Response) return body;
        const answer = this.answer(request, check('body', body, REQUEST_BODY, ['mediaType', 'mediaId']), (actor) => {
          const outcome = model.request(body as RequestBody, actor);
          if ('request' in outcome) return HttpResponse.json(shapes.request(outcome.request), { status: 201 });
          return refused(outcome.status, outcome.message);
        });
        // the request exists in Overseerr already; a caller that gave up never hears so
        if (fault?.kind === 'late') return this.clock.sleep(fault.ms, request.signal).then(() => answer, () => Response.error());
        return answer;
      }),
      http.get(`${api}/request/:requestId`, ({ request, params }) =>
        this.answer(request, [], (actor) => {
          const found = model.find(Number(params.requestId));
          if (!found) return refused(404, 'Request not found.');
          if (found.requestedBy !== actor && !can(actor, [Permission.MANAGE_REQUESTS])) return refused(403, 'You do not have permission to view this request.');
          return HttpResponse.json(shapes.request(found));
        }),
      ),
      http.post(`${api}/request/:requestId/:status`, ({ request, params }) => {
        const status = String(params.status);
        return this.answer(request, check('params', { status }, { status: { type: 'string', values: Object.keys(DECISIONS) } }), (actor) => {
          if (!can(actor, [Permission.MANAGE_REQUESTS])) return forbidden();
          const found = model.find(Number(params.requestId));
          if (!found) return refused(404, 'Request not found.');
          model.setStatus(found, DECISIONS[status]!, actor);
          return HttpResponse.json(shapes.request(found));
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
}

const DECISIONS: Record<string, number> = { pending: RequestStatus.PENDING, approve: RequestStatus.APPROVED, decline: RequestStatus.DECLINED };
const REQUEST_FILTER: Record<string, number[]> = { approved: [2], processing: [2], available: [2], pending: [1], unavailable: [1, 2], failed: [4] };
const MEDIA_FILTER: Record<string, number[]> = { available: [5], processing: [1, 2, 3, 4], unavailable: [1, 2, 3, 4] };
