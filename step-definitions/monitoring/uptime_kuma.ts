import { Given, Then, When } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import { HealthChecks } from '../../support/checks/service-health';
import { letTimePassGradually } from '../../support/tasks/answer-while-time-runs';
import { ServiceHealth } from '../../support/tasks/service-health';
import type { MonitorState } from '../../support/upstreams/uptime-kuma/model';
import type { MediaNestWorld } from '../../support/world';

Given('Uptime Kuma\'s last check of {service} found it {kumaState}', function (this: MediaNestWorld, service: string, state: MonitorState) {
  ServiceHealth.kumaSees(this, service, state);
});

Given('Uptime Kuma measured {service} answering in {int} ms', function (this: MediaNestWorld, service: string, ms: number) {
  ServiceHealth.kumaSees(this, service, 'up', ms);
});

Given('Uptime Kuma has no monitor for {service}', function (this: MediaNestWorld, service: string) {
  this.upstreams.uptimeKuma.model.removeMonitor(ServiceHealth.monitorOf(this, service));
});

Given('Uptime Kuma has just begun watching {service} and has not checked it yet', function (this: MediaNestWorld, service: string) {
  const { model } = this.upstreams.uptimeKuma;
  model.removeMonitor(ServiceHealth.monitorOf(this, service));
  model.addMonitor(ServiceHealth.monitorOf(this, service));
});

Given('MediaNest reads {service}\'s health from the Uptime Kuma monitor {string}', function (this: MediaNestWorld, service: string, monitor: string) {
  ServiceHealth.readFromMonitor(this, service, monitor);
});

Given('MediaNest has no Uptime Kuma to read', function (this: MediaNestWorld) {
  expect(this.gatewayStarted, 'whether MediaNest started before its configuration was set').to.equal(false);
  this.env.UPTIME_KUMA_URL = ''; // empty reads as unset, in-process and in a child alike
});

Given('Uptime Kuma\'s status page has been unpublished', function (this: MediaNestWorld) {
  this.upstreams.uptimeKuma.fails({ kind: 'status', status: 404 });
});

When('MediaNest is left running for {duration}', async function (this: MediaNestWorld, ms: number) {
  // A second at a time, so each poll has real time to finish before the clock reaches the next.
  await letTimePassGradually(this, ms, undefined, 1_000);
});

Then('Uptime Kuma was not asked anything', function (this: MediaNestWorld) {
  HealthChecks.kumaAskedNothing(this);
});

Then('Uptime Kuma has been read only once', function (this: MediaNestWorld) {
  HealthChecks.kumaReadOnce(this);
});

Then('Uptime Kuma was polled every {int} seconds for {int} minutes after the look', function (this: MediaNestWorld, seconds: number, minutes: number) {
  HealthChecks.polledEvery(this, seconds, minutes);
});

Then('Uptime Kuma was polled {int} times, {int} seconds apart', function (this: MediaNestWorld, times: number, seconds: number) {
  HealthChecks.polledTimes(this, times, seconds);
});
