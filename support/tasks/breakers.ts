import assert from 'node:assert/strict';
import type { Actor } from '../actor';
import type { HttpExchange } from '../api/exchange';
import { expectData, expectError } from '../checks/answers';
import type { UpstreamName } from '../upstreams/fake-upstream';
import type { MediaNestWorld } from '../world';
import { answerWhileTimeRuns, letTimePassGradually } from './answer-while-time-runs';
import './resilience-notes';
import { UpstreamOperations, type UpstreamOperation } from './upstream-operations';
import { SignIn } from './sign-in';
import { until } from './while-time-passes';

export interface BreakerView {
  upstream: UpstreamName;
  state: 'closed' | 'open' | 'half_open';
  failures: number;
  openedAt: string | null;
  nextAttemptAt: string | null;
}

/** The gateway's circuit breakers, as its public readiness check and its admins see them. */
export const Breakers = {
  /** Read from the readiness check, which anyone (a load balancer) may call: no session, no upstream call. */
  async stateOf(world: MediaNestWorld, upstream: UpstreamName): Promise<BreakerView> {
    const exchange = await world.actor('the load balancer').api.getReadiness();
    const breaker = expectData(exchange).breakers.find((b: BreakerView) => b.upstream === upstream);
    assert.ok(breaker, `the readiness check reports no breaker for ${upstream}`);
    return breaker;
  },

  /**
   * Opens an upstream's breaker the way production would: the upstream answers with server errors
   * and a person's operations fail until the fifth opens it. Returns the upstream's call count then.
   */
  async openBy(world: MediaNestWorld, actor: Actor, operation: UpstreamOperation, times: number): Promise<number> {
    const fake = UpstreamOperations.fakeOf(world, operation);
    fake.fails({ kind: 'status', status: 500 });
    await UpstreamOperations.failRepeatedly(world, actor, operation, times);
    const breaker = await Breakers.stateOf(world, operation.upstream);
    assert.equal(breaker.state, 'open', `${operation.upstream}'s breaker should be open after ${times} failed operations`);
    return fake.journal.entries.length;
  },

  /**
   * Two people try the same operation just after the half-open moment: the first call becomes the
   * probe and its answer takes `ms` on the clock; the second is sent while the probe is out and
   * reaches the gateway's call to the upstream (which sets its deadline on the clock), then the
   * clock moves on and both are answered.
   */
  async raceTheProbe(world: MediaNestWorld, [first, second]: [Actor, Actor], operation: UpstreamOperation, ms: number) {
    Object.assign(world.notes.resilience, { operation, probeMs: ms });
    UpstreamOperations.fakeOf(world, operation).fails({ kind: 'slow', ms }, 1);
    const probe = await Breakers.probeBy(world, first, operation);
    const meanwhile = await Breakers.waitBehindProbe(world, second, operation);
    await world.clock.advance(ms);
    return { probeMs: ms, answers: await Promise.all([answerWhileTimeRuns(world, probe.answer), answerWhileTimeRuns(world, meanwhile.answer)]) };
  },

  /**
   * The first person's try becomes the probe and the upstream leaves it unanswered; a second later
   * the second person's try waits for its verdict; the admin then resets the breaker, and the clock
   * runs until the probe times out (`timeoutMs` after it was sent), after which the second try goes
   * by the reset breaker.
   */
  async resetDuringProbe(world: MediaNestWorld, admin: Actor, [first, second]: [Actor, Actor], operation: UpstreamOperation, timeoutMs: number) {
    Object.assign(world.notes.resilience, { operation, probeMs: timeoutMs });
    if (operation.needsSession && !second.session) await SignIn.as(world, second.name);
    UpstreamOperations.fakeOf(world, operation).fails({ kind: 'silent' }, 1);
    const probe = await Breakers.probeBy(world, first, operation);
    await world.clock.advance(1_000);
    const meanwhile = await Breakers.waitBehindProbe(world, second, operation);
    (await Breakers.reset(admin, operation.upstream)).asserted = true;
    await world.clock.advance(timeoutMs - 1_000);
    expectError(await answerWhileTimeRuns(world, probe.answer), 504, 'UPSTREAM_TIMEOUT');
    await answerWhileTimeRuns(world, meanwhile.answer);
  },

  /** The admin looks at the breakers while the person's try probes the upstream, whose answer takes a second. */
  async listDuringProbe(world: MediaNestWorld, admin: Actor, person: Actor, operation: UpstreamOperation): Promise<void> {
    Object.assign(world.notes.resilience, { operation });
    UpstreamOperations.fakeOf(world, operation).fails({ kind: 'slow', ms: 1_000 }, 1);
    const probe = await Breakers.probeBy(world, person, operation);
    world.notes.resilience.lookedAt = world.clock.now();
    await Breakers.list(admin);
    await world.clock.advance(1_000);
    await answerWhileTimeRuns(world, probe.answer);
  },

  /** Sends the person's try and waits (real time) until the upstream holds it: the probe is out. */
  async probeBy(world: MediaNestWorld, actor: Actor, operation: UpstreamOperation): Promise<{ answer: Promise<HttpExchange> }> {
    const fake = UpstreamOperations.fakeOf(world, operation);
    const seen = fake.journal.entries.length;
    const answer = operation.send(actor);
    await until(() => fake.journal.entries.length > seen, `the probe to reach ${operation.upstream}`);
    return { answer };
  },

  /** Sends the person's try and waits until the gateway holds it: its deadline waits on the clock. */
  async waitBehindProbe(world: MediaNestWorld, actor: Actor, operation: UpstreamOperation): Promise<{ answer: Promise<HttpExchange> }> {
    const timers = world.clock.waiting();
    const answer = operation.send(actor);
    await until(() => world.clock.waiting() > timers, `${actor.name}'s try to wait for the probe's verdict`);
    return { answer };
  },

  /** The calls the upstream received since its breaker opened (as a step noted it). */
  callsSinceOpened(world: MediaNestWorld, upstream: UpstreamName) {
    const opened = world.notes.resilience.callsWhenOpened;
    assert.ok(opened !== undefined, 'the breaker was not opened by a step');
    return world.upstreams.byName(upstream).journal.entries.slice(opened);
  },

  /** The breakers an admin was shown. */
  listed(exchange: HttpExchange): BreakerView[] {
    return expectData(exchange);
  },

  /**
   * Opens the breaker of an upstream the gateway calls on its own (Uptime Kuma, by its poll): the
   * upstream answers with server errors and time passes until failed polls have opened it. Returns
   * the upstream's call count then.
   */
  async openByPolling(world: MediaNestWorld, upstream: UpstreamName, withinMs = 120_000): Promise<number> {
    const fake = world.upstreams.byName(upstream);
    fake.fails({ kind: 'status', status: 500 });
    let open = false;
    let checkedAt = 0;
    await letTimePassGradually(world, withinMs, async () => {
      if (world.clock.now() - checkedAt < 1_000) return false;
      checkedAt = world.clock.now();
      return (open = (await Breakers.stateOf(world, upstream)).state === 'open');
    });
    assert.ok(open, `${upstream}'s breaker did not open within ${withinMs / 1000} s of failed polls`);
    // the poll that opened it may still be retrying a call it began before: let that poll end
    await letTimePassGradually(world, 1_000);
    return fake.journal.entries.length;
  },

  list(admin: Actor): Promise<HttpExchange> {
    return admin.api.listBreakers();
  },

  reset(admin: Actor, upstream: string): Promise<HttpExchange> {
    return admin.api.resetBreaker(upstream);
  },
};
