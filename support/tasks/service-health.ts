import assert from 'node:assert/strict';
import type { HttpExchange } from '../api/exchange';
import type { LiveConnection } from '../drivers/ws';
import { expectData } from '../checks/answers';
import type { MonitorState } from '../upstreams/uptime-kuma/model';
import type { MediaNestWorld } from '../world';
import { answerWhileTimeRuns } from './answer-while-time-runs';
import { LiveUpdates } from './live-updates';
import { SignIn } from './sign-in';

/** The gateway's default UPTIME_KUMA_MONITORS (CONTRACT.md, "Configuration"): service key -> monitor name. */
const DEFAULT_MONITORS: Record<string, string> = { plex: 'Plex Media Server', overseerr: 'Overseerr', medianest: 'MediaNest' };

export interface DashboardEntry {
  service: string;
  status: string;
  responseTimeMs: number | null;
  uptime24h: number | null;
  lastCheckAt: string | null;
}

/** What people see of service health, and what Uptime Kuma is made to see. */
export const ServiceHealth = {
  /** The Uptime Kuma monitor the scenario's gateway reads for a service. */
  monitorOf(world: MediaNestWorld, service: string): string {
    const configured = world.env.UPTIME_KUMA_MONITORS;
    const pairs = configured ? Object.fromEntries(configured.split(',').map((pair) => pair.split('=').map((part) => part.trim()))) : DEFAULT_MONITORS;
    const monitor = pairs[service];
    assert.ok(monitor, `no Uptime Kuma monitor is mapped to ${service}`);
    return monitor;
  },

  /** MediaNest is configured to read the service's health from a monitor of this name, which Uptime Kuma has. */
  readFromMonitor(world: MediaNestWorld, service: string, monitor: string): void {
    const pairs = { ...DEFAULT_MONITORS, [service]: monitor };
    // written with spaces around the names, as a person might: MediaNest trims them
    world.env.UPTIME_KUMA_MONITORS = Object.entries(pairs).map(([key, name]) => ` ${key} = ${name} `).join(',');
    world.upstreams.uptimeKuma.model.addMonitor(monitor);
  },

  /** Uptime Kuma's next check of the service records a heartbeat in `state`. */
  kumaSees(world: MediaNestWorld, service: string, state: MonitorState, ping?: number): void {
    world.upstreams.uptimeKuma.model.setStatus(ServiceHealth.monitorOf(world, service), state, ping === undefined ? {} : { ping });
  },

  /** Reads the dashboard; a persona signs in first if needed, a visitor goes as they are. */
  async open(world: MediaNestWorld, name: string): Promise<HttpExchange> {
    const actor = world.actor(name);
    if (!actor.session && actor !== world.visitor) await SignIn.as(world, name);
    return actor.api.getServiceStatus();
  },

  /**
   * The dashboard as the person sees it: every service, by key. A read may refresh Uptime Kuma's
   * reading first, and a failing Kuma's retries wait on the scenario clock: it is moved meanwhile.
   */
  async dashboard(world: MediaNestWorld, name: string): Promise<{ services: Map<string, DashboardEntry>; meta: any }> {
    const exchange = await answerWhileTimeRuns(world, ServiceHealth.open(world, name));
    const entries: DashboardEntry[] = expectData(exchange);
    return { services: new Map(entries.map((entry) => [entry.service, entry])), meta: exchange.response.body.meta };
  },

  /** As the portal does: reads the dashboard, then listens for changes to it. */
  async watch(world: MediaNestWorld, name: string): Promise<LiveConnection> {
    await ServiceHealth.dashboard(world, name);
    return LiveUpdates.subscribed(world, name, ['services']);
  },

  /** Waits for the connection to be told the service's status changed to `status`. */
  async toldOf(connection: LiveConnection, service: string, status: string): Promise<any> {
    const { data } = await connection.waitFor('service.status', (event) => event.service === service && event.status === status);
    assert.match(data.at, /^\d{4}-\d\d-\d\dT/, 'the change says when it was seen');
    return data;
  },
};
