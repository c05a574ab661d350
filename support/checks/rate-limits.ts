import { expect } from './chai';
import type { HttpExchange } from '../api/exchange';
import { expectError, expectStatus } from './answers';
import { RateLimits } from '../tasks/rate-limits';
import type { MediaNestWorld } from '../world';

const statusesOf = (burst: HttpExchange[]) => [...new Set(burst.map((exchange) => exchange.response.status))].join(', ');

/** Questions about the gateway's request limits, answered from the answers to a burst of calls. */
export const RateLimitChecks = {
  usedUpAfter(world: MediaNestWorld, name: string, answered: number): void {
    const limit = Number(world.env.RATE_LIMIT_USER_PER_MINUTE ?? 300);
    expect(answered, `Expected ${name} to be answered ${limit} times in the minute before the limit, but was answered ${answered} times`).to.equal(limit);
  },

  answeredAndRefused(world: MediaNestWorld, answered: number, refused: number): void {
    const { burst } = world.notes.rateLimits;
    const counts = [burst.filter((exchange) => exchange.response.status === 200).length, burst.filter((exchange) => exchange.response.status === 429).length];
    expect(counts, `Expected ${answered} answered and ${refused} refused, but the answers were ${statusesOf(burst)}`).to.deep.equal([answered, refused]);
    burst.filter((exchange) => exchange.response.status === 429).forEach((exchange) => expectError(exchange, 429, 'RATE_LIMITED'));
  },

  /** Every answer names the limit and a reset within the minute; each admitted call used one, so the counts left run limit-1 down to 0, each once. */
  everyAnswerCounts(world: MediaNestWorld): void {
    const { burst } = world.notes.rateLimits;
    const limit = Number(world.env.RATE_LIMIT_USER_PER_MINUTE);
    const headers = burst.map((exchange) => RateLimits.headersOf(exchange));
    expect(headers.filter((told) => told.limit !== limit || told.reset < 1 || told.reset > 60), `Expected every answer to say the minute allows ${limit} and resets within it`).to.deep.equal([]);
    const admitted = burst.length - burst.filter((exchange) => exchange.response.status === 429).length;
    const left = headers.filter((_, i) => burst[i]!.response.status === 200).map((told) => told.remaining).sort((a, b) => a - b);
    expect(left, 'Expected each admitted call to use one request of the minute').to.deep.equal(Array.from({ length: admitted }, (_, i) => i));
  },

  /** Every refusal's Retry-After is the seconds until the minute resets, as its RateLimit-Reset says. */
  everyRefusalSaysWhen(world: MediaNestWorld): void {
    const refusals = world.notes.rateLimits.burst.filter((exchange) => exchange.response.status === 429);
    const told = refusals.map(({ response }) => ({ retryAfter: Number(response.headers['retry-after']), reset: Number(response.headers['ratelimit-reset']) }));
    expect(told.filter(({ retryAfter, reset }) => !(retryAfter >= 1 && retryAfter <= 60 && retryAfter === reset)), 'Expected every refusal to say to retry when the minute resets').to.deep.equal([]);
  },

  noneRefused(world: MediaNestWorld): void {
    for (const exchange of world.notes.rateLimits.burst) {
      exchange.asserted = true;
      expect(exchange.response.status, `Expected ${exchange.request.method} ${exchange.request.path} not to be refused, but it was answered ${exchange.response.status}`).to.be.below(400);
      expect(exchange.response.headers['ratelimit-limit'], 'Expected an unlimited endpoint to carry no RateLimit headers').to.equal(undefined);
    }
  },

  /** The answer's limit and what is left, or (with `left` undefined) the seconds to the reset. */
  told(exchange: HttpExchange, expected: Partial<ReturnType<typeof RateLimits.headersOf>>): void {
    expectStatus(exchange, 200);
    const told = RateLimits.headersOf(exchange);
    const picked = Object.fromEntries(Object.keys(expected).map((key) => [key, told[key as keyof typeof told]]));
    expect(picked, `Expected the answer to say ${JSON.stringify(expected)}`).to.deep.equal(expected);
  },
};
