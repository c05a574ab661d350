import type { Actor } from '../actor';
import type { HttpExchange } from '../api/exchange';
import type { NewMediaRequest } from '../api/medianest-api';
import { expectData } from '../checks/answers';
import { expect } from '../checks/chai';
import { startNotesWith } from '../notes';
import type { CatalogueTitle } from '../upstreams/overseerr/catalogue';
import type { MediaRequest as OverseerrRequest } from '../upstreams/overseerr/model';
import type { MediaNestWorld } from '../world';
import { SignIn } from './sign-in';
import { until } from './while-time-passes';

export interface RequestOptions {
  seasons?: number[];
  idempotencyKey?: string;
  /** The body's fields sent in the reverse of the portal's order. */
  reordered?: boolean;
}

/** The gateway gives Overseerr 5 seconds (CONTRACT.md, "Resilience and limits"). */
export const OVERSEERR_TIMEOUT_MS = 5_000;
/** A slow Overseerr that still answers in time. */
const OVERSEERR_SLOW_MS = 2_000;

/** What the media-request steps of a scenario tell each other. */
export class MediaRequestNotes {
  /** The id MediaNest gave each person's latest request for a title, by "name:title". */
  readonly ids = new Map<string, number>();
  /** The answers to requests sent at the same moment. */
  sameMoment: HttpExchange[] = [];
  /** The first answer to a request with an idempotency key. */
  firstAnswer?: HttpExchange;
  /** A request as its owner saw it after Overseerr's first notification about it. */
  afterFirstNotification?: unknown;
}

declare module '../notes' {
  interface ScenarioNotes {
    mediaRequests: MediaRequestNotes;
  }
}
startNotesWith('mediaRequests', () => new MediaRequestNotes());

