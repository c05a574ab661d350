import { BrokenCircuitError, circuitBreaker, CircuitState, ConsecutiveBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';
import type { Clock } from '../clock';
import { isBreakerFailure, UPSTREAM_NAMES, UpstreamFailure, type UpstreamName } from './upstream-failure';

export const BREAKER_THRESHOLD = 5;
export const HALF_OPEN_AFTER_MS = 30_000;

export interface BreakerState {
  upstream: UpstreamName;
  state: 'closed' | 'open' | 'half_open';
  failures: number;
  openedAt: string | null;
  nextAttemptAt: string | null;
}

interface Entry {
  policy: CircuitBreakerPolicy;
  /** While a half-open breaker's probe is out: settles (never rejects) when the probe has decided. */
  probe?: Promise<void>;
  /** Consecutive operations that failed in a way the breaker counts (CONTRACT.md, "Upstream faults"). */
  failures: number;
  openedAt: number | null;
}

/**
 * One circuit breaker per upstream, from cockatiel: its half-open check compares Date.now(), so a
 * test's virtual clock drives it. It sees one outcome per operation, after that operation's retries.
 * Errors that are not breaker failures (a 429, a refusal the route expected) pass through it
 * uncounted. While the one probe of a half-open breaker is out, other calls wait for its verdict,
 * as cockatiel does, but never past their own deadline (`signal`), and then go by it.
 */
export class BreakerRegistry {
  private readonly entries = new Map<UpstreamName, Entry>();
  /** Told when any breaker opens, half-opens or closes (the service board reads the states itself). */
  private readonly listeners: Array<() => void> = [];

  constructor(private readonly clock: Clock, upstreams: readonly UpstreamName[] = UPSTREAM_NAMES) {
    upstreams.forEach((upstream) => this.entry(upstream));
  }

  async execute<T>(upstream: UpstreamName, operation: () => Promise<T>, signal: AbortSignal): Promise<T> {
    const entry = this.entry(upstream);
    if (entry.probe) {
      await untilSettledOrAborted(entry.probe, signal);
      signal.throwIfAborted();
      return this.execute(upstream, operation, signal);
    }
    try {
      const wasOpen = entry.policy.state === CircuitState.Open;
      const running = entry.policy.execute(operation);
      if (wasOpen && entry.policy.state === CircuitState.HalfOpen) {
        const probe: Promise<void> = running.then(settled, settled).then(() => {
          if (entry.probe === probe) entry.probe = undefined;
        });
        entry.probe = probe;
      }
      const result = await running;
      entry.failures = 0;
      return result;
    } catch (error) {
      if (error instanceof BrokenCircuitError) throw this.unavailable(upstream, this.retryAfterSeconds(entry));
      if (isBreakerFailure(error)) entry.failures++;
      throw error;
    }
  }

  states(): BreakerState[] {
    return [...this.entries.keys()].map((upstream) => this.state(upstream));
  }

  state(upstream: UpstreamName): BreakerState {
    const entry = this.entry(upstream);
    // set when the breaker opens, cleared when it closes (entry())
    const { openedAt } = entry;
    return {
      upstream,
      state: stateName(entry.policy.state),
      failures: entry.failures,
      openedAt: openedAt === null ? null : new Date(openedAt).toISOString(),
      nextAttemptAt: openedAt === null ? null : new Date(openedAt + HALF_OPEN_AFTER_MS).toISOString(),
    };
  }

  /** Closes the breaker by replacing it (cockatiel has no manual reset); an operation still out on the old one no longer counts. */
  reset(upstream: UpstreamName): void {
    this.entries.delete(upstream);
    this.entry(upstream);
    this.listeners.forEach((listener) => listener());
  }

  onStateChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private unavailable(upstream: UpstreamName, retryAfterSeconds: number): UpstreamFailure {
    return new UpstreamFailure(upstream, 'SERVICE_UNAVAILABLE', `${upstream} is unavailable: its circuit is open`, false, {
      'retry-after': String(retryAfterSeconds),
    });
  }

  private retryAfterSeconds(entry: Entry): number {
    const openedAt = entry.openedAt ?? this.clock.now();
    return Math.max(1, Math.ceil((openedAt + HALF_OPEN_AFTER_MS - this.clock.now()) / 1000));
  }

  private entry(upstream: UpstreamName): Entry {
    let entry = this.entries.get(upstream);
    if (!entry) {
      const policy = circuitBreaker(handleWhen(isBreakerFailure), {
        halfOpenAfter: HALF_OPEN_AFTER_MS,
        breaker: new ConsecutiveBreaker(BREAKER_THRESHOLD),
      });
      const created: Entry = { policy, failures: 0, openedAt: null };
      policy.onStateChange((state) => {
        if (state === CircuitState.Open) created.openedAt = this.clock.now();
        if (state === CircuitState.Closed) created.openedAt = null;
        if (this.entries.get(upstream) === created) this.listeners.forEach((listener) => listener());
      });
      this.entries.set(upstream, (entry = created));
    }
    return entry;
  }
}

const settled = () => undefined;

function untilSettledOrAborted(promise: Promise<void>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    void promise.then(done);
  });
}

function stateName(state: CircuitState): BreakerState['state'] {
  if (state === CircuitState.Closed) return 'closed';
  if (state === CircuitState.HalfOpen) return 'half_open';
  return 'open';
}
