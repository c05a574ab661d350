import assert from 'node:assert/strict';
import { checkedAgainstContract, type HttpExchange } from '../api/exchange';
import { WEBHOOK_SECRET } from '../target/environment';
import type { MediaRequest } from '../upstreams/overseerr/model';
import { postWebhook } from '../upstreams/overseerr/webhook';
import type { MediaNestWorld } from '../world';
import { RequestMedia } from './request-media';

export const WEBHOOK_PATH = '/api/v1/webhooks/overseerr';

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
    assert.ok(request, `Overseerr holds no request for "${title}"`);
    return request;
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
