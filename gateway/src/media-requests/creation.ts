import { ApiError } from '../http/errors';
import { ok } from '../http/envelope';
import { UpstreamFailure } from '../resilience/upstream-failure';
import type { GatewayServices } from '../services';
import type { User } from '../store/users';
import { OverseerrRequestStatus, type CreateOutcome, type MediaType, type OverseerrApi, type OverseerrRequest, type Refusal } from '../upstreams/overseerr';
import { fingerprint, IdempotencyKeys } from './idempotency';
import { statusOf } from './lifecycle';
import { MediaRequestRepository, type MediaRequest } from './repository';
import { presentRequest } from './schemas';

export interface CreateInput {
  mediaType: MediaType;
  tmdbId: number;
  seasons?: number[];
}

/** A new request, or the first answer given to the same `Idempotency-Key` (JSON, to send as it is). */
export type Created = { request: MediaRequest } | { replay: string };

const TIMED_OUT = 'Overseerr did not answer in time, so whether it holds the request is unknown: ask again to check';

/**
 * Creating a request keeps MediaNest and Overseerr consistent (CONTRACT.md, "Media requests"):
 * a row is reserved under a unique constraint before Overseerr is called, so of two identical
 * requests only one reaches Overseerr; a refusal or an error removes the reservation; a timeout
 * keeps it as failed; asking again links a request Overseerr already holds instead of making another.
 */
export class MediaRequestCreation {
  constructor(
    private readonly services: GatewayServices,
    private readonly requests: MediaRequestRepository,
    private readonly overseerr: OverseerrApi,
  ) {}

  async create(user: User, input: CreateInput, key: string | undefined, correlationId: string): Promise<Created> {
    const { db, clock, config } = this.services;
    const print = fingerprint(input);
    const inFlight = () => new ApiError('ALREADY_REQUESTED', 'The same request is already on its way to Overseerr');
    const reserved = await db.transaction(async (tx): Promise<{ id: number } | { replay: string }> => {
      const keys = new IdempotencyKeys(tx);
      if (key !== undefined) {
        const known = await keys.check(user.id, key, print, clock.now());
        if (known.state === 'reused') throw new ApiError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with another request');
        if (known.state === 'answered') return { replay: known.response };
        if (known.state === 'in-flight') throw inFlight();
        if (!(await keys.claim(user.id, key, print, clock.now()))) throw inFlight();
      }
      const id = await new MediaRequestRepository(tx).reserve(user.id, input.mediaType, input.tmdbId, config.instanceName, clock.now());
      if (id === undefined) throw new ApiError('ALREADY_REQUESTED', 'You have already requested this title');
      return { id };
    });
    if ('replay' in reserved) return reserved;
    try {
      const found = await this.askOverseerr(user, input, reserved.id, correlationId);
      const request = await db.transaction(async (tx) => {
        const completed = await new MediaRequestRepository(tx).complete(reserved.id, found, clock.now());
        if (key !== undefined) await new IdempotencyKeys(tx).answer(user.id, key, JSON.stringify(ok(presentRequest(completed))));
        return completed;
      });
      return { request };
    } catch (error) {
      await db.transaction(async (tx) => {
        await new MediaRequestRepository(tx).discard(reserved.id);
        if (key !== undefined) await new IdempotencyKeys(tx).forget(user.id, key);
      });
      throw error;
    }
  }

  private async askOverseerr(user: User, input: CreateInput, reservation: number, correlationId: string) {
    const account = await this.overseerr.userFor(user, correlationId);
    if (!account) throw new ApiError('OVERSEERR_ACCOUNT_MISSING', 'Your Plex account has no Overseerr account: ask an admin to import it');
    const details = await this.overseerr.details(input.mediaType, input.tmdbId, correlationId);
    const title = details.title ?? details.name ?? '';
    // An earlier call that timed out may have created the request after all: link it rather than make a second.
    const earlier = await this.unlinked(details.mediaInfo?.requests ?? [], account.id);
    if (earlier) return held(earlier, title);
    let outcome: CreateOutcome;
    try {
      outcome = await this.overseerr.createRequest(account.id, input, correlationId);
    } catch (error) {
      if (error instanceof UpstreamFailure && error.code === 'UPSTREAM_TIMEOUT') await this.requests.fail(reservation, title, TIMED_OUT, this.services.clock.now());
      throw error;
    }
    if ('refused' in outcome) throw refusal(outcome.refused);
    return held(outcome.created, title);
  }

  /** The first of the account's live requests at Overseerr that no MediaNest request is linked to. */
  private async unlinked(requests: OverseerrRequest[], accountId: number): Promise<OverseerrRequest | undefined> {
    for (const request of requests) {
      if (request.requestedBy?.id !== accountId || request.status === OverseerrRequestStatus.DECLINED) continue;
      if (!(await this.requests.byOverseerrId(request.id))) return request;
    }
    return undefined;
  }
}

function held(request: OverseerrRequest, title: string) {
  const seasons = (request.seasons ?? []).map((season) => season.seasonNumber).sort((a, b) => a - b);
  return { title, seasons, status: statusOf(request), overseerrRequestId: request.id };
}

function refusal(reason: Refusal): ApiError {
  if (reason === 'over-quota') return new ApiError('REQUEST_REFUSED', "Overseerr refused the request: the account's request quota is used up");
  if (reason === 'not-permitted') return new ApiError('REQUEST_REFUSED', 'Overseerr refused the request: the account may not make this kind of request');
  if (reason === 'forbidden') return new ApiError('REQUEST_REFUSED', 'Overseerr refused the request without saying why');
  if (reason === 'nothing-left') return new ApiError('ALREADY_REQUESTED', 'Every season asked for is already requested or available');
  return new ApiError('ALREADY_REQUESTED', 'This title has already been requested');
}
