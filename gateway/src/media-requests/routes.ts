import type { FastifyInstance, FastifyRequest } from 'fastify';
import { caller } from '../auth/guard';
import { ApiError, notFound } from '../http/errors';
import { noContent, ok } from '../http/envelope';
import { named } from '../http/named-plugin';
import { UPSTREAM_FAILURES } from '../http/route-contract';
import type { GatewayServices } from '../services';
import { OverseerrMediaStatus, type OverseerrSearchResult } from '../upstreams/overseerr';
import { adminMediaRequestRoutes } from './admin-routes';
import { MediaRequestCreation, type CreateInput } from './creation';
import { listed, type ListQuery } from './listing';
import type { MediaRequest, MediaRequestRepository } from './repository';
import {
  createBody, idempotencyHeaders, listQuery, presentRequest, requestIdParams, requestListReply, requestReply, searchQuery, searchReply,
} from './schemas';

/** Searching Overseerr and a person's own media requests (CONTRACT.md, "Media requests"). */
export async function mediaRequestRoutes(app: FastifyInstance, { services }: { services: GatewayServices }) {
  const { mediaRequests: requests, overseerr } = services;
  const creation = new MediaRequestCreation(services, requests, overseerr);

  app.get<{ Querystring: { query: string; page: number } }>('/media/search', {
    config: { refusals: UPSTREAM_FAILURES },
    schema: { operationId: 'searchMedia', summary: 'Search films and series to request', tags: ['media'], querystring: searchQuery, response: { 200: searchReply } },
  }, async (request) => {
    const found = await overseerr.search(request.query.query, request.query.page, request.id);
    const results = found.results.filter((result) => result.mediaType === 'movie' || result.mediaType === 'tv').map(presentResult);
    return ok(results, { page: found.page, totalPages: found.totalPages, totalResults: found.totalResults });
  });

  app.post<{ Body: CreateInput; Headers: { 'idempotency-key'?: string } }>('/media/requests', {
    config: { refusals: ['ALREADY_REQUESTED', 'OVERSEERR_ACCOUNT_MISSING', 'REQUEST_REFUSED', 'IDEMPOTENCY_KEY_REUSED', ...UPSTREAM_FAILURES] },
    schema: {
      operationId: 'createMediaRequest',
      summary: 'Request a film or a series (some seasons or all)',
      tags: ['media'],
      body: createBody,
      headers: idempotencyHeaders,
      response: { 201: requestReply },
    },
  }, async (request, reply) => {
    const created = await creation.create(caller(request).user, request.body, request.headers['idempotency-key'], request.id);
    if ('replay' in created) return reply.code(201).header('idempotent-replayed', 'true').type('application/json; charset=utf-8').send(created.replay);
    return reply.code(201).send(ok(presentRequest(created.request)));
  });

  app.get<{ Querystring: ListQuery }>('/media/requests', {
    schema: { operationId: 'listMediaRequests', summary: "The caller's own requests", tags: ['media'], querystring: listQuery, response: { 200: requestListReply } },
  }, async (request) => listed(requests, { ...request.query, userId: caller(request).user.id }));

  app.get<{ Params: { id: number } }>('/media/requests/:id', {
    config: { refusals: ['NOT_FOUND'] },
    schema: { operationId: 'getMediaRequest', summary: 'One request (its owner or an admin)', tags: ['media'], params: requestIdParams, response: { 200: requestReply } },
  }, async (request) => ok(presentRequest(await visibleTo(request, requests))));

  app.delete<{ Params: { id: number } }>('/media/requests/:id', {
    config: { refusals: ['NOT_FOUND', 'REQUEST_NOT_PENDING', ...UPSTREAM_FAILURES] },
    schema: {
      operationId: 'deleteMediaRequest',
      summary: 'Withdraw a request (its owner while pending, an admin always)',
      tags: ['media'],
      params: requestIdParams,
      response: { 204: noContent('Withdrawn, in Overseerr too') },
    },
  }, async (request, reply) => {
    const found = await visibleTo(request, requests);
    if (caller(request).user.role !== 'admin' && found.status !== 'pending') {
      throw new ApiError('REQUEST_NOT_PENDING', 'Only a request still waiting for approval can be withdrawn; ask an admin');
    }
    // Overseerr first: if it cannot forget the request, MediaNest keeps it too.
    if (found.overseerrRequestId !== null) await overseerr.deleteRequest(found.overseerrRequestId, request.id);
    await requests.remove(found.id);
    return reply.code(204).send();
  });

  await app.register(named(adminMediaRequestRoutes), { services, requests, overseerr });
}

/** The request, if its caller owns it or is an admin; anyone else is told it does not exist. */
async function visibleTo(request: FastifyRequest<{ Params: { id: number } }>, requests: MediaRequestRepository): Promise<MediaRequest> {
  const { user } = caller(request);
  const found = await requests.byId(request.params.id);
  if (!found || (found.userId !== user.id && user.role !== 'admin')) throw notFound('request');
  return found;
}

const AVAILABILITY: Record<number, string> = {
  [OverseerrMediaStatus.PENDING]: 'requested',
  [OverseerrMediaStatus.PROCESSING]: 'processing',
  [OverseerrMediaStatus.PARTIALLY_AVAILABLE]: 'partially_available',
  [OverseerrMediaStatus.AVAILABLE]: 'available',
};

function presentResult(result: OverseerrSearchResult) {
  const date = result.releaseDate ?? result.firstAirDate ?? '';
  return {
    tmdbId: result.id,
    mediaType: result.mediaType,
    title: result.title ?? result.name ?? '',
    year: /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : null,
    overview: result.overview ?? '',
    posterPath: result.posterPath ?? null,
    availability: AVAILABILITY[result.mediaInfo?.status ?? 0] ?? 'not_requested',
  };
}
