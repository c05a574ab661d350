import assert from 'node:assert/strict';
import type { Actor } from '../actor';
import type { HttpExchange } from '../api/exchange';
import { startNotesWith } from '../notes';
import { WEBHOOK_SECRET } from '../target/environment';
import type { MediaNestWorld } from '../world';

/** Endpoints that are never rate limited (CONTRACT.md, "Resilience and limits"), as a visitor calls them. */
export const UNLIMITED_ENDPOINTS: Record<string, (visitor: Actor) => Promise<HttpExchange>> = {
  'liveness check': (visitor) => visitor.api.getLiveness(),
  'readiness check': (visitor) => visitor.api.getReadiness(),
  'API description': (visitor) => visitor.api.getOpenApiDocument(),
  'Overseerr webhook': (visitor) =>
    visitor.api.receiveOverseerrNotification(
      { notification_type: 'TEST_NOTIFICATION', event: '', subject: 'Test Notification', message: '', image: '', media: null, request: null, issue: null, comment: null, extra: [] },
      { headers: { authorization: WEBHOOK_SECRET } },
    ),
};

/** What the rate-limit steps of one scenario tell each other (world.notes.rateLimits). */
export class RateLimitNotes {
  /** The calls sent together, whose answers the Then steps judge. */
  burst: HttpExchange[] = [];
}

declare module '../notes' {
  interface ScenarioNotes {
    rateLimits: RateLimitNotes;
  }
}
startNotesWith('rateLimits', () => new RateLimitNotes());

export const RateLimits = {
  lookAtSession(world: MediaNestWorld, name: string): Promise<HttpExchange> {
    return world.actor(name).api.getSession();
  },

  /** Calls `times` times, one after another: the answers. */
  async oneAfterAnother(times: number, call: () => Promise<HttpExchange>): Promise<HttpExchange[]> {
    const answers = [];
    for (let i = 0; i < times; i++) answers.push(await call());
    return answers;
  },

  /** Sends `times` calls at once and waits for every answer. */
  burst(times: number, call: () => Promise<HttpExchange>): Promise<HttpExchange[]> {
    return Promise.all(Array.from({ length: times }, call));
  },

  /** Calls until the limit refuses a call; returns how many were answered before that. */
  async useUp(call: () => Promise<HttpExchange>, atMost = 10_000): Promise<number> {
    for (let answered = 0; answered < atMost; answered++) {
      const exchange = await call();
      exchange.asserted = true;
      if (exchange.response.status === 429) return answered;
    }
    throw new Error(`${atMost} calls were all answered: no limit was reached`);
  },

  /** The draft-standard headers of a limited route (CONTRACT.md): the limit, what is left, seconds to the reset. */
  headersOf(exchange: HttpExchange): { limit: number; remaining: number; reset: number } {
    const { headers } = exchange.response;
    for (const name of ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset']) {
      assert.match(headers[name] ?? '', /^\d+$/, `${name} is missing from the answer to ${exchange.request.method} ${exchange.request.path}`);
    }
    return { limit: Number(headers['ratelimit-limit']), remaining: Number(headers['ratelimit-remaining']), reset: Number(headers['ratelimit-reset']) };
  },
};
