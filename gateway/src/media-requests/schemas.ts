import { arrayOf, enumOf, envelope, integer, nullable, object, pageNumber, recordId, string, type Schema } from '../http/envelope';
import { REQUEST_STATUSES } from './lifecycle';
import type { MediaRequest } from './repository';

const mediaType = enumOf('movie', 'tv');

export const requestSchema: Schema = object({
  id: integer,
  tmdbId: integer,
  mediaType,
  title: string,
  seasons: arrayOf(integer),
  status: enumOf(...REQUEST_STATUSES),
  overseerrRequestId: nullable(integer),
  requestedBy: object({ id: integer, username: string }),
  reason: nullable(string),
  createdAt: string,
  updatedAt: string,
});

/** A request as the API shows it; `reason` says why it failed or was declined. */
export function presentRequest(request: MediaRequest) {
  return {
    id: request.id,
    tmdbId: request.tmdbId,
    mediaType: request.mediaType,
    title: request.title,
    seasons: request.seasons,
    status: request.status,
    overseerrRequestId: request.overseerrRequestId,
    requestedBy: { id: request.userId, username: request.username },
    reason: request.reason,
    createdAt: new Date(request.createdAt).toISOString(),
    updatedAt: new Date(request.updatedAt).toISOString(),
  };
}

const tmdbId: Schema = { type: 'integer', minimum: 1, maximum: 2_147_483_647 };
const season: Schema = { type: 'integer', minimum: 1, maximum: 1000 };

/**
 * Only what a person chooses: the id, status and owner of a request are the gateway's to set. A
 * film has no seasons; a series may name some (none: all of them). The discriminator makes the
 * validator check only the branch `mediaType` names, so a refusal names that branch's fields.
 */
export const createBody: Schema = {
  type: 'object',
  required: ['mediaType'],
  discriminator: { propertyName: 'mediaType' },
  oneOf: [
    object({ mediaType: { type: 'string', const: 'movie' }, tmdbId }),
    object(
      { mediaType: { type: 'string', const: 'tv' }, tmdbId, seasons: { type: 'array', items: season, minItems: 1, maxItems: 100, uniqueItems: true } },
      ['mediaType', 'tmdbId'],
    ),
  ],
};

export const idempotencyHeaders: Schema = {
  type: 'object',
  properties: { 'idempotency-key': { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' } },
};

export const requestIdParams: Schema = object({ id: recordId });

export const listQuery: Schema = object(
  {
    status: enumOf(...REQUEST_STATUSES),
    mediaType,
    page: pageNumber,
    pageSize: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  },
  [],
);

export const declineBody: Schema = object({ reason: { type: 'string', minLength: 1, maxLength: 500 } }, []);

export const requestReply = envelope(requestSchema);
export const requestListReply = envelope(arrayOf(requestSchema), object({ page: integer, pageSize: integer, total: integer, totalPages: integer }));

export const searchQuery: Schema = object(
  { query: { type: 'string', minLength: 1, maxLength: 200 }, page: { type: 'integer', minimum: 1, maximum: 1000, default: 1 } },
  ['query'],
);

export const searchResult: Schema = object({
  tmdbId: integer,
  mediaType,
  title: string,
  year: nullable(integer),
  overview: string,
  posterPath: nullable(string),
  availability: enumOf('not_requested', 'requested', 'processing', 'partially_available', 'available'),
});

export const searchReply = envelope(arrayOf(searchResult), object({ page: integer, totalPages: integer, totalResults: integer }));
