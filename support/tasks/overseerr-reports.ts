import { defineParameterType } from '@cucumber/cucumber';
import { checkedAgainstContract, type HttpExchange } from '../api/exchange';
import { API_BASE_PATH } from '../api/medianest-api';
import { expectData } from '../checks/answers';
import { expect } from '../checks/chai';
import { phrasesOf } from '../parameter-types';
import { WEBHOOK_SECRET } from '../target/environment';
import type { MediaRequest } from '../upstreams/overseerr/model';
import { postWebhook } from '../upstreams/overseerr/webhook';
import type { MediaNestWorld } from '../world';
import { RequestMedia } from './request-media';

export const WEBHOOK_PATH = `${API_BASE_PATH}/webhooks/overseerr`;

/** Who sends the webhook, as the report and the assertions name it. */
export const OVERSEERR = 'Overseerr';

export interface Delivery {
  /** The Authorization header as sent; undefined sends none. The configured secret by default. */
  authorization?: string;
  /** A body to send instead of the notification Overseerr would write. */
  body?: unknown;
}

/**
 * Overseerr telling MediaNest what became of a request: its model changes first (a title becomes
 * available, so Plex holds it), then its webhook agent makes a real HTTP call to the gateway.
 */
export const OverseerrReports = {
  /** Overseerr's latest request for the title, as Overseerr holds it. */
  requestFor(world: MediaNestWorld, title: string): MediaRequest {
    const request = RequestMedia.inOverseerr(world, title).at(-1);
    expect(request, `Overseerr's request for "${title}"`).to.not.equal(undefined);
    return request!;
  },

  /** The title reached Plex: Overseerr marks it available and notifies. */
  available(world: MediaNestWorld, title: string, delivery: Delivery = {}): Promise<HttpExchange> {
    const { mediaType, tmdbId } = RequestMedia.title(world, title);
    const request = OverseerrReports.requestFor(world, title);
    world.upstreams.overseerr.model.markAvailable(tmdbId, mediaType);
    return OverseerrReports.send(world, 'MEDIA_AVAILABLE', request, delivery);
  },

  /** An admin decided in Overseerr's own interface; Overseerr notifies. */
  decided(world: MediaNestWorld, title: string, notification: 'MEDIA_APPROVED' | 'MEDIA_DECLINED', delivery: Delivery = {}): Promise<HttpExchange> {
    const request = OverseerrReports.requestFor(world, title);
    const { overseerr } = world.upstreams;
    overseerr.model.setStatus(request, notification === 'MEDIA_APPROVED' ? 2 : 3, overseerr.model.user(1)!);
    return OverseerrReports.send(world, notification, request, delivery);
  },

  /** Radarr or Sonarr gave up on the title; Overseerr notifies. */
  failed(world: MediaNestWorld, title: string): Promise<HttpExchange> {
    const { mediaType, tmdbId } = RequestMedia.title(world, title);
    return OverseerrReports.send(world, 'MEDIA_FAILED', world.upstreams.overseerr.model.markFailed(tmdbId, mediaType));
  },

  /** One notification as Overseerr's webhook agent sends it, recorded with the scenario's exchanges. */
  async send(world: MediaNestWorld, notification: string, request?: MediaRequest, delivery: Delivery = {}): Promise<HttpExchange> {
    const body = 'body' in delivery ? delivery.body : world.upstreams.overseerr.payloadFor(notification, request);
    const authorization = 'authorization' in delivery ? delivery.authorization : WEBHOOK_SECRET;
    const started = performance.now();
    const at = world.clock.now();
    const reply = await postWebhook(`${await world.gatewayUrl()}${WEBHOOK_PATH}`, authorization, body);
    const exchange = checkedAgainstContract({
      actor: OVERSEERR,
      request: { method: 'POST', path: WEBHOOK_PATH, headers: shownAuthorization(authorization), body },
      response: { status: reply.status, headers: reply.headers, text: reply.body, body: parse(reply.body) },
      durationMs: performance.now() - started,
      at,
      realAt: started,
      asserted: false,
    });
    world.exchanges.push(exchange);
    return exchange;
  },
};

/** Authorization values a notification may carry, by the words the features use (undefined: none at all): {webhookAuthorization}. */
const AUTHORIZATIONS: Record<string, string | undefined> = {
  'with no credentials': undefined,
  'with an empty secret': '',
  'with the usual secret': WEBHOOK_SECRET,
  'with a guessed secret': 'Bearer medianest',
  'with the secret in other case': WEBHOOK_SECRET.toLowerCase() === WEBHOOK_SECRET ? WEBHOOK_SECRET.toUpperCase() : WEBHOOK_SECRET.toLowerCase(),
};
defineParameterType({ name: 'webhookAuthorization', regexp: phrasesOf(AUTHORIZATIONS), transformer: (words: string): Delivery => ({ authorization: AUTHORIZATIONS[words] }) });

/** Bodies that are not Overseerr's webhook, by the words the features use: {notOverseerrsBody}. */
const NOT_OVERSEERRS: Record<string, (world: MediaNestWorld) => unknown> = {
  'a notification without its type': (world) => ({ ...world.upstreams.overseerr.payloadFor('TEST_NOTIFICATION'), notification_type: undefined }),
  'a request id written as a number': (world) => ({ ...world.upstreams.overseerr.payloadFor('TEST_NOTIFICATION'), notification_type: 'MEDIA_APPROVED', request: { request_id: 1 } }),
  'a list instead of a notification': (world) => [world.upstreams.overseerr.payloadFor('TEST_NOTIFICATION')],
  'malformed JSON': () => '{"notification_type": "MEDIA_AVAILABLE", "request": {',
};
defineParameterType({ name: 'notOverseerrsBody', regexp: phrasesOf(NOT_OVERSEERRS), transformer: (words: string) => NOT_OVERSEERRS[words]! });

/** Notifications that have been sent and accepted, with the request noted as its owner saw it after the first. */
export const OverseerrHasReported = {
  async available(world: MediaNestWorld, title: string): Promise<void> {
    expect(await OverseerrReports.available(world, title)).to.be.answered(204);
    await noteAfterFirst(world, title, 'available');
  },

  async decided(world: MediaNestWorld, title: string, decision: 'approve' | 'decline'): Promise<void> {
    expect(await OverseerrReports.decided(world, title, decision === 'approve' ? 'MEDIA_APPROVED' : 'MEDIA_DECLINED')).to.be.answered(204);
    await noteAfterFirst(world, title, `${decision}d`);
  },

  async failed(world: MediaNestWorld, title: string): Promise<void> {
    expect(await OverseerrReports.failed(world, title)).to.be.answered(204);
    await noteAfterFirst(world, title, 'failed');
  },
};

/** Notes the request as its owner sees it once the first notification moved it to `status`. */
async function noteAfterFirst(world: MediaNestWorld, title: string, status: string): Promise<void> {
  const owner = OverseerrReports.requestFor(world, title).requestedBy.plexUsername;
  const request: { status: string } = expectData(await RequestMedia.look(world, owner, title));
  expect(request.status, 'the status the first notification moved the request to').to.equal(status);
  world.notes.mediaRequests.afterFirstNotification = request;
}

/** The report never shows the secret itself. */
function shownAuthorization(authorization: string | undefined): Record<string, string> {
  if (authorization === undefined) return {};
  return { authorization: authorization === WEBHOOK_SECRET ? '(the configured secret)' : '(another value)' };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
