import type { Clock } from '../clock';
import type { GatewayEvents } from '../realtime/events';
import type { BreakerRegistry } from '../resilience/breakers';
import type { UpstreamName } from '../resilience/upstream-failure';
import type { MonitorReading } from '../upstreams/uptime-kuma';

export type ServiceState = 'up' | 'down' | 'degraded' | 'maintenance' | 'unknown';

export interface ServiceStatus {
  service: string;
  status: ServiceState;
  responseTimeMs: number | null;
  uptime24h: number | null;
  lastCheckAt: string | null;
}

/** Above this last ping a service that is up counts as degraded (CONTRACT.md, "Monitoring"). */
export const SLOW_PING_MS = 1_000;
/** How long one poll may take at most: three attempts of 5 s and their backoff. */
const POLL_DEADLINE_MS = 20_000;

/** The gateway's own upstream behind a monitored service, whose open breaker degrades it. */
const UPSTREAM_OF_SERVICE: Record<string, UpstreamName> = { plex: 'plex-server', overseerr: 'overseerr' };

/**
 * The health of each configured service: Uptime Kuma's latest reading merged with the gateway's
 * own breakers. Announces each change of status on the bus, whatever caused it.
 */
export class ServiceBoard {
  /** The last successful poll's readings, by monitor name. */
  private readings = new Map<string, MonitorReading>();
  /** The status last announced per service; a service never announced was `unknown`. */
  private readonly announced = new Map<string, ServiceState>();
  /** Never is -Infinity: older than any bound. */
  private polledAt = Number.NEGATIVE_INFINITY;
  private lastPollFailed = false;

  constructor(
    private readonly monitors: Record<string, string>,
    private readonly breakers: BreakerRegistry,
    private readonly events: GatewayEvents,
    private readonly clock: Clock,
    private readonly pollIntervalMs: number,
  ) {}

  /** A successful poll: every service takes its monitor's reading (none: the monitor is not on the page). */
  record(byMonitorName: Map<string, MonitorReading>): void {
    const recovered = this.lastPollFailed;
    this.readings = byMonitorName;
    this.polledAt = this.clock.now();
    this.lastPollFailed = false;
    if (recovered) this.invalidate('uptime-kuma-reachable');
    this.announceChanges();
  }

  /** A failed poll keeps the last known readings; they are now stale. */
  recordFailure(): void {
    if (!this.lastPollFailed) this.invalidate('uptime-kuma-unreachable');
    this.lastPollFailed = true;
  }

  /** Stale: Uptime Kuma has not answered a poll, its last poll failed, or it has not answered for too long. */
  stale(): boolean {
    if (this.lastPollFailed) return true;
    return this.clock.now() - this.polledAt > this.pollIntervalMs + POLL_DEADLINE_MS;
  }

  get lastPollAt(): string | null {
    return Number.isFinite(this.polledAt) ? new Date(this.polledAt).toISOString() : null;
  }

  statuses(): ServiceStatus[] {
    return Object.entries(this.monitors).map(([service, monitor]) => {
      const reading = this.readings.get(monitor);
      return {
        service,
        status: this.stateOf(service, reading),
        responseTimeMs: reading?.pingMs ?? null,
        uptime24h: reading?.uptime24h ?? null,
        lastCheckAt: reading?.checkedAt == null ? null : new Date(reading.checkedAt).toISOString(),
      };
    });
  }

  /** Publishes `service.status` for every service whose status differs from the one last announced. */
  announceChanges(): void {
    const at = new Date(this.clock.now()).toISOString();
    for (const { service, status } of this.statuses()) {
      const previous = this.announced.get(service) ?? 'unknown';
      if (status === previous) continue;
      this.announced.set(service, status);
      this.events.publish({ topic: 'services', type: 'service.status', data: { service, status, previous, at }, audience: { everyone: true } });
    }
  }

  /** Pending (a check failed, Kuma is retrying) shows as degraded; an open breaker degrades a service Kuma calls up. */
  private stateOf(service: string, reading: MonitorReading | undefined): ServiceState {
    switch (reading?.state) {
      case undefined:
        return 'unknown';
      case 'down':
        return 'down';
      case 'maintenance':
        return 'maintenance';
      case 'pending':
        return 'degraded';
      case 'up': {
        const upstream = UPSTREAM_OF_SERVICE[service];
        const breakerOpen = upstream !== undefined && this.breakers.state(upstream).state === 'open';
        return breakerOpen || (reading.pingMs ?? 0) > SLOW_PING_MS ? 'degraded' : 'up';
      }
    }
  }

  /** Tells dashboards to read again: the statuses went stale, or are fresh again. */
  private invalidate(reason: string): void {
    const data = { scope: 'status', reason, at: new Date(this.clock.now()).toISOString() };
    this.events.publish({ topic: 'services', type: 'cache.invalidated', data, audience: { everyone: true } });
  }
}
