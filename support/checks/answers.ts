import type { HttpExchange } from '../api/exchange';
import { describeExchange, expect } from './chai';

/** Checks the status, and marks the exchange as looked at (an unasserted 5xx fails the scenario). */
export function expectStatus(exchange: HttpExchange, status: number): void {
  expect(exchange).to.be.answered(status);
}

/** Checks the error envelope of CONTRACT.md with this code, at the status the contract gives the code. */
export function expectRefusal(exchange: HttpExchange, code: string): void {
  expect(exchange).to.be.refusedWith(code);
}

/** Checks the error envelope of CONTRACT.md with the given status and code. */
export function expectError(exchange: HttpExchange, status: number, code: string): void {
  expectStatus(exchange, status);
  expect(exchange).to.be.refusedWith(code);
}

/** Checks a successful envelope and returns its data. */
export function expectData(exchange: HttpExchange, status = 200): any {
  expectStatus(exchange, status);
  expect(exchange.response.body?.success, `expected ${describeExchange(exchange)} to answer success: true`).to.equal(true);
  return exchange.response.body.data;
}

/** An answer in a few words, for comparing several at once: "200", or "404 PIN_NOT_FOUND" (marked as looked at). */
export function outcomeOf(exchange: HttpExchange): string {
  exchange.asserted = true;
  const code = exchange.response.body?.error?.code;
  return code ? `${exchange.response.status} ${code}` : String(exchange.response.status);
}
