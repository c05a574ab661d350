import { BrokenCircuitError, circuitBreaker, CircuitState, ConsecutiveBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';
import type { Clock } from '../clock';
import { isBreakerFailure, UpstreamFailure, type UpstreamName } from './upstream-failure';

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
  failures: number;
  openedAt: number | null;
}

/**
 * One circuit breaker per upstream (cockatiel: its half-open check reads Date.now(), so a test's
 * virtual clock drives it). An operation's outcome is seen once, after its retries.
 */
export class BreakerRegistry {
  private readonly entries = new Map<UpstreamName, Entry>();
  private readonly listeners: Array<(upstream: UpstreamName, state: BreakerState['state']) => void> = [];

  constructor(private readonly clock: Clock, upstreams: UpstreamName[] = ['plex-tv', 'plex-server', 'overseerr', 'uptime-kuma']) {
    upstreams.forEach((upstream) => this.entry(upstream));
  }

  async execute<T>(upstream: UpstreamName, operation: () => Promise<T>): Promise<T> {
    const entry = this.entry(upstream);
    try {
      const result = await entry.policy.execute(operation);
      entry.failures = 0;
      return result;
    } catch (error) {
      if (error instanceof BrokenCircuitError) {
        throw new UpstreamFailure(upstream, 'SERVICE_UNAVAILABLE', `${upstream} is unavailable: its circuit is open`, false, {
          'retry-after': String(this.retryAfterSeconds(upstream)),
        });
      }
      if (isBreakerFailure(error)) entry.failures++;
      throw error;
    }
  }

  states(): BreakerState[] {
    return [...this.entries.keys()].map((upstream) => this.state(upstream));
  }

  state(upstream: UpstreamName): BreakerState {
    const entry = this.entry(upstream);
    const state = stateName(entry.policy.state);
    const openedAt = state === 'closed' ? null : entry.openedAt;
    return {
      upstream,
      state,
      failures: entry.failures,
      openedAt: openedAt === null ? null : new Date(openedAt).toISOString(),
      nextAttemptAt: openedAt === null ? null : new Date(openedAt + HALF_OPEN_AFTER_MS).toISOString(),
    };
  }

  /** Closes the breaker by replacing it: cockatiel has no manual reset. */
  reset(upstream: UpstreamName): void {
    this.entries.delete(upstream);
    this.entry(upstream);
    this.listeners.forEach((listener) => listener(upstream, 'closed'));
  }

  onStateChange(listener: (upstream: UpstreamName, state: BreakerState['state']) => void): void {
    this.listeners.push(listener);
  }

  private retryAfterSeconds(upstream: UpstreamName): number {
    const openedAt = this.entry(upstream).openedAt ?? this.clock.now();
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
        this.listeners.forEach((listener) => listener(upstream, stateName(state)));
      });
      this.entries.set(upstream, (entry = created));
    }
    return entry;
  }
}

function stateName(state: CircuitState): BreakerState['state'] {
  if (state === CircuitState.Closed) return 'closed';
  if (state === CircuitState.HalfOpen) return 'half_open';
  return 'open';
}
