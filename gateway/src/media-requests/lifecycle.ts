import { OverseerrMediaStatus, OverseerrRequestStatus, type OverseerrRequest } from '../upstreams/overseerr';

export type RequestStatus = 'pending' | 'approved' | 'processing' | 'available' | 'declined' | 'failed';

export const REQUEST_STATUSES: RequestStatus[] = ['pending', 'approved', 'processing', 'available', 'declined', 'failed'];

/** The way forward; declined and failed end a request from pending or approved (CONTRACT.md, "Media requests"). */
const FORWARD: RequestStatus[] = ['pending', 'approved', 'processing', 'available'];
const FINAL: RequestStatus[] = ['available', 'declined', 'failed'];

/** Whether a request may move from one status to another: forward only, never out of a final status. */
export function canMove(from: RequestStatus, to: RequestStatus): boolean {
  if (FINAL.includes(from)) return false;
  if (to === 'declined' || to === 'failed') return from === 'pending' || from === 'approved';
  return FORWARD.indexOf(to) > FORWARD.indexOf(from);
}

/** The status of a request Overseerr holds, in the gateway's words. */
export function statusOf(request: OverseerrRequest): RequestStatus {
  switch (request.status) {
    case OverseerrRequestStatus.PENDING:
      return 'pending';
    case OverseerrRequestStatus.DECLINED:
      return 'declined';
    case OverseerrRequestStatus.FAILED:
      return 'failed';
    default:
      return request.media?.status === OverseerrMediaStatus.AVAILABLE ? 'available' : 'approved';
  }
}

/** The webhook notifications that move a request, and where to (anything else changes nothing). */
export const WEBHOOK_MOVES: Record<string, RequestStatus> = {
  MEDIA_PENDING: 'pending',
  MEDIA_APPROVED: 'approved',
  MEDIA_AUTO_APPROVED: 'approved',
  MEDIA_DECLINED: 'declined',
  MEDIA_AVAILABLE: 'available',
  MEDIA_FAILED: 'failed',
};
