import assert from 'node:assert/strict';
import type { HttpExchange } from './drivers/http';

/** Asserts the status, and marks the exchange as looked at (an unasserted 5xx fails the scenario). */
export function expectStatus(exchange: HttpExchange, status: number): void {
  exchange.asserted = true;
  assert.equal(exchange.response.status, status, `expected ${status} from ${exchange.request.method} ${exchange.request.path}, got ${exchange.response.status}: ${exchange.response.text.slice(0, 500)}`);
}

/** Asserts the error envelope of CONTRACT.md with the given status and code. */
export function expectError(exchange: HttpExchange, status: number, code: string): void {
  expectStatus(exchange, status);
  const { body, headers } = exchange.response;
  assert.equal(body?.success, false, 'an error answers success: false');
  assert.equal(body?.error?.code, code, `expected error code ${code}, got ${body?.error?.code}`);
  assert.equal(typeof body.error.message, 'string');
  assert.notEqual(body.error.message.trim(), '', `the ${code} error says in words what went wrong`);
  assert.equal(body.error.correlationId, headers['x-correlation-id'], 'the error names the correlation id of the response');
  assert.doesNotMatch(exchange.response.text, /\bat [\w.<>]+ \(|node_modules|stack/i, 'an error never carries a stack trace');
}

/** Asserts a successful envelope and returns its data. */
export function expectData(exchange: HttpExchange, status = 200): any {
  expectStatus(exchange, status);
  assert.equal(exchange.response.body?.success, true);
  return exchange.response.body.data;
}
