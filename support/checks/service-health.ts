import { expect } from './chai';
import type { HttpExchange } from '../api/exchange';
import type { LiveConnection } from '../drivers/ws';
import { ServiceHealth, type DashboardEntry } from '../tasks/service-health';
import type { MediaNestWorld } from '../world';
import { expectData } from './answers';

const ISO_TIME = /^\d{4}-\d\d-\d\dT/;
const shown = (entries: DashboardEntry[]) => entries.map((entry) => `${entry.service} ${entry.status}${entry.responseTimeMs === null ? '' : ` (${entry.responseTimeMs} ms)`}`).join(', ');

/** Questions about the service dashboard, what Uptime Kuma was asked, and what watchers were told. */
export const HealthChecks = {
  /** Every service up, each with Uptime Kuma's last ping as its response time and its uptime over 24 hours; fresh. */
  everyServiceUp(world: MediaNestWorld, exchange: HttpExchange): void {
    const entries: DashboardEntry[] = expectData(exchange);
    const kuma = world.upstreams.uptimeKuma.model;
    const expected = entries.map((entry) => {
      const monitor = kuma.monitor(ServiceHealth.monitorOf(world, entry.service));
      const last = monitor.heartbeats.at(-1)!;
      return { service: entry.service, status: 'up', responseTimeMs: last.ping, uptime24h: monitor.uptime24h, lastCheckAt: new Date(last.at).toISOString() };
    });
    expect(entries.map((entry) => entry.service), 'Expected Plex, Overseerr and MediaNest on the dashboard, in that order').to.deep.equal(['plex', 'overseerr', 'medianest']);
    expect(entries, "Expected every service up, with Uptime Kuma's last ping and uptime").to.deep.equal(expected);
    expect(exchange.response.body.meta.stale, 'Expected fresh statuses').to.equal(false);
  },

  /** The service as the dashboard shows it, and what else is expected of it (a response time). */
  shows(exchange: HttpExchange, service: string, status: string, extra: Partial<DashboardEntry> = {}): void {
    const entries: DashboardEntry[] = expectData(exchange);
    const entry = entries.find((candidate) => candidate.service === service);
    const picked = Object.fromEntries(['status', ...Object.keys(extra)].map((key) => [key, entry?.[key as keyof DashboardEntry]]));
    expect(picked, `Expected the dashboard to show ${service} ${status}${extra.responseTimeMs === undefined ? '' : ` (${extra.responseTimeMs} ms)`}, but it shows ${shown(entries)}`).to.deep.equal({ status, ...extra });
  },

  async dashboardShows(world: MediaNestWorld, name: string, service: string, status: string): Promise<void> {
    const { services, meta } = await ServiceHealth.dashboard(world, name);
    expect(services.get(service)?.status, `Expected ${name}'s dashboard to show ${service} ${status}, but it shows ${shown([...services.values()])}`).to.equal(status);
    expect(meta.stale, 'Expected fresh statuses').to.equal(false);
  },

  async dashboardShowsAll(world: MediaNestWorld, name: string, status: string): Promise<void> {
    const { services } = await ServiceHealth.dashboard(world, name);
    expect([...services.values()].map((entry) => entry.status), `Expected ${name} to see every service ${status}, but the dashboard shows ${shown([...services.values()])}`).to.deep.equal([status, status, status]);
  },

  /** What the load balancer was told: the readiness check's status, and whether the gateway and its database are ready. */
  /** The liveness answer, whole: a load balancer reads its status, a person its words. */
  alive(exchange: HttpExchange, uptimeSeconds: number): void {
    expect(exchange).to.be.answered(200);
    expect(exchange.response.body, `Expected MediaNest to say it is alive, up for ${uptimeSeconds} seconds`).to.deep.equal({ success: true, data: { status: 'ok', uptimeSeconds } });
  },

  readiness(world: MediaNestWorld, expected: { status: number; ready: boolean; database: string }): void {
    const { status, readiness } = world.notes.readiness.answer!;
    expect({ status, ready: readiness.ready, database: readiness.database }, `Expected MediaNest to say it is ${expected.ready ? '' : 'not '}ready, with its database ${expected.database}`).to.deep.equal(expected);
  },

  kumaAskedNothing(world: MediaNestWorld): void {
    expect(world.upstreams.uptimeKuma.journal.entries.map((call) => `${call.method} ${call.path}`), 'Expected Uptime Kuma not to be asked anything').to.deep.equal([]);
  },

  async lastKnownMarkedStale(world: MediaNestWorld, name: string): Promise<void> {
    const { services, meta } = await ServiceHealth.dashboard(world, name);
    expect([...services.values()].map((entry) => entry.status), 'Expected the statuses Uptime Kuma last gave').to.deep.equal(['up', 'up', 'up']);
    expect(meta.stale, 'Expected the statuses marked stale').to.equal(true);
  },

  everyServiceUnknown(exchange: HttpExchange): void {
    const entries: DashboardEntry[] = expectData(exchange);
    expect(entries.map((entry) => `${entry.status}, last checked ${entry.lastCheckAt}`), `Expected every service unknown and never checked, but the dashboard shows ${shown(entries)}`).to.deep.equal(Array(3).fill('unknown, last checked null'));
    expect(exchange.response.body.meta, 'Expected the statuses marked stale, from no poll at all').to.deep.equal({ stale: true, lastPollAt: null });
  },

  async freshAgain(world: MediaNestWorld, name: string): Promise<void> {
    const { meta } = await ServiceHealth.dashboard(world, name);
    expect(meta.stale, 'Expected fresh statuses').to.equal(false);
    expect(Date.parse(meta.lastPollAt), `Expected a poll in the last 30 seconds, but the last was at ${meta.lastPollAt}`).to.be.above(world.clock.now() - 30_000);
  },

  async toldWent(connection: LiveConnection, service: string, previous: string, status: string): Promise<void> {
    const told = await ServiceHealth.toldOf(connection, service, status);
    expect(told.previous, `Expected ${connection.owner} to be told ${service} went from ${previous} to ${status}, but it was from ${told.previous}`).to.equal(previous);
  },

  async toldNothingAbout(connection: LiveConnection, service: string): Promise<void> {
    await connection.roundTrip();
    expect(connection.received('service.status', (data) => data.service === service).map((message) => message.data.status), `Expected ${connection.owner} to be told nothing about ${service}`).to.deep.equal([]);
  },

  async toldStatusesAre(connection: LiveConnection, stale: boolean): Promise<void> {
    const reason = stale ? 'uptime-kuma-unreachable' : 'uptime-kuma-reachable';
    const { data } = await connection.waitFor('cache.invalidated', (event) => event.scope === 'status' && event.reason === reason);
    expect(data.at, 'Expected the time of the change').to.match(ISO_TIME);
  },

  /** Told of the change, and (a round trip later, so anything sent has arrived) of no other change of freshness. */
  async toldStatusesOnce(connection: LiveConnection, stale: boolean): Promise<void> {
    await HealthChecks.toldStatusesAre(connection, stale);
    await connection.roundTrip();
    const told = connection.received('cache.invalidated', (event) => event.scope === 'status').map((message) => message.data.reason);
    expect(told, `Expected ${connection.owner} to be told once that the service statuses are ${stale ? 'stale' : 'fresh'}`).to.deep.equal([stale ? 'uptime-kuma-unreachable' : 'uptime-kuma-reachable']);
  },

  /** One poll reads the status page and its heartbeats; a second would read both again. */
  kumaReadOnce(world: MediaNestWorld): void {
    const reads = world.upstreams.uptimeKuma.journal.calls('GET', '/api/status-page/').map((call) => call.path);
    expect(reads.sort(), `Expected Uptime Kuma to be read once, but it was asked ${reads.join(', ')}`).to.deep.equal(['/api/status-page/default', '/api/status-page/heartbeat/default']);
  },

  polledTimes(world: MediaNestWorld, times: number, seconds: number): void {
    const polls = world.upstreams.uptimeKuma.journal.calls('GET', '/api/status-page/heartbeat/');
    const offsets = polls.map((call) => (call.at - polls[0]!.at) / 1000);
    expect(offsets, `Expected Uptime Kuma polled ${times} times, ${seconds} seconds apart`).to.deep.equal(Array.from({ length: times }, (_, i) => i * seconds));
  },

  polledEvery(world: MediaNestWorld, seconds: number, minutes: number): void {
    const polls = world.upstreams.uptimeKuma.journal.calls('GET', '/api/status-page/heartbeat/');
    const offsets = polls.map((call) => (call.at - polls[0]!.at) / 1000);
    expect(offsets, `Expected Uptime Kuma polled every ${seconds} seconds for ${minutes} minutes after the look`).to.deep.equal(Array.from({ length: (minutes * 60) / seconds + 1 }, (_, i) => i * seconds));
  },
};
