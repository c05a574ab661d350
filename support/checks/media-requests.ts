import { defineParameterType } from '@cucumber/cucumber';
import type { HttpExchange } from '../api/exchange';
import { phrasesOf } from '../parameter-types';
import { BrowseLibrary } from '../tasks/browse-library';
import { RequestMedia } from '../tasks/request-media';
import type { MediaNestWorld } from '../world';
import { expectData, outcomeOf } from './answers';

/** The API's words for a title's kind and availability, as people say them. */
const KINDS: Record<string, string> = { movie: 'film', tv: 'series' };
const AVAILABILITY: Record<string, string> = { not_requested: 'not requested', requested: 'requested', processing: 'processing', partially_available: 'partly available', available: 'available' };
/** Overseerr's request statuses (UPSTREAMS.md section 3), in the words the features use. */
const OVERSEERR_STATES: Record<number, string> = { 1: 'waiting for approval', 2: 'approved', 3: 'declined', 4: 'failed' };
defineParameterType({ name: 'overseerrState', regexp: phrasesOf(Object.fromEntries(Object.values(OVERSEERR_STATES).map((state) => [state, state]))), transformer: (state: string) => state });

interface MediaRequest {
  id: number;
  title: string;
  status: string;
  reason?: string;
  seasons?: number[];
  overseerrRequestId?: number;
  createdAt: string;
  updatedAt: string;
  requestedBy: { username: string };
}

/** Questions about media requests, in MediaNest and in Overseerr. */
export const MediaRequests = {
  /** A search's titles as a person reads them, and whether each has its poster. */
  searchResults(exchange: HttpExchange) {
    return expectData(exchange).map((result: Record<string, unknown>) => ({
      title: result.title,
      kind: KINDS[String(result.mediaType)] ?? result.mediaType,
      year: String(result.year),
      availability: AVAILABILITY[String(result.availability)] ?? result.availability,
      poster: /^\/\w+\.jpg$/.test(String(result.posterPath)) ? 'yes' : 'no',
    }));
  },

  /** The summary each title found comes with. */
  summariesFound(exchange: HttpExchange): string[] {
    return expectData(exchange).map((result: { overview: string }) => result.overview);
  },

  /** The summaries Overseerr's catalogue holds for the titles found, in the same order. */
  summariesInCatalogue(world: MediaNestWorld, exchange: HttpExchange): string[] {
    return expectData(exchange).map((result: { title: string }) => RequestMedia.title(world, result.title).overview);
  },

  /** How many results a page shows, and where it is among the pages. */
  searchPage(exchange: HttpExchange) {
    return { shown: expectData(exchange).length, ...exchange.response.body.meta };
  },

  /** The person's request for the title, as they see it now. */
  async own(world: MediaNestWorld, name: string, title: string): Promise<MediaRequest> {
    return expectData(await RequestMedia.look(world, name, title));
  },

  /** The person's request for the title as they see it now, in a few facts. */
  async seen(world: MediaNestWorld, name: string, title: string) {
    const request = await MediaRequests.own(world, name, title);
    return { title: request.title, status: request.status, owner: request.requestedBy.username, seasons: request.seasons, reason: request.reason, updatedSinceCreated: Date.parse(request.updatedAt) >= Date.parse(request.createdAt) };
  },

  /** What is left of a withdrawn request: the answer to looking it up, and whether the person's list shows it. */
  async traceOf(world: MediaNestWorld, name: string, title: string) {
    const lookedUp = outcomeOf(await RequestMedia.look(world, name, title));
    return { lookedUp, listed: (await RequestMedia.statuses(world, name)).some((request) => request.title === title) };
  },

  /** The request's status in MediaNest, and how many requests Overseerr holds for the title. */
  async pendingHere(world: MediaNestWorld, name: string, title: string) {
    return { status: (await MediaRequests.own(world, name, title)).status, heldByOverseerr: RequestMedia.inOverseerr(world, title).length };
  },

  /** The person's latest answer beside the first one given for the same idempotency key. */
  replayed(world: MediaNestWorld, name: string) {
    const [first, again] = [world.notes.mediaRequests.firstAnswer!, world.lastExchangeOf(name)];
    again.asserted = true;
    return { status: again.response.status, sameBodyAsFirst: JSON.stringify(again.response.body) === JSON.stringify(first.response.body), saysItIsAReplay: again.response.headers['idempotent-replayed'] === 'true' };
  },

  /** The titles a search of the Plex library for this title finds, as the person browses it. */
  async inPlexLibrary(world: MediaNestWorld, name: string, title: string): Promise<string[]> {
    return expectData(await BrowseLibrary.look(world, name, 'a search for', title)).map((item: { title: string }) => item.title);
  },

  /** The searches the gateway asked of Overseerr. */
  searchesAskedOfOverseerr(world: MediaNestWorld) {
    return world.upstreams.overseerr.journal.calls('GET', '/api/v1/search');
  },

  /** The titles of the requests a list answered. */
  titlesListed(exchange: HttpExchange): string[] {
    return expectData(exchange).map((request: MediaRequest) => request.title);
  },

  /** A list's requests as "owner: title". */
  ownersAndTitles(exchange: HttpExchange): string[] {
    return expectData(exchange).map((request: MediaRequest) => `${request.requestedBy.username}: ${request.title}`);
  },

  /** A list page's titles, and its place among the pages. */
  listPage(exchange: HttpExchange) {
    const { page, total, totalPages } = exchange.response.body?.meta ?? {};
    return { titles: MediaRequests.titlesListed(exchange), page, total, totalPages };
  },

  /** The requests Overseerr holds for a title: who for, in what state, for which seasons. */
  inOverseerr(world: MediaNestWorld, title: string) {
    return RequestMedia.inOverseerr(world, title).map((request) => ({ for: request.requestedBy.plexUsername, state: OVERSEERR_STATES[request.status] ?? String(request.status), seasons: request.seasons.map((season) => season.seasonNumber) }));
  },

  /** The person's one request, as the list shows it. */
  async onlyRequestListed(world: MediaNestWorld, name: string) {
    const [request, ...more] = expectData(await RequestMedia.list(world, name));
    return { count: 1 + more.length, title: request?.title, status: request?.status, failedInTime: /did not answer in time/.test(request?.reason ?? '') };
  },

  /** What MediaNest sent Overseerr to create its one request. */
  creationSent(world: MediaNestWorld): unknown[] {
    return RequestMedia.creationCalls(world).map((call) => call.body);
  },

  /** The pages of its users Overseerr was asked for, as `take` and `skip`. */
  userPagesAsked(world: MediaNestWorld): Array<{ take?: string; skip?: string }> {
    return world.upstreams.overseerr.journal.calls('GET', '/api/v1/user').map(({ query }) => ({ take: query.take, skip: query.skip }));
  },

  /** The request just made, and whether it is linked to the one request Overseerr made for the title. */
  linkedToOverseerr(world: MediaNestWorld, name: string, title: string) {
    const request: MediaRequest = expectData(world.lastExchangeOf(name), 201);
    const made = RequestMedia.inOverseerr(world, title);
    return { status: request.status, overseerrRequests: made.length, linked: request.overseerrRequestId === made[0]?.id, madeFor: made[0]?.requestedBy.plexUsername };
  },
};
