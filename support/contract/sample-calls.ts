import type { Actor } from '../actor';
import { API_BASE_PATH } from '../api/medianest-api';
import { expectData } from '../checks/answers';
import { WEBHOOK_SECRET } from '../target/environment';
import type { UpstreamName } from '../upstreams/fake-upstream';
import type { MediaNestWorld } from '../world';

/** One call of an operation, as a sweep sends it. */
export interface SampleCall {
  caller: Actor;
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** How to call an operation of the contract so that it reaches its handler, in a sweep's world. */
export interface OperationSample {
  /** Who calls it: an admin for admin operations, Bob for the rest, Cleo for signing out. */
  caller: 'Ada' | 'Bob' | 'Cleo' | 'a visitor' | 'Overseerr';
  call(world: MediaNestWorld, ids: SweepIds): Pick<SampleCall, 'method' | 'path' | 'body' | 'headers'>;
  /** The upstream the operation needs, if any. */
  upstream?: UpstreamName;
}

/** What exists when a sweep runs: Bob's pending request, a PIN the gateway asked plex.tv for, Bob's account. */
export interface SweepIds {
  request: number;
  pin: number;
  bob: number;
  /** Replaces every id with one that does not exist. */
  missing: boolean;
}

const API = API_BASE_PATH;
const get = (path: string) => ({ method: 'GET', path: API + path });
const post = (path: string, body?: unknown) => ({ method: 'POST', path: API + path, body });
const NOWHERE = 999_999_999;

/** Every operation of support/contract/openapi.json, by operationId (a sweep fails on one it does not know). */
export const SAMPLES: Record<string, OperationSample> = {
  getLiveness: { caller: 'a visitor', call: () => get('/health') },
  getReadiness: { caller: 'a visitor', call: () => get('/health/ready') },
  getOpenApiDocument: { caller: 'a visitor', call: () => get('/openapi.json') },
  createPin: { caller: 'a visitor', upstream: 'plex-tv', call: () => post('/auth/plex/pin', {}) },
  verifyPin: { caller: 'a visitor', upstream: 'plex-tv', call: (_, ids) => post('/auth/plex/verify', { pinId: ids.missing ? NOWHERE : ids.pin }) },
  getSession: { caller: 'Bob', call: () => get('/auth/session') },
  logout: { caller: 'Cleo', call: () => post('/auth/logout') },
  listUsers: { caller: 'Ada', call: () => get('/admin/users') },
  changeUserRole: { caller: 'Ada', call: (_, ids) => ({ method: 'PATCH', path: `${API}/admin/users/${ids.missing ? NOWHERE : ids.bob}/role`, body: { role: 'user' } }) },
  searchMedia: { caller: 'Bob', upstream: 'overseerr', call: () => get('/media/search?query=matrix') },
  createMediaRequest: { caller: 'Bob', upstream: 'overseerr', call: () => post('/media/requests', { mediaType: 'movie', tmdbId: 27205 }) },
  listMediaRequests: { caller: 'Bob', call: () => get('/media/requests') },
  getMediaRequest: { caller: 'Bob', call: (_, ids) => get(`/media/requests/${ids.missing ? NOWHERE : ids.request}`) },
  deleteMediaRequest: { caller: 'Bob', upstream: 'overseerr', call: (_, ids) => ({ method: 'DELETE', path: `${API}/media/requests/${ids.missing ? NOWHERE : ids.request}` }) },
  listAllMediaRequests: { caller: 'Ada', call: () => get('/admin/media/requests') },
  approveMediaRequest: { caller: 'Ada', upstream: 'overseerr', call: (_, ids) => post(`/admin/media/requests/${ids.missing ? NOWHERE : ids.request}/approve`) },
  declineMediaRequest: { caller: 'Ada', upstream: 'overseerr', call: (_, ids) => post(`/admin/media/requests/${ids.missing ? NOWHERE : ids.request}/decline`, { reason: 'Not now' }) },
  receiveOverseerrNotification: {
    caller: 'Overseerr',
    call: () => ({ ...post('/webhooks/overseerr', { notification_type: 'TEST_NOTIFICATION' }), headers: { authorization: WEBHOOK_SECRET } }),
  },
  listLibraries: { caller: 'Bob', upstream: 'plex-server', call: () => get('/plex/libraries') },
  listLibraryItems: { caller: 'Bob', upstream: 'plex-server', call: (_, ids) => get(`/plex/libraries/${ids.missing ? 999 : 1}/items`) },
  searchLibrary: { caller: 'Bob', upstream: 'plex-server', call: () => get('/plex/search?query=matrix') },
  listRecentlyAdded: { caller: 'Bob', upstream: 'plex-server', call: () => get('/plex/recently-added') },
  listCollections: { caller: 'Bob', upstream: 'plex-server', call: (_, ids) => get(`/plex/libraries/${ids.missing ? 999 : 1}/collections`) },
  refreshLibrary: { caller: 'Ada', upstream: 'plex-server', call: (_, ids) => post(`/admin/plex/libraries/${ids.missing ? 999 : 1}/refresh`) },
  getServiceStatus: { caller: 'Bob', call: () => get('/dashboard/status') },
  listBreakers: { caller: 'Ada', call: () => get('/admin/resilience') },
  resetBreaker: { caller: 'Ada', call: (_, ids) => post(`/admin/resilience/${ids.missing ? 'nowhere' : 'overseerr'}/reset`) },
  createDownload: { caller: 'Bob', call: () => post('/youtube/downloads', { url: 'https://youtu.be/normalVideo' }) },
  listDownloads: { caller: 'Bob', call: () => get('/youtube/downloads') },
  // no download exists in a sweep: these reach their handler and find nothing, and no stream stays open
  getDownload: { caller: 'Bob', call: () => get(`/youtube/downloads/${NOWHERE}`) },
  cancelDownload: { caller: 'Bob', call: () => ({ method: 'DELETE', path: `${API}/youtube/downloads/${NOWHERE}` }) },
  followDownloadEvents: { caller: 'Bob', call: () => get(`/youtube/downloads/${NOWHERE}/events`) },
};

/** The sample of an operation; fails the step for one the table does not know yet. */
export function sampleOf(operationId: string): OperationSample {
  const sample = SAMPLES[operationId];
  if (!sample) throw new Error(`support/contract/sample-calls.ts does not say how to call ${operationId}`);
  return sample;
}

/** Makes what the samples name: Bob's pending request and a PIN the gateway asked plex.tv for. */
export async function prepareSweep(world: MediaNestWorld): Promise<SweepIds> {
  const bob = world.actor('Bob');
  const request = expectData(await bob.call('POST', `${API}/media/requests`, { body: { mediaType: 'movie', tmdbId: 603 } }), 201);
  const pin = expectData(await world.visitor.call('POST', `${API}/auth/plex/pin`, { body: {} }), 201);
  return { request: request.id, pin: pin.id, bob: bob.signedIn().user.id, missing: false };
}
