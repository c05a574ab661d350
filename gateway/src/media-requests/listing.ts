import { ok } from '../http/envelope';
import type { MediaType } from '../upstreams/overseerr';
import type { RequestStatus } from './lifecycle';
import type { MediaRequestRepository } from './repository';
import { presentRequest } from './schemas';

export interface ListQuery {
  status?: RequestStatus;
  mediaType?: MediaType;
  page: number;
  pageSize: number;
}

/** One page of requests, oldest first, with the paging meta of CONTRACT.md. */
export async function listed(requests: MediaRequestRepository, filter: ListQuery & { userId?: number }) {
  const { items, total } = await requests.list(filter);
  return ok(items.map(presentRequest), { page: filter.page, pageSize: filter.pageSize, total, totalPages: Math.ceil(total / filter.pageSize) });
}
