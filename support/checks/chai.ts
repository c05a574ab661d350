import * as chai from 'chai';
import type { HttpExchange } from '../api/exchange';
import { contractStatusOf } from '../contract/error-codes';
import type { JournalEntry } from '../upstreams/journal';

/**
 * chai with the suite's own words: assertions about MediaNest's answers and what the fakes were
 * asked, whose failures read as sentences about the scenario ("expected Bob's GET /api/v1/auth/session
 * to be answered 200, but it was answered 401: …").
 */
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Chai {
    interface Assertion {
      /** An exchange answered with this status (and marked as looked at: an unasserted 5xx fails the scenario). */
      answered(status: number): Assertion;
      /** An exchange refused with this code of the contract, at the status the contract gives it, in the error envelope. */
      refusedWith(code: string): Assertion;
      /** Calls an upstream's journal holds: asked `what` this many times. */
      askedTimes(times: number, upstream: string, what: string): Assertion;
    }
  }
}

const TIMES = ['never', 'once', 'twice'];
export const timesInWords = (count: number) => TIMES[count] ?? `${count} times`;
const seconds = (ms: number) => `+${(ms / 1000).toFixed(2)} s`;

/** How an exchange is named in a failure: who sent what. */
export const describeExchange = ({ actor, request }: HttpExchange) => `${actor}'s ${request.method} ${request.path}`;

// Each sentence says everything, so no diff is shown (Cucumber would print only a diff for a message starting "expected").
chai.use(({ Assertion }) => {
  Assertion.addMethod('answered', function (this: Chai.AssertionStatic, status: number) {
    const exchange = this._obj as HttpExchange;
    exchange.asserted = true;
    const { status: actual, text } = exchange.response;
    this.assert(actual === status, `expected ${describeExchange(exchange)} to be answered ${status}, but it was answered ${actual}: ${text.slice(0, 500)}`, `expected ${describeExchange(exchange)} not to be answered ${status}`, status, actual, false);
  });

  Assertion.addMethod('refusedWith', function (this: Chai.AssertionStatic, code: string) {
    const exchange = this._obj as HttpExchange;
    new Assertion(exchange).to.be.answered(contractStatusOf(code));
    const { body, headers, text } = exchange.response;
    const error = body?.error;
    const said = `${describeExchange(exchange)} was answered ${text.slice(0, 300)}`;
    this.assert(body?.success === false && error?.code === code, `expected a refusal with ${code}, but ${said}`, `expected no refusal with ${code}`, code, error?.code, false);
    this.assert(typeof error.message === 'string' && error.message.trim() !== '', `expected the refusal to say why in words, but ${said}`, '');
    this.assert(error.correlationId === headers['x-correlation-id'], `expected the refusal to name the answer's correlation id ${headers['x-correlation-id']}, but it names ${error.correlationId}`, '');
    this.assert(!/\bat [\w.<>]+ \(|node_modules|stack/i.test(text), `expected the refusal to carry no stack trace, but ${said}`, '');
  });

  Assertion.addMethod('askedTimes', function (this: Chai.AssertionStatic, times: number, upstream: string, what: string) {
    const calls = this._obj as JournalEntry[];
    const listed = calls.map((call) => `${call.method} ${call.path} at ${seconds(call.at - (calls[0]?.at ?? 0))}`).join(', ');
    this.assert(
      calls.length === times,
      `expected ${upstream} to be asked ${what} ${timesInWords(times)}, but it was asked ${timesInWords(calls.length)}${calls.length ? ` (${listed})` : ''}`,
      `expected ${upstream} not to be asked ${what} ${timesInWords(times)}`,
      times,
      calls.length,
      false,
    );
  });
});

export const { expect } = chai;
