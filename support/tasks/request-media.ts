import assert from 'node:assert/strict';
import type { Actor } from '../actor';
import type { HttpExchange } from '../api/exchange';
import { expectData } from '../checks/answers';
import type { CatalogueTitle } from '../upstreams/overseerr/catalogue';
import type { MediaRequest as OverseerrRequest } from '../upstreams/overseerr/model';
import type { MediaNestWorld } from '../world';
import { SignIn } from './sign-in';

export interface RequestOptions {
  seasons?: number[];
  idempotencyKey?: string;
  /** Fields a client adds on top of what the product sends (for the bad-input sweeps). */
  extra?: Record<string, unknown>;
}

const REQUESTS = '/api/v1/media/requests';

/** Asking Overseerr for titles through MediaNest, as the people in the scenarios do it. */
export const RequestMedia = {
  /** The person with a session, signing in first when they have none yet; a visitor stays anonymous. */
  async by(world: MediaNestWorld, name: string): Promise<Actor> {
    const actor = world.actor(name);
    return actor.session || actor === world.visitor ? actor : SignIn.as(world, name);
  },

  /** A title as Overseerr's catalogue (TMDB) knows it, by its exact name. */
  title(world: MediaNestWorld, name: string, mediaType?: 'movie' | 'tv'): CatalogueTitle {
    const found = world.upstreams.overseerr.model.catalogue.search(name).filter((title) => title.title === name && (!mediaType || title.mediaType === mediaType));
    assert.equal(found.length, 1, `Overseerr's catalogue should hold exactly one title named "${name}"`);
    return found[0]!;
  },

  async titled(world: MediaNestWorld, name: string, title: string, options: RequestOptions = {}): Promise<HttpExchange> {
    const actor = await RequestMedia.by(world, name);
    const { mediaType, tmdbId } = RequestMedia.title(world, title);
    const body = { mediaType, tmdbId, ...(options.seasons ? { seasons: options.seasons } : {}), ...options.extra };
    const headers = options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : undefined;
    const exchange = await actor.call('POST', REQUESTS, { body, headers });
    if (exchange.response.status === 201) RequestMedia.note(world, name, title, exchange.response.body.data.id);
    return exchange;
  },

  /** Requests a title and insists it was accepted; returns the request. */
  async accepted(world: MediaNestWorld, name: string, title: string, options: RequestOptions = {}) {
    return expectData(await RequestMedia.titled(world, name, title, options), 201);
  },

  /** The id MediaNest gave the person's latest request for the title. */
  idOf(world: MediaNestWorld, name: string, title: string): number {
    const id = RequestMedia.ids(world).get(`${name}:${title}`);
    assert.ok(id, `${name} has not requested "${title}" in this scenario`);
    return id;
  },

  note(world: MediaNestWorld, name: string, title: string, id: number): void {
    RequestMedia.ids(world).set(`${name}:${title}`, id);
  },

  ids(world: MediaNestWorld): Map<string, number> {
    world.remember('media request ids', new Map<string, number>());
    return world.recall<Map<string, number>>('media request ids');
  },

  /** The person looks at their request for the title; `as` someone else looks at it instead. */
  async look(world: MediaNestWorld, owner: string, title: string, as = owner): Promise<HttpExchange> {
    return (await RequestMedia.by(world, as)).call('GET', `${REQUESTS}/${RequestMedia.idOf(world, owner, title)}`);
  },

  async remove(world: MediaNestWorld, owner: string, title: string, as = owner): Promise<HttpExchange> {
    return (await RequestMedia.by(world, as)).call('DELETE', `${REQUESTS}/${RequestMedia.idOf(world, owner, title)}`);
  },

  /** An admin approves or declines the owner's request. */
  async decide(world: MediaNestWorld, admin: string, owner: string, title: string, decision: 'approve' | 'decline', reason?: string): Promise<HttpExchange> {
    const actor = await RequestMedia.by(world, admin);
    const body = reason === undefined ? undefined : { reason };
    return actor.call('POST', `/api/v1/admin/media/requests/${RequestMedia.idOf(world, owner, title)}/${decision}`, { body });
  },

  /** The person's own requests, one page, as the list route answers them. */
  async list(world: MediaNestWorld, name: string, query: Record<string, string | number> = {}): Promise<HttpExchange> {
    const search = new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]));
    return (await RequestMedia.by(world, name)).call('GET', `${REQUESTS}${search.size ? `?${search}` : ''}`);
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

  /** How many times the gateway asked Overseerr to create a request. */
  creations(world: MediaNestWorld): number {
    return world.upstreams.overseerr.journal.calls('POST', '/api/v1/request').filter((call) => /\/request$/.test(call.path)).length;
  },
};
