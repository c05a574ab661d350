import type { HttpExchange } from '../api/exchange';
import { RateLimits } from '../tasks/rate-limits';

/** What a refusal for going over a limit says of the limit: its size, what is left, a reset within the minute, and no legacy X-RateLimit headers. */
export function limitRefusalSays(exchange: HttpExchange) {
  const { limit, remaining, reset } = RateLimits.headersOf(exchange);
  const legacyHeaders = Object.keys(exchange.response.headers).filter((name) => name.startsWith('x-ratelimit-'));
  return { limit, remaining, resetsWithinTheMinute: reset >= 1 && reset <= 60, legacyHeaders };
}
