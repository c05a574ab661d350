import assert from 'node:assert/strict';
import type { Actor } from '../actor';
import type { HttpExchange } from '../api/exchange';
import { expectData, expectError } from '../checks/answers';
import type { FakeUpstream, UpstreamName } from '../upstreams/fake-upstream';
import type { MediaNestWorld } from '../world';
import { answerWhileTimeRuns } from './answer-while-time-runs';
import { SignIn } from './sign-in';
import './resilience-notes';
import { whileUpstreamHolds } from './while-time-passes';

/**
 * One thing a person does in MediaNest that needs one particular upstream, named as scenarios say
 * it ("browse the library"). Resilience scenarios run the same story over each of them.
 */
export interface UpstreamOperation {
  upstream: UpstreamName;
  /** Sends the request; the answer may wait on the clock (retries), so use `perform` to settle it. */
  send(actor: Actor, headers?: Record<string, string>): Promise<HttpExchange>;
  /** Asserts what a person sees when the operation worked. */
  succeeded(exchange: HttpExchange): void;
  /** Whether the person has to be signed in first (signing in needs plex.tv). */
  needsSession: boolean;
}

export const OPERATIONS = {
  'ask to sign in with Plex': {
    upstream: 'plex-tv',
    send: (actor, headers) => actor.api.createPin({ clientName: 'MediaNest Web' }, { headers }),
    succeeded: (exchange) => assert.match(String(expectData(exchange, 201).code), /^\S{4,}$/),
    needsSession: false,
  },
  'browse the library': {
    upstream: 'plex-server',
    send: (actor, headers) => actor.api.listLibraries({ headers }),
    succeeded: (exchange) => assert.ok(expectData(exchange).some((library: { title: string }) => library.title === 'Movies')),
    needsSession: true,
  },
  'search for a film': {
    upstream: 'overseerr',
    send: (actor, headers) => actor.api.searchMedia({ query: 'Matrix' }, { headers }),
    succeeded: (exchange) => assert.ok(expectData(exchange).some((found: { title: string }) => found.title === 'The Matrix')),
    needsSession: true,
  },
  'request a film': {
    upstream: 'overseerr',
    send: (actor, headers) => actor.api.createMediaRequest({ mediaType: 'movie', tmdbId: 603 }, { headers }),
    succeeded: (exchange) => assert.equal(expectData(exchange, 201).title, 'The Matrix'),
    needsSession: true,
  },
} as const satisfies Record<string, UpstreamOperation>;

export type OperationWords = keyof typeof OPERATIONS;

export const operationNamed = (words: string): UpstreamOperation => {
  const operation = (OPERATIONS as Record<string, UpstreamOperation>)[words];
  assert.ok(operation, `no operation is called "${words}"`);
  return operation;
};

/** The operation for an upstream, for steps that name the upstream rather than what the person does. */
export function operationFor(upstream: UpstreamName): UpstreamOperation {
  const found = Object.values(OPERATIONS).find((operation) => operation.upstream === upstream);
  assert.ok(found, `no operation in MediaNest reaches ${upstream} on a person's request`);
  return found;
}

export const UpstreamOperations = {
  /** Does it once and waits for the answer, moving the clock through any retry backoff. */
  async perform(world: MediaNestWorld, actor: Actor, operation: UpstreamOperation, headers?: Record<string, string>): Promise<HttpExchange> {
    if (operation.needsSession && !actor.session) await SignIn.as(world, actor.name);
    return answerWhileTimeRuns(world, operation.send(actor, headers));
  },

  /** Does it `times` times while the upstream fails, asserting that each try failed because of that upstream. */
  async failRepeatedly(world: MediaNestWorld, actor: Actor, operation: UpstreamOperation, times: number): Promise<void> {
    for (let i = 0; i < times; i++) {
      const exchange = await UpstreamOperations.perform(world, actor, operation);
      exchange.asserted = true;
      assert.ok(exchange.response.status >= 500, `try ${i + 1} should have failed, got ${exchange.response.status}`);
      assert.equal(exchange.response.body?.error?.details?.service, operation.upstream);
    }
  },

  /**
   * Does it `times` times while the upstream holds every call, moving the clock past the deadline
   * (`timeoutMs`) each time, asserting that each try timed out at that upstream.
   */
  async timeOutRepeatedly(world: MediaNestWorld, actor: Actor, operation: UpstreamOperation, times: number, timeoutMs: number): Promise<void> {
    if (operation.needsSession && !actor.session) await SignIn.as(world, actor.name);
    const fake = UpstreamOperations.fakeOf(world, operation);
    for (let i = 0; i < times; i++) {
      const exchange = await whileUpstreamHolds(world, fake, operation.send(actor), timeoutMs);
      expectError(exchange, 504, 'UPSTREAM_TIMEOUT');
      assert.equal(exchange.response.body.error.details?.service, operation.upstream, `try ${i + 1} timed out elsewhere`);
    }
  },

  /** Tries it once as `name`, noting the operation and how many calls its upstream had seen before. */
  tryOnce(world: MediaNestWorld, name: string, operation: UpstreamOperation, headers?: Record<string, string>): Promise<HttpExchange> {
    Object.assign(world.notes.resilience, { operation, callsBefore: UpstreamOperations.fakeOf(world, operation).journal.entries.length });
    return UpstreamOperations.perform(world, world.actor(name), operation, headers);
  },

  /** Tries it `times` times as `name`, noting every answer. */
  async tryRepeatedly(world: MediaNestWorld, name: string, operation: UpstreamOperation, times: number): Promise<void> {
    for (let i = 0; i < times; i++) world.notes.resilience.tries.push(await UpstreamOperations.tryOnce(world, name, operation));
  },

  /** Asks, then moves the clock by `ms` once the upstream holds the call, noting how long the answer took. */
  async tryWhileTimePasses(world: MediaNestWorld, name: string, operation: UpstreamOperation, ms: number): Promise<void> {
    const actor = world.actor(name);
    const fake = UpstreamOperations.fakeOf(world, operation);
    assert.ok(!operation.needsSession || actor.session, `${name} must be signed in first`);
    Object.assign(world.notes.resilience, { operation, callsBefore: fake.journal.entries.length });
    const askedAt = world.clock.now();
    await whileUpstreamHolds(world, fake, operation.send(actor), ms);
    world.notes.resilience.answerTookMs = world.clock.now() - askedAt;
  },

  /** The calls its upstream received since the last operation was tried. */
  callsSinceLastTry(world: MediaNestWorld, upstream: UpstreamName) {
    return world.upstreams.byName(upstream).journal.entries.slice(world.notes.resilience.callsBefore);
  },

  /** Notes how many calls the operation's upstream has received, as the moment its breaker opened. */
  noteBreakerOpened(world: MediaNestWorld, operation: UpstreamOperation): void {
    world.notes.resilience.callsWhenOpened = UpstreamOperations.fakeOf(world, operation).journal.entries.length;
  },

  /** The operation tried last. */
  lastTried(world: MediaNestWorld): UpstreamOperation {
    const { operation } = world.notes.resilience;
    assert.ok(operation, 'no operation was tried');
    return operation;
  },

  fakeOf(world: MediaNestWorld, operation: UpstreamOperation): FakeUpstream {
    return world.upstreams.byName(operation.upstream);
  },
};
