import { expect } from './chai';
import { expectData } from './answers';
import type { HttpExchange } from '../api/exchange';
import { Breakers, type BreakerView } from '../tasks/breakers';
import type { UpstreamName } from '../upstreams/fake-upstream';
import type { MediaNestWorld } from '../world';
import { UPSTREAM_NAMES } from './upstream-calls';

const described = (breaker: BreakerView) => `${breaker.state} after ${breaker.failures} failures`;

/** Questions about the gateway's circuit breakers, as the readiness check and the admins see them. */
export const BreakerChecks = {
  /** Open, half-open or closed; a closed breaker counts from nothing: failures before it closed no longer bring it nearer to opening. */
  async is(world: MediaNestWorld, upstream: UpstreamName, state: string): Promise<void> {
    const breaker = await Breakers.stateOf(world, upstream);
    // a closed breaker shows no opening time and no planned probe, as an admin reads it
    const expected = state === 'closed' ? { state: 'closed', failures: 0, openedAt: null, nextAttemptAt: null } : { state: state.replace('-', '_'), failures: breaker.failures, openedAt: breaker.openedAt, nextAttemptAt: breaker.nextAttemptAt };
    const seen = { state: breaker.state, failures: breaker.failures, openedAt: breaker.openedAt, nextAttemptAt: breaker.nextAttemptAt };
    expect(seen, `Expected ${UPSTREAM_NAMES[upstream]}'s breaker ${state}, but it is ${described(breaker)}`).to.deep.equal(expected);
  },

  async openFor(world: MediaNestWorld, upstream: UpstreamName, ms: number): Promise<void> {
    const breaker = await Breakers.stateOf(world, upstream);
    const wait = Date.parse(breaker.nextAttemptAt!) - world.clock.now();
    expect(breaker.state === 'open' && wait > ms - 1_000 && wait <= ms, `Expected ${UPSTREAM_NAMES[upstream]}'s breaker open for another ${ms / 1000} s, but it is ${breaker.state} with the next attempt ${wait} ms away`).to.equal(true);
  },

  /** The breaker an admin was shown: open after `failures`, its probe 30 s after it opened. */
  listedOpen(world: MediaNestWorld, exchange: HttpExchange, upstream: UpstreamName, failures: number): void {
    const breaker = Breakers.listed(exchange).find((candidate) => candidate.upstream === upstream);
    expect(breaker, `Expected ${UPSTREAM_NAMES[upstream]}'s breaker to be listed`).to.not.equal(undefined);
    expect([breaker!.state, breaker!.failures], `Expected ${UPSTREAM_NAMES[upstream]}'s breaker open after ${failures} failures, but it is ${described(breaker!)}`).to.deep.equal(['open', failures]);
    expect(Date.parse(breaker!.openedAt!), `Expected the breaker to have opened already, not at ${breaker!.openedAt}`).to.be.at.most(world.clock.now());
    expect(Date.parse(breaker!.nextAttemptAt!) - Date.parse(breaker!.openedAt!), 'Expected the probe 30 seconds after the breaker opened').to.equal(30_000);
  },

  /** While a probe is out: half open, still dated from when the breaker opened `seconds` before the admin looked. */
  listedHalfOpen(world: MediaNestWorld, exchange: HttpExchange, upstream: UpstreamName, seconds: number): void {
    const breaker = Breakers.listed(exchange).find((candidate) => candidate.upstream === upstream);
    expect(breaker?.state, `Expected ${UPSTREAM_NAMES[upstream]}'s breaker half open while its probe is out`).to.equal('half_open');
    const since = world.notes.resilience.lookedAt! - Date.parse(breaker!.openedAt!);
    expect(since >= seconds * 1000 && since < (seconds + 1) * 1000, `Expected the breaker to say it opened ${seconds} seconds before the look, but it says ${since} ms`).to.equal(true);
  },

  othersClosed(exchange: HttpExchange, upstream: UpstreamName): void {
    const others = Breakers.listed(exchange).filter((breaker) => breaker.upstream !== upstream);
    const expected = Object.keys(UPSTREAM_NAMES).filter((name) => name !== upstream).map((name) => `${name}: closed, 0 failures`);
    expect(others.map((b) => `${b.upstream}: ${b.state}, ${b.failures} failures`).sort(), `Expected every breaker but ${UPSTREAM_NAMES[upstream]}'s closed`).to.deep.equal(expected.sort());
  },

  /** After the breaker opened, the upstream heard the first person's probe, and the second person only once the probe was answered. */
  heardAfterProbe(world: MediaNestWorld, upstream: UpstreamName, second: string, first: string): void {
    const calls = Breakers.callsSinceOpened(world, upstream);
    const tokenOf = (name: string) => world.upstreams.plexTv.model.account(name).authToken;
    const heard = calls.map((call) => [first, second].find((name) => tokenOf(name) === call.headers['x-plex-token']) ?? 'someone else');
    expect(heard, `Expected ${UPSTREAM_NAMES[upstream]} to hear ${first}'s probe, then ${second}`).to.deep.equal([first, second]);
    const gap = calls[1]!.at - calls[0]!.at;
    expect(gap, `Expected ${second}'s call to reach ${UPSTREAM_NAMES[upstream]} once the probe was answered, but it came ${gap} ms after the probe`).to.be.at.least(world.notes.resilience.probeMs!);
  },

  /** The answer to a reset shows the breaker as it is after it: closed, counting from nothing. */
  resetAnswered(exchange: HttpExchange, upstream: UpstreamName): void {
    const { state, failures, openedAt, nextAttemptAt } = expectData(exchange) as BreakerView;
    expect({ upstream: expectData(exchange).upstream, state, failures, openedAt, nextAttemptAt }, `Expected ${UPSTREAM_NAMES[upstream]}'s breaker closed and counting from nothing after the reset`).to.deep.equal({ upstream, state: 'closed', failures: 0, openedAt: null, nextAttemptAt: null });
  },
};
