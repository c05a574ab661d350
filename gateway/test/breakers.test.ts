import FakeTimers from '@sinonjs/fake-timers';
import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import type { Clock, TimerHandle } from '../src/clock';
import { BreakerRegistry } from '../src/resilience/breakers';
import { UpstreamFailure } from '../src/resilience/upstream-failure';

// cockatiel reads Date.now() for its half-open decision, so Date follows the test's clock.
let fake: FakeTimers.InstalledClock;
let breakers: BreakerRegistry;
beforeEach(() => {
  fake = FakeTimers.install({ toFake: ['Date'], now: Date.now() });
  const clock: Clock = {
    now: () => fake.now,
    setTimeout: (fn, ms) => fake.setTimeout(fn, ms) as unknown as TimerHandle,
    clearTimeout: (handle) => fake.clearTimeout(handle as never),
  };
  breakers = new BreakerRegistry(clock);
});
afterEach(() => fake.uninstall());

const serverError = () => new UpstreamFailure('plex-server', 'UPSTREAM_ERROR', 'plex-server answered 500', true);
const tooManyRequests = () => new UpstreamFailure('plex-server', 'SERVICE_UNAVAILABLE', 'slow down', false, {}, false);
const failWith = (error: () => Error) => async () => {
  throw error();
};
/** Plex called through its breaker, with no deadline of its own. */
const run = <T>(operation: () => Promise<T>) => breakers.execute('plex-server', operation, new AbortController().signal);
const rejection = (call: Promise<unknown>) => call.then(() => assert.fail('it succeeded'), (error: UpstreamFailure) => error);

async function openPlex() {
  for (let i = 0; i < 5; i++) await rejection(run(failWith(serverError)));
  assert.equal(breakers.state('plex-server').state, 'open');
}

test('five failed operations in a row open the breaker; then calls are refused without running', async () => {
  await openPlex();
  let ran = false;
  const refused = await rejection(run(async () => (ran = true)));
  assert.deepEqual([ran, refused.status, refused.code, refused.headers['retry-after']], [false, 503, 'SERVICE_UNAVAILABLE', '30']);
  const state = breakers.state('plex-server');
  assert.deepEqual([state.failures, Date.parse(state.nextAttemptAt!) - Date.parse(state.openedAt!)], [5, 30_000]);
  assert.equal(breakers.state('overseerr').state, 'closed', 'each upstream has its own breaker');
});

test('answers that are not the upstream failing (a 429, an expected refusal) never open it', async () => {
  for (let i = 0; i < 10; i++) await rejection(run(failWith(tooManyRequests)));
  assert.deepEqual([breakers.state('plex-server').state, breakers.state('plex-server').failures], ['closed', 0]);
});

test('a success in between starts the count again', async () => {
  for (let i = 0; i < 4; i++) await rejection(run(failWith(serverError)));
  await run(async () => 'ok');
  for (let i = 0; i < 4; i++) await rejection(run(failWith(serverError)));
  assert.deepEqual([breakers.state('plex-server').state, breakers.state('plex-server').failures], ['closed', 4]);
});

test('after 30 seconds one probe decides: a success closes the breaker', async () => {
  await openPlex();
  fake.tick(29_999);
  await rejection(run(async () => 'too early'));
  fake.tick(1);
  assert.equal(await run(async () => 'probe'), 'probe');
  assert.deepEqual(breakers.state('plex-server'), { upstream: 'plex-server', state: 'closed', failures: 0, openedAt: null, nextAttemptAt: null });
});

test('a failed probe opens the breaker for another 30 seconds', async () => {
  await openPlex();
  fake.tick(30_000);
  await rejection(run(failWith(serverError)));
  const state = breakers.state('plex-server');
  assert.equal(state.state, 'open');
  assert.equal(Date.parse(state.openedAt!), fake.now);
});

test('while the probe is out, other calls wait for its verdict, then go by it', async () => {
  await openPlex();
  fake.tick(30_000);
  let finishProbe!: () => void;
  const probe = run(() => new Promise<string>((resolve) => (finishProbe = () => resolve('probe'))));
  assert.equal(breakers.state('plex-server').state, 'half_open');
  let ran = false;
  const waiting = run(async () => ((ran = true), 'second'));
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(ran, false, 'the second call ran while the probe was out');
  finishProbe();
  assert.deepEqual(await Promise.all([probe, waiting]), ['probe', 'second']);
});

test('a call waiting for a probe gives up at its own deadline', async () => {
  await openPlex();
  fake.tick(30_000);
  void run(() => new Promise(() => undefined)); // a probe that never ends
  const deadline = new AbortController();
  const waiting = breakers.execute('plex-server', async () => 'never', deadline.signal);
  deadline.abort(new Error('deadline'));
  await assert.rejects(waiting, /deadline/);
});

test('an admin reset closes an open breaker at once', async () => {
  await openPlex();
  const changes: string[] = [];
  breakers.onStateChange(() => changes.push(`plex-server ${breakers.state('plex-server').state}`));
  breakers.reset('plex-server');
  assert.equal(await run(async () => 'through'), 'through');
  assert.deepEqual([breakers.state('plex-server').state, changes], ['closed', ['plex-server closed']]);
});
