import type { HttpExchange } from '../api/exchange';
import { expect } from './chai';

/** Questions about a refusal beyond its code: what it names, and when to come back. */
export const Refusals = {
  /** The service a refusal with this code blames (after checking the refusal itself). */
  serviceBlamed(exchange: HttpExchange, code: string): string | undefined {
    expect(exchange).to.be.refusedWith(code);
    return exchange.response.body.error.details?.service;
  },

  /** What a refusal with this code says, in words (after checking the refusal itself). */
  said(exchange: HttpExchange, code: string): string {
    expect(exchange).to.be.refusedWith(code);
    return exchange.response.body.error.message;
  },

  /** The fields a validation refusal names. */
  fieldsNamed(exchange: HttpExchange): string[] {
    return exchange.response.body?.error?.details?.fields?.map((named: { field: string }) => named.field) ?? [];
  },

  /** Each field a validation refusal names, with what it says is wrong with it. */
  problemsNamed(exchange: HttpExchange): Array<{ field: string; problem: string }> {
    return exchange.response.body?.error?.details?.fields?.map(({ field, problem }: { field: string; problem: string }) => ({ field, problem })) ?? [];
  },

  /** The seconds Retry-After asks for; NaN when it is not a whole number of seconds. */
  retryAfterSeconds(exchange: HttpExchange): number {
    const header = exchange.response.headers['retry-after'] ?? '';
    return /^\d+$/.test(header) ? Number(header) : Number.NaN;
  },
};
