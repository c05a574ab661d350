import { Given, Then, When } from '@cucumber/cucumber';
import { HealthChecks } from '../../support/checks/service-health';
import { answerWhileTimeRuns } from '../../support/tasks/answer-while-time-runs';
import { ServiceHealth } from '../../support/tasks/service-health';
import type { MediaNestWorld } from '../../support/world';

Given('{persona} is watching service health', async function (this: MediaNestWorld, name: string) {
  await ServiceHealth.watch(this, name);
});

Given('{persona} has seen every service {health} on the dashboard', async function (this: MediaNestWorld, name: string, status: string) {
  await HealthChecks.dashboardShowsAll(this, name, status);
});

When('{actor} opens the service dashboard', async function (this: MediaNestWorld, name: string) {
  // The first reading of a failing Uptime Kuma waits out its retries, on the scenario clock.
  await answerWhileTimeRuns(this, ServiceHealth.open(this, name));
});

Then('{persona} sees every service up, with its response time and its uptime over 24 hours', function (this: MediaNestWorld, name: string) {
  HealthChecks.everyServiceUp(this, this.lastExchangeOf(name));
});

Then('{persona} sees that {service} is {health}', function (this: MediaNestWorld, name: string, service: string, status: string) {
  HealthChecks.shows(this.lastExchangeOf(name), service, status);
});

Then('{persona} sees that {service} is {health}, with no response time', function (this: MediaNestWorld, name: string, service: string, status: string) {
  HealthChecks.shows(this.lastExchangeOf(name), service, status, { responseTimeMs: null });
});

Then('{persona} sees that {service} is {health}, never checked', function (this: MediaNestWorld, name: string, service: string, status: string) {
  HealthChecks.shows(this.lastExchangeOf(name), service, status, { responseTimeMs: null, lastCheckAt: null });
});

Then('{persona} sees that {service} is {health}, answering in {int} ms', function (this: MediaNestWorld, name: string, service: string, status: string, ms: number) {
  HealthChecks.shows(this.lastExchangeOf(name), service, status, { responseTimeMs: ms });
});

Then('{persona}\'s dashboard now shows that {service} is {health}', async function (this: MediaNestWorld, name: string, service: string, status: string) {
  await HealthChecks.dashboardShows(this, name, service, status);
});

Then('{persona} is told {service} went from {health} to {health}', async function (this: MediaNestWorld, name: string, service: string, previous: string, status: string) {
  await HealthChecks.toldWent(this.live.latest(name), service, previous, status);
});

Then('{persona} has been told nothing about {service}', async function (this: MediaNestWorld, name: string, service: string) {
  await HealthChecks.toldNothingAbout(this.live.latest(name), service);
});

Then('{persona} sees the last known statuses, marked stale', async function (this: MediaNestWorld, name: string) {
  await HealthChecks.lastKnownMarkedStale(this, name);
});

Then('{persona} sees every service unknown, marked stale', function (this: MediaNestWorld, name: string) {
  HealthChecks.everyServiceUnknown(this.lastExchangeOf(name));
});

Then('{persona} is told the service statuses are {freshness}', async function (this: MediaNestWorld, name: string, stale: boolean) {
  await HealthChecks.toldStatusesAre(this.live.latest(name), stale);
});

Then('{persona} is told once that the service statuses are {freshness}', async function (this: MediaNestWorld, name: string, stale: boolean) {
  await HealthChecks.toldStatusesOnce(this.live.latest(name), stale);
});

Then('{persona}\'s dashboard is fresh again', async function (this: MediaNestWorld, name: string) {
  await HealthChecks.freshAgain(this, name);
});
