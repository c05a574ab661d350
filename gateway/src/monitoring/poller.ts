import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { sleep, type Clock, type TimerHandle } from '../clock';
import type { GatewayEvents } from '../realtime/events';
import type { ServiceBoard } from './service-board';
import type { UptimeKumaApi } from '../upstreams/uptime-kuma';

/** The longest a dashboard read waits for a fresh reading before answering with what it has. */
export const READ_WAIT_MS = 2_000;
/** How long after the last dashboard read the polls go on when nobody follows service health live. */
export const INTEREST_MS = 10 * 60_000;

/**
 * Reads Uptime Kuma every interval on the gateway's clock while anyone is interested: someone
 * follows service health live, or read the dashboard in the last INTEREST_MS. Otherwise it rests
 * (an idle install leaves Kuma alone, and a test clock moved a day ahead costs nothing), and the
 * next dashboard read refreshes a reading older than the interval itself. One poll at a time: the
 * next is set when the previous has finished.
 */
export class KumaPoller {
  private timer?: TimerHandle;
  private inFlight?: Promise<void>;
  // Never is -Infinity: longer ago than any interval.
  private lastStartedAt = Number.NEGATIVE_INFINITY;
  private lastReadAt = Number.NEGATIVE_INFINITY;
  private stopped = false;
  private stopListening?: () => void;

  constructor(
    private readonly api: UptimeKumaApi,
    private readonly board: ServiceBoard,
    private readonly events: GatewayEvents,
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly log: FastifyBaseLogger,
  ) {}

  start(): void {
    if (!this.api.configured) return;
    this.stopListening = this.events.onFollowersChanged((topic) => topic === 'services' && this.schedule());
  }

  stop(): void {
    this.stopped = true;
    this.stopListening?.();
    this.cancelTimer();
  }

  /** Refreshes a reading older than the interval, waiting for it at most READ_WAIT_MS on the clock. */
  async reading(): Promise<void> {
    if (!this.api.configured) return;
    this.lastReadAt = this.clock.now();
    this.schedule();
    if (this.clock.now() - this.lastStartedAt < this.intervalMs) return;
    const patience = new AbortController();
    await Promise.race([this.pollNow(), sleep(this.clock, READ_WAIT_MS, patience.signal).catch(() => undefined)]);
    patience.abort();
  }

  private pollNow(): Promise<void> {
    if (!this.inFlight) {
      this.lastStartedAt = this.clock.now();
      this.inFlight = this.poll().finally(() => (this.inFlight = undefined));
    }
    return this.inFlight;
  }

  private async poll(): Promise<void> {
    try {
      const readings = await this.api.read(randomUUID());
      if (!this.stopped) this.board.record(readings);
    } catch (error) {
      if (this.stopped) return;
      this.log.warn({ err: error }, 'Uptime Kuma could not be read: keeping the last known statuses');
      this.board.recordFailure();
    }
  }

  /** Keeps one timer set while anyone is interested, none otherwise. */
  private schedule(): void {
    const reading = this.clock.now() - this.lastReadAt < INTEREST_MS;
    const interested = !this.stopped && (reading || this.events.followersOf('services') > 0);
    if (!interested) return this.cancelTimer();
    if (this.timer) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      void this.pollNow().then(() => this.schedule());
    }, this.intervalMs);
  }

  private cancelTimer(): void {
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
