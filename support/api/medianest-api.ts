import { contractDocument } from '../contract/document';
import type { HttpExchange } from './exchange';

/** Everything a call may add: its body, its own headers, and the two ways a request leaves the usual path. */
export interface CallOptions {
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string or bytes are sent as they are (for malformed bodies). */
  body?: unknown;
  /** Sent outside the contract on purpose (an unknown route, a wrong method, a malformed body). */
  outOfContract?: boolean;
  /** Sends the session cookies but not the CSRF header, as a forged cross-site request would. */
  withoutCsrf?: boolean;
}

/** Sends one request as a person: the method, the whole path, and what it carries. */
export type SendsRequests = (method: string, path: string, options?: CallOptions) => Promise<HttpExchange>;

/** The contract's base path (the `servers` URL of support/contract/openapi.json). */
export const API_BASE_PATH = contractDocument().servers?.[0]?.url ?? '';

type Query = Record<string, string | number | undefined>;
type Id = number | string;
export type Upstream = 'plex-tv' | 'plex-server' | 'overseerr' | 'uptime-kuma';
export type MediaType = 'movie' | 'tv';

export interface NewMediaRequest {
  mediaType: MediaType;
  tmdbId: number;
  seasons?: number[];
}

/**
 * The MediaNest API as its contract names it: one method per operationId of
 * support/contract/openapi.json, each answering the recorded exchange. `unlisted` sends what the
 * contract does not describe (an address it does not have, a method a route does not take).
 */
export class MediaNestApi {
  constructor(private readonly send: SendsRequests) {}

  getLiveness = (options?: CallOptions) => this.get('/health', {}, options);
  getReadiness = (options?: CallOptions) => this.get('/health/ready', {}, options);
  getOpenApiDocument = (options?: CallOptions) => this.get('/openapi.json', {}, options);

  createPin = (body: { clientName?: string } = { clientName: 'MediaNest Web' }, options?: CallOptions) => this.write('POST', '/auth/plex/pin', body, options);
  verifyPin = (body: { pinId: unknown }, options?: CallOptions) => this.write('POST', '/auth/plex/verify', body, options);
  getSession = (options?: CallOptions) => this.get('/auth/session', {}, options);
  logout = (options?: CallOptions) => this.write('POST', '/auth/logout', undefined, options);

  listUsers = (options?: CallOptions) => this.get('/admin/users', {}, options);
  changeUserRole = (id: Id, role: string, options?: CallOptions) => this.write('PATCH', `/admin/users/${id}/role`, { role }, options);

  searchMedia = (query: { query: string; page?: number }, options?: CallOptions) => this.get('/media/search', query, options);
  createMediaRequest = (body: NewMediaRequest, { idempotencyKey, ...options }: CallOptions & { idempotencyKey?: string } = {}) =>
    this.write('POST', '/media/requests', body, { ...options, headers: { ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}), ...options.headers } });
  listMediaRequests = (query: Query = {}, options?: CallOptions) => this.get('/media/requests', query, options);
  getMediaRequest = (id: Id, options?: CallOptions) => this.get(`/media/requests/${id}`, {}, options);
  deleteMediaRequest = (id: Id, options?: CallOptions) => this.write('DELETE', `/media/requests/${id}`, undefined, options);
  listAllMediaRequests = (query: Query = {}, options?: CallOptions) => this.get('/admin/media/requests', query, options);
  approveMediaRequest = (id: Id, options?: CallOptions) => this.write('POST', `/admin/media/requests/${id}/approve`, undefined, options);
  declineMediaRequest = (id: Id, body?: { reason?: string }, options?: CallOptions) => this.write('POST', `/admin/media/requests/${id}/decline`, body, options);
  receiveOverseerrNotification = (body: unknown, options?: CallOptions) => this.write('POST', '/webhooks/overseerr', body, options);

  listLibraries = (options?: CallOptions) => this.get('/plex/libraries', {}, options);
  listLibraryItems = (key: Id, query: { offset?: number; limit?: number } = {}, options?: CallOptions) => this.get(`/plex/libraries/${key}/items`, query, options);
  searchLibrary = (query: { query: string }, options?: CallOptions) => this.get('/plex/search', query, options);
  listRecentlyAdded = (query: { limit?: number } = {}, options?: CallOptions) => this.get('/plex/recently-added', query, options);
  listCollections = (key: Id, options?: CallOptions) => this.get(`/plex/libraries/${key}/collections`, {}, options);
  refreshLibrary = (key: Id, options?: CallOptions) => this.write('POST', `/admin/plex/libraries/${key}/refresh`, undefined, options);

  getServiceStatus = (options?: CallOptions) => this.get('/dashboard/status', {}, options);
  listBreakers = (options?: CallOptions) => this.get('/admin/resilience', {}, options);
  resetBreaker = (upstream: Upstream | string, options?: CallOptions) => this.write('POST', `/admin/resilience/${encodeURIComponent(upstream)}/reset`, undefined, options);

  createDownload = (body: { url: unknown; format?: string; quality?: string }, options?: CallOptions) => this.write('POST', '/youtube/downloads', body, options);
  listDownloads = (query: Query = {}, options?: CallOptions) => this.get('/youtube/downloads', query, options);
  getDownload = (id: Id, options?: CallOptions) => this.get(`/youtube/downloads/${id}`, {}, options);
  cancelDownload = (id: Id, options?: CallOptions) => this.write('DELETE', `/youtube/downloads/${id}`, undefined, options);
  /** The whole event stream of a download that has ended (a live one is followed with support/drivers/sse.ts). */
  followDownloadEvents = (id: Id, options?: CallOptions) => this.get(`/youtube/downloads/${id}/events`, {}, { ...options, headers: { accept: 'text/event-stream', ...options?.headers } });

  /** A request the contract does not describe, at a path under the API's base path. */
  unlisted = (method: string, path: string, options?: CallOptions) => this.send(method, API_BASE_PATH + path, { ...options, outOfContract: true });

  private get(path: string, query: Query, options?: CallOptions): Promise<HttpExchange> {
    const defined = Object.entries(query).filter((entry): entry is [string, string | number] => entry[1] !== undefined);
    const search = new URLSearchParams(defined.map(([name, value]) => [name, String(value)])).toString();
    return this.send('GET', `${API_BASE_PATH}${path}${search ? `?${search}` : ''}`, options);
  }

  private write(method: string, path: string, body: unknown, options: CallOptions = {}): Promise<HttpExchange> {
    return this.send(method, API_BASE_PATH + path, body === undefined ? options : { body, ...options });
  }
}

/** The operationIds the client answers to (checked against the contract by test/api/client.test.ts). */
export function operationsOfClient(): string[] {
  const api = new MediaNestApi(() => Promise.reject(new Error('not sent')));
  return Object.keys(api).filter((name) => name !== 'send' && name !== 'unlisted');
}