/** Asking Overseerr for titles through MediaNest, as the people in the scenarios do it. */
export const RequestMedia = {
  /** The person with a session, signing in first when they have none yet; a visitor stays anonymous. */
  async by(world: MediaNestWorld, name: string): Promise<Actor> {
    const actor = world.actor(name);
    return actor.session || actor === world.visitor ? actor : SignIn.as(world, name);
  },

  /** The person searches Overseerr's catalogue through MediaNest. */
  async search(world: MediaNestWorld, name: string, query: string, page?: number): Promise<HttpExchange> {
    return (await RequestMedia.by(world, name)).api.searchMedia({ query, page });
  },

  /** A title as Overseerr's catalogue (TMDB) knows it, by its exact name. */
  title(world: MediaNestWorld, name: string, mediaType?: 'movie' | 'tv'): CatalogueTitle {
    const found = world.upstreams.overseerr.model.catalogue.search(name).filter((title) => title.title === name && (!mediaType || title.mediaType === mediaType));
    expect(found.map((title) => title.title), `the titles in Overseerr's catalogue named "${name}"`).to.have.lengthOf(1);
    return found[0]!;
  },

  /** The body the portal sends to request a title. */
  bodyFor(world: MediaNestWorld, title: string, seasons?: number[]): NewMediaRequest {
    const { mediaType, tmdbId } = RequestMedia.title(world, title);
    return { mediaType, tmdbId, ...(seasons ? { seasons } : {}) };
  },

  async titled(world: MediaNestWorld, name: string, title: string, options: RequestOptions = {}): Promise<HttpExchange> {
    const actor = await RequestMedia.by(world, name);
    const body = RequestMedia.bodyFor(world, title, options.seasons);
    const sent = options.reordered ? (Object.fromEntries(Object.entries(body).reverse()) as NewMediaRequest) : body;
    const exchange = await actor.api.createMediaRequest(sent, { idempotencyKey: options.idempotencyKey });
    if (exchange.response.status === 201) world.notes.mediaRequests.ids.set(`${name}:${title}`, exchange.response.body.data.id);
    return exchange;
  },

  /** Requests a title and insists it was accepted; returns the request. */
  async accepted(world: MediaNestWorld, name: string, title: string, options: RequestOptions = {}) {
    return expectData(await RequestMedia.titled(world, name, title, options), 201);
  },

  /** Requests several titles, each accepted. */
  async acceptedAll(world: MediaNestWorld, name: string, titles: string[]): Promise<void> {
    for (const title of titles) await RequestMedia.accepted(world, name, title);
  },

  /** Sends the same request twice at the same moment (signed in first, so both leave together); the answers are noted. */
  async twiceAtOnce(world: MediaNestWorld, name: string, title: string): Promise<void> {
    await RequestMedia.by(world, name);
    world.notes.mediaRequests.sameMoment = await Promise.all([RequestMedia.titled(world, name, title), RequestMedia.titled(world, name, title)]);
  },

  /** Requests a title with an idempotency key; the first accepted answer is noted. */
  async withKey(world: MediaNestWorld, name: string, title: string, idempotencyKey: string, options: RequestOptions = {}): Promise<HttpExchange> {
    const exchange = await RequestMedia.titled(world, name, title, { ...options, idempotencyKey });
    world.notes.mediaRequests.firstAnswer ??= exchange;
    return exchange;
  },

  /** Sends a request with a key, then the same again while Overseerr is still making the first; both answers are noted. */
  async againWhileOverseerrWorks(world: MediaNestWorld, name: string, title: string, idempotencyKey: string): Promise<void> {
    await RequestMedia.by(world, name);
    const before = RequestMedia.creations(world);
    world.upstreams.overseerr.failsCreating({ kind: 'late', ms: OVERSEERR_SLOW_MS });
    const first = RequestMedia.titled(world, name, title, { idempotencyKey });
    await until(() => RequestMedia.creations(world) > before, 'Overseerr to receive the first request');
    const second = await RequestMedia.titled(world, name, title, { idempotencyKey });
    await world.clock.advance(OVERSEERR_SLOW_MS);
    world.notes.mediaRequests.sameMoment = [await first, second];
  },

  /** Requests a title while Overseerr makes the request but answers after `ms`; the clock moves past the gateway's timeout. */
  async answeredLate(world: MediaNestWorld, name: string, title: string, ms: number): Promise<HttpExchange> {
    await RequestMedia.by(world, name);
    const before = RequestMedia.creations(world);
    world.upstreams.overseerr.failsCreating({ kind: 'late', ms });
    const call = RequestMedia.titled(world, name, title);
    await until(() => RequestMedia.creations(world) > before, 'Overseerr to receive the request');
    await world.clock.advance(OVERSEERR_TIMEOUT_MS);
    return call;
  },

  /** An admin decides, and the decision must be taken; answers the request's new status. */
  async decided(world: MediaNestWorld, admin: string, owner: string, title: string, decision: 'approve' | 'decline'): Promise<string> {
    return expectData(await RequestMedia.decide(world, admin, owner, title, decision)).status;
  },

  /** Notes the id of the person's one listed request for the title: a request MediaNest kept without accepting it. */
  async noteListed(world: MediaNestWorld, name: string, title: string): Promise<void> {
    const listed = expectData(await RequestMedia.list(world, name, { pageSize: 100 })).filter((request: { title: string }) => request.title === title);
    expect(listed, `${name}'s listed requests for "${title}"`).to.have.lengthOf(1);
    world.notes.mediaRequests.ids.set(`${name}:${title}`, listed[0].id);
  },

  /** The id MediaNest gave the person's latest request for the title. */
  idOf(world: MediaNestWorld, name: string, title: string): number {
    const id = world.notes.mediaRequests.ids.get(`${name}:${title}`);
    expect(id, `${name} has not requested "${title}" in this scenario`).to.be.a('number');
    return id!;
  },

  /** The person looks at their request for the title; `as` someone else looks at it instead. */
  async look(world: MediaNestWorld, owner: string, title: string, as = owner): Promise<HttpExchange> {
    return (await RequestMedia.by(world, as)).api.getMediaRequest(RequestMedia.idOf(world, owner, title));
  },

  async remove(world: MediaNestWorld, owner: string, title: string, as = owner): Promise<HttpExchange> {
    return (await RequestMedia.by(world, as)).api.deleteMediaRequest(RequestMedia.idOf(world, owner, title));
  },

  /** An admin approves or declines the owner's request. */
  async decide(world: MediaNestWorld, admin: string, owner: string, title: string, decision: 'approve' | 'decline', reason?: string): Promise<HttpExchange> {
    const actor = await RequestMedia.by(world, admin);
    const id = RequestMedia.idOf(world, owner, title);
    return decision === 'approve' ? actor.api.approveMediaRequest(id) : actor.api.declineMediaRequest(id, reason === undefined ? undefined : { reason });
  },

  /** The person's own requests, one page, as the list route answers them. */
  async list(world: MediaNestWorld, name: string, query: Record<string, string | number> = {}): Promise<HttpExchange> {
    return (await RequestMedia.by(world, name)).api.listMediaRequests(query);
  },

  /** Every request the person has, as titles with their status. */
  async statuses(world: MediaNestWorld, name: string): Promise<Array<{ title: string; status: string }>> {
    const listed = expectData(await RequestMedia.list(world, name, { pageSize: 100 }));
    return listed.map(({ title, status }: { title: string; status: string }) => ({ title, status }));
  },

  /** The requests Overseerr holds for a title. */
  inOverseerr(world: MediaNestWorld, title: string): OverseerrRequest[] {
    const { mediaType, tmdbId } = RequestMedia.title(world, title);
    return world.upstreams.overseerr.model.requests().filter((request) => request.type === mediaType && request.media.tmdbId === tmdbId);
  },

  /** The calls in which the gateway asked Overseerr to create a request. */
  creationCalls(world: MediaNestWorld) {
    return world.upstreams.overseerr.journal.calls('POST', '/api/v1/request').filter((call) => /\/request$/.test(call.path));
  },

  /** The calls in which the gateway asked Overseerr to delete a request. */
  deletionCalls(world: MediaNestWorld) {
    return world.upstreams.overseerr.journal.calls('DELETE');
  },

  /** How many times the gateway asked Overseerr to create a request. */
  creations(world: MediaNestWorld): number {
    return RequestMedia.creationCalls(world).length;
  },
};
