import { expect } from './chai';
import type { HttpExchange } from '../api/exchange';
import { expectError } from './answers';
import { UpstreamOperations, type UpstreamOperation } from '../tasks/upstream-operations';
import type { UpstreamName } from '../upstreams/fake-upstream';
import type { MediaNestWorld } from '../world';
import { UPSTREAM_NAMES } from './upstream-calls';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Questions about how MediaNest answers when an upstream fails: refusals, waits, stale copies, correlation ids. */
export const ResilienceChecks = {
  everyTryRefused(world: MediaNestWorld, code: string): void {
    const { tries } = world.notes.resilience;
    expect(tries.length, 'Expected something to have been tried').to.be.above(0);
    for (const exchange of tries) expectError(exchange, exchange.response.status, code);
  },

  /** The refusal's Retry-After, in whole seconds, within `range`. */
  toldToRetry(exchange: HttpExchange, range: [number, number]): void {
    const told = exchange.response.headers['retry-after'];
    const seconds = Number(told);
    expect(Number.isInteger(seconds) && seconds >= range[0] && seconds <= range[1], `Expected to be told to retry in ${range[0] === range[1] ? range[0] : `${range[0]} to ${range[1]}`} seconds, but was told "${told}"`).to.equal(true);
  },

  staleCopy(exchange: HttpExchange, upstream: UpstreamName): void {
    const { headers, body } = exchange.response;
    expect(headers['cache-status'] ?? '', `Expected the answer to say it is a stale copy kept because ${UPSTREAM_NAMES[upstream]} failed`).to.match(/^medianest; hit; ttl=-\d+; detail=stale-if-error$/);
    expect(body.meta?.stale, 'Expected the answer to be marked stale').to.equal(true);
  },

  /** The operation is answered without the clock moving (no probe or retry to wait for), and reaches the upstream. */
  async reachesAtOnce(world: MediaNestWorld, name: string, operation: UpstreamOperation, upstream: UpstreamName): Promise<void> {
    const calls = world.upstreams.byName(upstream).journal.entries.length;
    // The scenario clock does not move in this step, so an answer that waits on it never comes:
    // this real-time watchdog only turns that hang into a clear failure before the step's own
    // 20 s timeout. It allows 10 s, far beyond any answer on a busy machine, so it never races one.
    const late = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`expected ${name} to be answered at once, but the answer waited on the clock`)), 10_000).unref());
    operation.succeeded(await Promise.race([operation.send(world.actor(name)), late]));
    expect(world.upstreams.byName(upstream).journal.entries.length, `Expected ${name}'s try to reach ${UPSTREAM_NAMES[upstream]}`).to.be.above(calls);
  },

  /** The pauses, on the scenario clock, between the calls the upstream received for the last try. */
  pausesBetweenCalls(world: MediaNestWorld, upstream: UpstreamName, expected: number[]): void {
    const calls = UpstreamOperations.callsSinceLastTry(world, upstream);
    const pauses = calls.slice(1).map((call, i) => call.at - calls[i]!.at);
    expect(pauses, `Expected ${UPSTREAM_NAMES[upstream]} to hear each retry ${expected.join(' ms, then ')} ms after the call before it, but the pauses were ${pauses.join(', ')} ms`).to.deep.equal(expected);
  },

  answeredAfter(world: MediaNestWorld, seconds: number): void {
    const took = world.notes.resilience.answerTookMs;
    expect(took, `Expected the refusal ${seconds} seconds after the question, on the scenario clock, but it came after ${took} ms`).to.equal(seconds * 1000);
  },

  /** The refusal shows nothing of the upstream's own answer (its error text, its HTML, its fields), and stays short. */
  hidesUpstreamAnswer(exchange: HttpExchange, upstream: UpstreamName): void {
    const { text } = exchange.response;
    expect(text, `Expected the refusal to show nothing of ${UPSTREAM_NAMES[upstream]}'s own answer`).to.not.match(/Internal Server Error|upstream internals|<html|padding|"partial"|"results"|refused with/i);
    expect(text.length, `Expected a short refusal, but it is ${text.length} characters long`).to.be.below(2_000);
  },

  carriesCorrelationId(exchange: HttpExchange, id: string): void {
    ResilienceChecks.refused(exchange);
    const { body, headers } = exchange.response;
    expect({ header: headers['x-correlation-id'], error: body.error.correlationId }, `Expected the refusal to carry the correlation id ${id}`).to.deep.equal({ header: id, error: id });
  },

  /** CONTRACT.md: anything outside 1-128 characters of [A-Za-z0-9._-] is replaced by a new UUID. Answers the new id. */
  carriesNewCorrelationId(exchange: HttpExchange): string {
    ResilienceChecks.refused(exchange);
    const { body, headers } = exchange.response;
    const sent = exchange.request.headers?.['x-correlation-id'];
    expect(headers['x-correlation-id'], 'Expected a new correlation id instead of the one sent').to.not.equal(sent);
    expect(headers['x-correlation-id'] ?? '', 'Expected the new correlation id to be a UUID').to.match(UUID);
    expect(body.error.correlationId, 'Expected the error to name the new correlation id').to.equal(headers['x-correlation-id']);
    return headers['x-correlation-id']!;
  },

  refused(exchange: HttpExchange): void {
    expect(exchange.response.status, `Expected the call to be refused, but it was answered ${exchange.response.status}`).to.be.at.least(400);
    expectError(exchange, exchange.response.status, exchange.response.body?.error?.code);
  },

  succeeded(world: MediaNestWorld, ...names: string[]): void {
    const operation = UpstreamOperations.lastTried(world);
    for (const name of names) operation.succeeded(world.lastExchangeOf(name));
  },
};
