import FakeTimers from '@sinonjs/fake-timers';
import { sleep, systemClock, type Clock, type TimerHandle } from '../gateway/src/clock';

/**
 * The one clock a scenario runs on. The gateway and the fakes take it as their `Clock`; steps move
 * it. Virtual in the embedded target (Date follows it, global timers stay real), real elsewhere.
 */
export interface ScenarioClock extends Clock {
  readonly virtual: boolean;
  /** Every move of virtual time (from when, how far, and when in real time), so the report can draw and label moved time. */
  readonly moves: Array<{ from: number; ms: number; realAt: number }>;
  /** Resolves after `ms` on this clock. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** How many timers wait on this clock: the gateway sets one per upstream call (its deadline), per backoff, per poll. */
  waiting(): number;
  /** Moves virtual time forward, firing due timers in order; refused on a real clock. */
  advance(ms: number): Promise<void>;
  uninstall(): void;
}

/**
 * The fake Date installed now. Cucumber builds the world of a scenario it then skips (after a
 * failure with --fail-fast, as Stryker runs every mutant) and never runs its After hook, so the
 * next world takes that clock down itself.
 */
let installed: FakeTimers.InstalledClock | undefined;

function uninstallFake(fake: FakeTimers.InstalledClock): void {
  if (installed !== fake) return;
  installed = undefined;
  fake.uninstall();
}

export function virtualClock(): ScenarioClock {
  if (installed) uninstallFake(installed);
  const fake = FakeTimers.install({ toFake: ['Date'], now: Date.now() });
  installed = fake;
  const clock: ScenarioClock = {
    virtual: true,
    moves: [],
    now: () => fake.now,
    setTimeout: (fn, ms) => fake.setTimeout(fn, ms) as unknown as TimerHandle,
    clearTimeout: (handle) => fake.clearTimeout(handle as never),
    sleep: (ms, signal) => sleep(clock, ms, signal),
    waiting: () => fake.countTimers(),
    advance: async (ms) => {
      clock.moves.push({ from: fake.now, ms, realAt: performance.now() });
      await fake.tickAsync(ms);
    },
    uninstall: () => uninstallFake(fake),
  };
  return clock;
}

export function realClock(): ScenarioClock {
  const clock: ScenarioClock = {
    ...systemClock,
    virtual: false,
    moves: [],
    sleep: (ms, signal) => sleep(clock, ms, signal),
    waiting: () => {
      throw new Error('timers are counted only on the embedded target: tag the scenario @embedded-only');
    },
    advance: async () => {
      throw new Error('time moves only on the embedded target: tag the scenario @embedded-only');
    },
    uninstall: () => undefined,
  };
  return clock;
}
