import assert from 'node:assert/strict';
import type { Actor } from '../actor';
import type { HttpExchange } from '../api/exchange';
import { expectData } from '../checks/answers';
import { startNotesWith } from '../notes';
import { WEBHOOK_SECRET } from '../target/environment';
import type { MediaNestWorld } from '../world';

/** The kinds of bad body a careless or hostile client sends, with the code the contract documents for each. */
export const BAD_BODY_CODES = {
  'malformed JSON': 'INVALID_JSON',
  'a body that is not UTF-8': 'INVALID_JSON',
  'an empty body sent as JSON': 'INVALID_JSON',
  'a field of the wrong type': 'VALIDATION_ERROR',
  'a missing field': 'VALIDATION_ERROR',
  'an unknown field': 'VALIDATION_ERROR',
  'the wrong content type': 'UNSUPPORTED_MEDIA_TYPE',
  'a body over 64 KiB': 'PAYLOAD_TOO_LARGE',
} as const;

export type BadBodyKind = keyof typeof BAD_BODY_CODES;

export interface BadBody {
  body: string | Buffer;
  contentType: string;
}

/** One route that writes, how to reach it and how to tell that a refused call changed nothing. */
export interface WriteRoute {
  method: 'POST' | 'PATCH';
  /** The path and who calls it, once the scenario's people and Bob's request exist. */
  target(world: MediaNestWorld): { path: string; caller: Actor; headers?: Record<string, string> };
  /** A valid body; the bad ones are made from it. */
  valid: Record<string, unknown>;
  /** Bodies for the kinds that apply to this route (no required field: no "missing"; extra fields allowed: no "unknown"). */
  wrongType: Record<string, unknown>;
  missing?: Record<string, unknown>;
  unknownField?: Record<string, unknown>;
  /** Asserts that the state this route would change is as it was. */
  unchanged(world: MediaNestWorld): Promise<void>;
}

const requestsOf = async (world: MediaNestWorld, name: string) => expectData(await world.actor(name).call('GET', '/api/v1/media/requests'));

async function bobsRequestIsStillPending(world: MediaNestWorld) {
  const requests = await requestsOf(world, 'Bob');
  assert.deepEqual(requests.map((r: { title: string; status: string }) => `${r.title}: ${r.status}`), ['The Matrix: pending']);
}

export const WRITE_ROUTES: Record<string, WriteRoute> = {
  'ask for a PIN': {
    method: 'POST',
    target: (world) => ({ path: '/api/v1/auth/plex/pin', caller: world.visitor }),
    valid: { clientName: 'MediaNest Web' },
    wrongType: { clientName: 42 },
    unknownField: { clientName: 'MediaNest Web', role: 'admin' },
    unchanged: async () => undefined, // a PIN lives at plex.tv, whose journal is checked for every route
  },
  'verify a PIN': {
    method: 'POST',
    target: (world) => ({ path: '/api/v1/auth/plex/verify', caller: world.visitor }),
    valid: { pinId: 418_000_001 },
    wrongType: { pinId: '418000001' },
    missing: {},
    unknownField: { pinId: 418_000_001, role: 'admin' },
    unchanged: async (world) => {
      const users = expectData(await world.actor('Ada').call('GET', '/api/v1/admin/users'));
      assert.deepEqual(users.map((user: { username: string }) => user.username).sort(), ['Ada', 'Bob', 'Cleo']);
    },
  },
  "change someone's role": {
    method: 'PATCH',
    target: (world) => ({ path: `/api/v1/admin/users/${world.actor('Bob').signedIn().user.id}/role`, caller: world.actor('Ada') }),
    valid: { role: 'admin' },
    wrongType: { role: 1 },
    missing: {},
    unknownField: { role: 'admin', expiresAt: null },
    unchanged: async (world) => assert.equal(expectData(await world.actor('Bob').call('GET', '/api/v1/auth/session')).user.role, 'user'),
  },
  'request a title': {
    method: 'POST',
    target: (world) => ({ path: '/api/v1/media/requests', caller: world.actor('Cleo') }),
    valid: { mediaType: 'movie', tmdbId: 27205 },
    wrongType: { mediaType: 'movie', tmdbId: '27205' },
    missing: { mediaType: 'movie' },
    unknownField: { mediaType: 'movie', tmdbId: 27205, status: 'approved' },
    unchanged: async (world) => assert.deepEqual(await requestsOf(world, 'Cleo'), []),
  },
  'decline a request': {
    method: 'POST',
    target: (world) => ({ path: `/api/v1/admin/media/requests/${world.notes.badBodies.requestIds.Bob}/decline`, caller: world.actor('Ada') }),
    valid: { reason: 'Already on the shelf' },
    wrongType: { reason: 5 },
    unknownField: { reason: 'Already on the shelf', status: 'approved' },
    unchanged: bobsRequestIsStillPending,
  },
  "report to Overseerr's webhook": {
    method: 'POST',
    target: (world) => ({ path: '/api/v1/webhooks/overseerr', caller: world.actor('Overseerr'), headers: { authorization: WEBHOOK_SECRET } }),
    valid: { notification_type: 'MEDIA_AVAILABLE', request: { request_id: '1' } },
    wrongType: { notification_type: 'MEDIA_AVAILABLE', request: { request_id: 1 } },
    missing: { request: { request_id: '1' } },
    unchanged: bobsRequestIsStillPending,
  },
  'download a video': {
    method: 'POST',
    target: (world) => ({ path: '/api/v1/youtube/downloads', caller: world.actor('Cleo') }),
    valid: { url: 'https://youtu.be/aaaaaaaaaaa' },
    wrongType: { url: 42 },
    missing: { quality: '720p' },
    unknownField: { url: 'https://youtu.be/aaaaaaaaaaa', priority: 'high' },
    unchanged: async (world) => assert.deepEqual(expectData(await world.actor('Cleo').call('GET', '/api/v1/youtube/downloads')), []),
  },
};

