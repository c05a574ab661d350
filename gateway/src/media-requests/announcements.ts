import type { GatewayEvents } from '../realtime/events';
import type { RequestStatus } from './lifecycle';
import type { MediaRequest } from './repository';

/** Tells the request's owner (and every admin) that it moved. */
export function announceStatus(events: GatewayEvents, request: MediaRequest, previous: RequestStatus, now: number): void {
  events.publish({
    topic: 'requests',
    type: 'request.status',
    data: { requestId: request.id, title: request.title, status: request.status, previous, at: new Date(now).toISOString() },
    audience: { userId: request.userId },
  });
}
