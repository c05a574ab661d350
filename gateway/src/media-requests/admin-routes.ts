import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError, notFound } from '../http/errors';
import { ok } from '../http/envelope';
import { UPSTREAM_FAILURES } from '../http/route-contract';
import type { GatewayServices } from '../services';
import type { OverseerrApi } from '../upstreams/overseerr';
import { announceStatus } from './announcements';
import type { MediaRequestRepository } from './repository';
import { listed, type ListQuery } from './listing';
import { declineBody, listQuery, presentRequest, requestIdParams, requestListReply, requestReply } from './schemas';

const DECISION_REFUSALS = ['NOT_FOUND', 'REQUEST_NOT_PENDING', ...UPSTREAM_FAILURES] as const;

type Decision = { Params: { id: number }; Body: { reason?: string } | undefined };

interface Options {
  services: GatewayServices;
  requests: MediaRequestRepository;
  overseerr: OverseerrApi;
}

/** Admins see every request and decide the pending ones, through Overseerr's own approve and decline. */
export async function adminMediaRequestRoutes(app: FastifyInstance, { services, requests, overseerr }: Options) {
  const { clock, events } = services;

  app.get<{ Querystring: ListQuery }>('/admin/media/requests', {
    config: { access: 'admin' },
    schema: { operationId: 'listAllMediaRequests', summary: "Every user's requests", tags: ['admin'], querystring: listQuery, response: { 200: requestListReply } },
  }, async (request) => listed(requests, request.query));

  const decide = (decision: 'approve' | 'decline') =>
    async (request: FastifyRequest<Decision>) => {
      const found = await requests.byId(request.params.id);
      if (!found) throw notFound('request');
      if (found.status !== 'pending' || found.overseerrRequestId === null) {
        throw new ApiError('REQUEST_NOT_PENDING', `Only a request waiting for approval can be ${decision}d`);
      }
      if (!(await overseerr.decide(found.overseerrRequestId, decision, request.id))) throw notFound('request in Overseerr');
      const to = decision === 'approve' ? 'approved' : 'declined';
      // Overseerr's decline takes no reason: the gateway keeps the admin's
      const moved = await requests.transition(found.id, to, clock.now(), decision === 'decline' ? request.body?.reason : undefined);
      if (moved) announceStatus(events, moved.request, moved.previous, clock.now());
      return ok(presentRequest(moved?.request ?? (await requests.byId(found.id))!));
    };

  app.post<Decision>('/admin/media/requests/:id/approve', {
    config: { access: 'admin', refusals: DECISION_REFUSALS },
    schema: { operationId: 'approveMediaRequest', summary: 'Approve a pending request', tags: ['admin'], params: requestIdParams, response: { 200: requestReply } },
  }, decide('approve'));

  app.post<Decision>('/admin/media/requests/:id/decline', {
    config: { access: 'admin', refusals: DECISION_REFUSALS },
    // the reason is optional, and so is a body to carry it
    preValidation: async (request) => {
      request.body ??= {};
    },
    schema: {
      operationId: 'declineMediaRequest',
      summary: 'Decline a pending request, with a reason or none',
      tags: ['admin'],
      params: requestIdParams,
      body: declineBody,
      response: { 200: requestReply },
    },
  }, decide('decline'));
}
