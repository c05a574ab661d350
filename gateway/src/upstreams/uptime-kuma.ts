import { UpstreamFailure } from '../resilience/upstream-failure';
import type { UpstreamClient } from './upstream-client';

/** Uptime Kuma's heartbeat statuses on the wire (UPSTREAMS.md section 4). */
const HEARTBEAT_STATES = { 0: 'down', 1: 'up', 2: 'pending', 3: 'maintenance' } as const;
export type HeartbeatState = (typeof HEARTBEAT_STATES)[keyof typeof HEARTBEAT_STATES];

/** What the status page says about one monitor: its latest heartbeat and its 24 h uptime. */
export interface MonitorReading {
  name: string;
  /** Undefined while the monitor has no heartbeat yet. */
  state?: HeartbeatState;
  pingMs: number | null;
  checkedAt: number | null;
  uptime24h: number | null;
}

interface StatusPage {
  publicGroupList?: Array<{ monitorList?: Array<{ id?: unknown; name?: unknown }> }>;
}

interface Heartbeats {
  heartbeatList?: Record<string, Array<{ status?: unknown; time?: unknown; ping?: unknown }>>;
  uptimeList?: Record<string, unknown>;
}

/** The public status-page API of one Uptime Kuma page: no auth, two reads. */
export class UptimeKumaApi {
  constructor(
    private readonly client: UpstreamClient,
    private readonly slug: string,
  ) {}

  get configured(): boolean {
    return this.client.configured;
  }

  /** Every monitor on the page, by name. */
  async read(correlationId: string): Promise<Map<string, MonitorReading>> {
    const slug = encodeURIComponent(this.slug);
    const [page, beats] = await Promise.all([
      this.client.call<StatusPage>({ path: `/api/status-page/${slug}`, correlationId }),
      this.client.call<Heartbeats>({ path: `/api/status-page/heartbeat/${slug}`, correlationId }),
    ]);
    const groups = page.body?.publicGroupList;
    if (!Array.isArray(groups)) throw malformed('the status page lists no monitor groups');
    const readings = new Map<string, MonitorReading>();
    for (const monitor of groups.flatMap((group) => (Array.isArray(group?.monitorList) ? group.monitorList : []))) {
      if (typeof monitor?.name !== 'string' || typeof monitor.id !== 'number') continue;
      readings.set(monitor.name, reading(monitor.name, monitor.id, beats.body ?? {}));
    }
    return readings;
  }
}

function reading(name: string, id: number, { heartbeatList = {}, uptimeList = {} }: Heartbeats): MonitorReading {
  const beats = heartbeatList[String(id)];
  // Heartbeats are listed oldest first, in Kuma 1.x and 2.x alike.
  const last = Array.isArray(beats) ? beats.at(-1) : undefined;
  const uptime = uptimeList[`${id}_24`];
  return {
    name,
    state: HEARTBEAT_STATES[last?.status as keyof typeof HEARTBEAT_STATES],
    pingMs: typeof last?.ping === 'number' ? Math.round(last.ping) : null,
    checkedAt: typeof last?.time === 'string' ? kumaTime(last.time) : null,
    uptime24h: typeof uptime === 'number' && uptime >= 0 && uptime <= 1 ? uptime : null,
  };
}

/** Kuma writes "YYYY-MM-DD HH:mm:ss.SSS" in UTC without saying so (every version: UPSTREAMS.md section 4). */
function kumaTime(text: string): number | null {
  const at = Date.parse(`${text.replace(' ', 'T')}Z`);
  return Number.isNaN(at) ? null : at;
}

function malformed(what: string): UpstreamFailure {
  return new UpstreamFailure('uptime-kuma', 'UPSTREAM_ERROR', `Uptime Kuma answered something unexpected: ${what}`, false);
}
