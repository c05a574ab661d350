/** Uptime Kuma's heartbeat statuses, as numbers on the wire (UPSTREAMS.md section 4). */
export const HEARTBEAT_STATUS = { down: 0, up: 1, pending: 2, maintenance: 3 } as const;

export type MonitorState = keyof typeof HEARTBEAT_STATUS;
export type HeartbeatStatus = (typeof HEARTBEAT_STATUS)[MonitorState];

/** Uptime Kuma 1.x keeps the last 50 heartbeats of each monitor on the public page. */
export const HEARTBEATS_PER_MONITOR = 50;

export interface Heartbeat {
  status: HeartbeatStatus;
  at: number;
  /** Kept for the suite's own reading: the public API blanks it. */
  msg: string;
  ping: number | null;
}

export interface Monitor {
  id: number;
  name: string;
  type: 'http';
  /** Oldest first, at most HEARTBEATS_PER_MONITOR. */
  heartbeats: Heartbeat[];
  /** The 24 h uptime as a fraction 0..1, set by the scenario rather than computed. */
  uptime24h: number;
}

export interface Incident {
  id: number;
  style: 'info' | 'warning' | 'danger' | 'primary' | 'light' | 'dark';
  title: string;
  content: string;
  createdAt: number;
}

export interface StatusPageSettings {
  slug: string;
  title: string;
  description: string;
}

const SEED: Array<{ name: string; pings: number[] }> = [
  { name: 'Plex Media Server', pings: [44, 51, 47, 42] },
  { name: 'Overseerr', pings: [96, 88, 112, 91] },
  { name: 'MediaNest', pings: [63, 58, 70, 61] },
];
const SEED_INTERVAL_MS = 60_000;
const SEED_UPTIME = 0.9993;
const DEFAULT_UP_PING = 50;

/** One published status page of Uptime Kuma 1.23: its monitors, their heartbeats and uptimes. */
export class UptimeKumaModel {
  readonly page: StatusPageSettings;
  incident: Incident | null = null;
  private readonly monitors: Monitor[] = [];
  private nextMonitorId = 1;
  private nextIncidentId = 1;

  constructor(
    private readonly now: () => number,
    slug = 'default',
  ) {
    this.page = { slug, title: 'MediaNest Services', description: 'Status of the MediaNest stack' };
    const start = now() - SEED_INTERVAL_MS * 4;
    for (const { name, pings } of SEED) {
      const monitor = this.addMonitor(name);
      monitor.heartbeats = pings.map((ping, i) => ({
        status: HEARTBEAT_STATUS.up,
        at: start + SEED_INTERVAL_MS * (i + 1),
        msg: '200 - OK',
        ping,
      }));
    }
  }

  list(): readonly Monitor[] {
    return this.monitors;
  }

  monitor(name: string): Monitor {
    const monitor = this.monitors.find((candidate) => candidate.name === name);
    if (!monitor) throw new Error(`Uptime Kuma has no monitor named "${name}" (it has: ${this.monitors.map((m) => m.name).join(', ')})`);
    return monitor;
  }

  addMonitor(name: string): Monitor {
    if (this.monitors.some((candidate) => candidate.name === name)) throw new Error(`Uptime Kuma already has a monitor named "${name}"`);
    const monitor: Monitor = { id: this.nextMonitorId++, name, type: 'http', heartbeats: [], uptime24h: SEED_UPTIME };
    this.monitors.push(monitor);
    return monitor;
  }

  removeMonitor(name: string): void {
    this.monitors.splice(this.monitors.indexOf(this.monitor(name)), 1);
  }

  /** The monitor checks now and records a heartbeat in `state`. */
  setStatus(monitorName: string, state: MonitorState, options: { ping?: number | null; msg?: string } = {}): Heartbeat {
    const monitor = this.monitor(monitorName);
    const heartbeat: Heartbeat = {
      status: HEARTBEAT_STATUS[state],
      at: this.now(),
      msg: options.msg ?? defaultMessage(state),
      // Kuma records a ping only for a check that got an answer.
      ping: options.ping !== undefined ? options.ping : state === 'up' ? lastUpPing(monitor) : null,
    };
    monitor.heartbeats.push(heartbeat);
    monitor.heartbeats.splice(0, Math.max(0, monitor.heartbeats.length - HEARTBEATS_PER_MONITOR));
    return heartbeat;
  }

  setUptime(monitorName: string, fraction: number): void {
    if (!(fraction >= 0 && fraction <= 1)) throw new Error(`an uptime is a fraction 0..1, got ${fraction}`);
    this.monitor(monitorName).uptime24h = fraction;
  }

  /** A pinned incident shows on the page until cleared. */
  postIncident(title: string, content = '', style: Incident['style'] = 'warning'): Incident {
    this.incident = { id: this.nextIncidentId++, style, title, content, createdAt: this.now() };
    return this.incident;
  }

  clearIncident(): void {
    this.incident = null;
  }
}

/** Kuma's stored time format: UTC, "YYYY-MM-DD HH:mm:ss.SSS". */
export function kumaTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

function lastUpPing(monitor: Monitor): number {
  return monitor.heartbeats.findLast((beat) => beat.status === HEARTBEAT_STATUS.up && beat.ping !== null)?.ping ?? DEFAULT_UP_PING;
}

function defaultMessage(state: MonitorState): string {
  switch (state) {
    case 'up':
      return '200 - OK';
    case 'down':
      return 'connect ECONNREFUSED';
    case 'pending':
      return 'timeout of 48000ms exceeded';
    case 'maintenance':
      return 'Monitor under maintenance';
  }
}