/** What the bad-body sweep of one scenario noted (world.notes.badBodies). */
export class BadBodyNotes {
  /** Each person's request for a film, by id, for the routes that decide or report on it. */
  readonly requestIds: Record<string, number> = {};
  route?: WriteRoute;
  answers: Array<{ kind: BadBodyKind; exchange: HttpExchange }> = [];
  /** Every fake's journal length before the first bad body. */
  callsBefore: number[] = [];
}

declare module '../notes' {
  interface ScenarioNotes {
    badBodies: BadBodyNotes;
  }
}
startNotesWith('badBodies', () => new BadBodyNotes());

export const BadBodySweep = {
  /** The person requests The Matrix (a film the fake Overseerr knows): the request MediaNest answered. */
  async requestAFilm(world: MediaNestWorld, name: string): Promise<any> {
    const request = expectData(await world.actor(name).api.createMediaRequest({ mediaType: 'movie', tmdbId: 603 }), 201);
    world.notes.badBodies.requestIds[name] = request.id;
    return request;
  },

  /** Sends every bad body that applies to the route, one after another, noting the answers and what the fakes had seen before. */
  async sendEveryBadBody(world: MediaNestWorld, route: WriteRoute): Promise<void> {
    const notes = world.notes.badBodies;
    const { path, caller, headers } = route.target(world);
    Object.assign(notes, { route, callsBefore: world.upstreams.all().map((fake) => fake.journal.entries.length) });
    for (const [kind, bad] of badBodiesFor(route)) {
      notes.answers.push({ kind, exchange: await caller.call(route.method, path, { body: bad.body, headers: { ...headers, 'content-type': bad.contentType }, outOfContract: true }) });
    }
  },
};

/** Every bad body that applies to a route, by kind. */
export function badBodiesFor(route: WriteRoute): Array<[BadBodyKind, BadBody]> {
  const json = (body: unknown): BadBody => ({ body: JSON.stringify(body), contentType: 'application/json' });
  const valid = JSON.stringify(route.valid);
  const bodies: Array<[BadBodyKind, BadBody | undefined]> = [
    ['malformed JSON', { body: valid.slice(0, -1) + ',', contentType: 'application/json' }],
    // the valid body with one byte that can never appear in UTF-8 inside its first string
    ['a body that is not UTF-8', { body: notUtf8(valid), contentType: 'application/json' }],
    // Fastify reports an empty JSON body apart from malformed JSON
    ['an empty body sent as JSON', { body: '', contentType: 'application/json' }],
    ['a field of the wrong type', json(route.wrongType)],
    ['a missing field', route.missing && json(route.missing)],
    ['an unknown field', route.unknownField && json(route.unknownField)],
    ['the wrong content type', { body: valid, contentType: 'text/plain' }],
    ['a body over 64 KiB', json({ ...route.valid, padding: 'x'.repeat(70 * 1024) })],
  ];
  return bodies.filter((entry): entry is [BadBodyKind, BadBody] => entry[1] !== undefined);
}

/** The JSON text's bytes with 0xFF, which UTF-8 never uses, inside its first string value (a body without one gets one). */
function notUtf8(json: string): Buffer {
  const at = json.indexOf('":"');
  const bytes = Buffer.from(json, 'utf8');
  if (at < 0) return Buffer.concat([Buffer.from('{"text":"'), Buffer.from([0xff]), Buffer.from('"}')]);
  const cut = Buffer.byteLength(json.slice(0, at + 3), 'utf8');
  return Buffer.concat([bytes.subarray(0, cut), Buffer.from([0xff]), bytes.subarray(cut)]);
}
