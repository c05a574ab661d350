import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canMove, REQUEST_STATUSES, statusOf, type RequestStatus } from '../src/media-requests/lifecycle';
import { OverseerrMediaStatus, OverseerrRequestStatus } from '../src/upstreams/overseerr';

const ALLOWED: Record<RequestStatus, RequestStatus[]> = {
  pending: ['approved', 'processing', 'available', 'declined', 'failed'],
  approved: ['processing', 'available', 'declined', 'failed'],
  processing: ['available'],
  available: [],
  declined: [],
  failed: [],
};

for (const from of REQUEST_STATUSES) {
  test(`from ${from} a request may move to ${ALLOWED[from].join(', ') || 'nothing'}`, () => {
    assert.deepEqual(REQUEST_STATUSES.filter((to) => canMove(from, to)), ALLOWED[from]);
  });
}

test("Overseerr's request and media statuses read as the gateway's", () => {
  const request = (status: number, media: number) => ({ id: 1, status, type: 'movie' as const, media: { tmdbId: 603, status: media }, requestedBy: { id: 2 } });
  assert.equal(statusOf(request(OverseerrRequestStatus.PENDING, OverseerrMediaStatus.PENDING)), 'pending');
  assert.equal(statusOf(request(OverseerrRequestStatus.APPROVED, OverseerrMediaStatus.PROCESSING)), 'approved');
  assert.equal(statusOf(request(OverseerrRequestStatus.APPROVED, OverseerrMediaStatus.AVAILABLE)), 'available');
  assert.equal(statusOf(request(OverseerrRequestStatus.DECLINED, OverseerrMediaStatus.UNKNOWN)), 'declined');
  assert.equal(statusOf(request(OverseerrRequestStatus.FAILED, OverseerrMediaStatus.PENDING)), 'failed');
});
