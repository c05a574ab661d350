import { defineParameterType, Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { expectData } from '../support/checks/answers';
import { answerWhileTimeRuns, letTimePassGradually } from '../support/tasks/answer-while-time-runs';
import { ServiceHealth } from '../support/tasks/service-health';
import type { MonitorState } from '../support/upstreams/uptime-kuma/model';
import type { MediaNestWorld } from '../support/world';

/** A status the dashboard shows, as people say it. */
defineParameterType({
  name: 'health',
  regexp: /up|down|degraded|under maintenance|unknown/,
  transformer: (words: string) => (words === 'under maintenance' ? 'maintenance' : words),
});

/** What an Uptime Kuma check can find: its four heartbeat states. */
defineParameterType({
  name: 'kumaState',
  regexp: /up|down|pending|under maintenance/,
  transformer: (words: string): MonitorState => (words === 'under maintenance' ? 'maintenance' : (words as MonitorState)),
});

Given('Uptime Kuma\'s last check of {service} found it {kumaState}', function (this: MediaNestWorld, service: string, state: MonitorState) {
  ServiceHealth.kumaSees(this, service, state);
});

Given('Uptime Kuma measured {service} answering in {int} ms', function (this: MediaNestWorld, service: string, ms: number) {
  ServiceHealth.kumaSees(this, service, 'up', ms);
});

Given('Uptime Kuma has no monitor for {service}', function (this: MediaNestWorld, service: string) {
  this.upstreams.uptimeKuma.model.removeMonitor(ServiceHealth.monitorOf(this, service));
});

Given('MediaNest reads {service}\'s health from the Uptime Kuma monitor {string}', function (this: MediaNestWorld, service: string, monitor: string) {
  const pairs = { plex: 'Plex Media Server', overseerr: 'Overseerr', medianest: 'MediaNest', [service]: monitor };
  this.env.UPTIME_KUMA_MONITORS = Object.entries(pairs).map(([key, name]) => `${key}=${name}`).join(',');
  this.upstreams.uptimeKuma.model.addMonitor(monitor);
});

Given('Uptime Kuma\'s status page has been unpublished', function (this: MediaNestWorld) {
  this.upstreams.uptimeKuma.fails({ kind: 'status', status: 404 });
});

Given('{persona} is watching service health', async function (this: MediaNestWorld, name: string) {
  await ServiceHealth.watch(this, name);
});

Given('{persona} has seen every service up on the dashboard', async function (this: MediaNestWorld, name: string) {
  const { services } = await ServiceHealth.dashboard(this, name);
  assert.deepEqual([...services.values()].map((entry) => entry.status), ['up', 'up', 'up']);
});

When('{actor} opens the service dashboard', async function (this: MediaNestWorld, name: string) {
  // The first reading of a failing Uptime Kuma waits out its retries, on the scenario clock.
  await answerWhileTimeRuns(this, ServiceHealth.open(this, name));
});

Then('{persona} sees every service up, with its response time and its uptime over 24 hours', function (this: MediaNestWorld, name: string) {
  const entries = expectData(this.lastExchangeOf(name));
  const kuma = this.upstreams.uptimeKuma.model;
  assert.deepEqual(entries.map((entry: { service: string }) => entry.service), ['plex', 'overseerr', 'medianest']);
  for (const entry of entries) {
    const monitor = kuma.monitor(ServiceHealth.monitorOf(this, entry.service));
    const last = monitor.heartbeats.at(-1)!;
    assert.equal(entry.status, 'up');
    assert.equal(entry.responseTimeMs, last.ping, `${entry.service}'s response time is Kuma's last ping`);
    assert.equal(entry.uptime24h, monitor.uptime24h);
    assert.equal(entry.lastCheckAt, new Date(last.at).toISOString());
  }
  assert.equal(this.lastExchangeOf(name).response.body.meta.stale, false);
});

Then('{persona} sees that {service} is {health}', function (this: MediaNestWorld, name: string, service: string, status: string) {
  const entries = expectData(this.lastExchangeOf(name));
  const entry = entries.find((candidate: { service: string }) => candidate.service === service);
  assert.equal(entry?.status, status, `the dashboard shows ${JSON.stringify(entry)}`);
});

Then('{persona} sees that {service} is {health}, answering in {int} ms', function (this: MediaNestWorld, name: string, service: string, status: string, ms: number) {
  const entry = expectData(this.lastExchangeOf(name)).find((candidate: { service: string }) => candidate.service === service);
  assert.deepEqual({ status: entry?.status, responseTimeMs: entry?.responseTimeMs }, { status, responseTimeMs: ms });
});

Then('{persona}\'s dashboard now shows that {service} is {health}', async function (this: MediaNestWorld, name: string, service: string, status: string) {
  const { services, meta } = await ServiceHealth.dashboard(this, name);
  assert.equal(services.get(service)?.status, status, `the dashboard shows ${JSON.stringify(services.get(service))}`);
  assert.equal(meta.stale, false);
});

Then('{persona} is told {service} went from {health} to {health}', async function (this: MediaNestWorld, name: string, service: string, previous: string, status: string) {
  const told = await ServiceHealth.toldOf(this.live.latest(name), service, status);
  assert.equal(told.previous, previous);
});

Then('{persona} has been told nothing about {service}', async function (this: MediaNestWorld, name: string, service: string) {
  const connection = this.live.latest(name);
  await connection.roundTrip();
  assert.deepEqual(connection.received('service.status', (data) => data.service === service), []);
});

Then('{persona} sees the last known statuses, marked stale', async function (this: MediaNestWorld, name: string) {
  const { services, meta } = await ServiceHealth.dashboard(this, name);
  assert.deepEqual([...services.values()].map((entry) => entry.status), ['up', 'up', 'up'], 'the statuses Uptime Kuma last gave');
  assert.equal(meta.stale, true);
});

Then('{persona} sees every service unknown, marked stale', function (this: MediaNestWorld, name: string) {
  const exchange = this.lastExchangeOf(name);
  const entries = expectData(exchange);
  assert.deepEqual(entries.map((entry: { status: string }) => entry.status), ['unknown', 'unknown', 'unknown']);
  assert.ok(entries.every((entry: { lastCheckAt: unknown }) => entry.lastCheckAt === null));
  assert.equal(exchange.response.body.meta.stale, true);
});

Then('{persona} is told the service statuses are {word}', async function (this: MediaNestWorld, name: string, freshness: string) {
  const reason = freshness === 'stale' ? 'uptime-kuma-unreachable' : 'uptime-kuma-reachable';
  const { data } = await this.live.latest(name).waitFor('cache.invalidated', (event) => event.scope === 'status' && event.reason === reason);
  assert.match(data.at, /^\d{4}-\d\d-\d\dT/);
});

Then('{persona}\'s dashboard is fresh again', async function (this: MediaNestWorld, name: string) {
  const { meta } = await ServiceHealth.dashboard(this, name);
  assert.equal(meta.stale, false);
  assert.ok(Date.parse(meta.lastPollAt) > this.clock.now() - 30_000, `the last poll was at ${meta.lastPollAt}`);
});

When('MediaNest is left running for {duration}', async function (this: MediaNestWorld, ms: number) {
  // A second at a time, so each poll has real time to finish before the clock reaches the next.
  await letTimePassGradually(this, ms, undefined, 1_000);
});

Then('Uptime Kuma was not asked anything', function (this: MediaNestWorld) {
  assert.deepEqual(this.upstreams.uptimeKuma.journal.entries.map((call) => call.path), []);
});

Then('Uptime Kuma has been read only once', function (this: MediaNestWorld) {
  // One poll reads the status page and its heartbeats; a second poll would read both again.
  const reads = this.upstreams.uptimeKuma.journal.calls('GET', '/api/status-page/').map((call) => call.path);
  assert.deepEqual(reads.sort(), ['/api/status-page/default', '/api/status-page/heartbeat/default']);
});

Then('Uptime Kuma was polled every {int} seconds for {int} minutes after the look', function (this: MediaNestWorld, seconds: number, minutes: number) {
  const polls = this.upstreams.uptimeKuma.journal.calls('GET', '/api/status-page/heartbeat/');
  const lookedAt = polls[0]!.at;
  const offsets = polls.map((call) => (call.at - lookedAt) / 1000);
  const expected = Array.from({ length: (minutes * 60) / seconds + 1 }, (_, i) => i * seconds);
  assert.deepEqual(offsets, expected);
});
