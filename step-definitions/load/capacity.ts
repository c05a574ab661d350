import { Before, Given, Then, When } from '@cucumber/cucumber';
import { expectData } from '../../support/checks/answers';
import { expect } from '../../support/checks/chai';
import { LoadChecks } from '../../support/checks/load';
import { COMPARISON_TIMEOUT_MS, LoadRuns } from '../../support/load/comparisons';
import { BrowseLibrary, libraryKey } from '../../support/tasks/browse-library';
import type { MediaNestWorld } from '../../support/world';

Before({ tags: '@load' }, function (this: MediaNestWorld) {
  // capacity is judged by the processor time of the suite's process, which serves the gateway only when it is embedded
  expect(this.target.kind, "Expected load scenarios to measure a gateway embedded in the suite's process").to.equal('embedded');
  this.env.LOG_LEVEL = 'warn'; // two log lines per request would measure the logger, not the gateway
  this.env.RATE_LIMIT_USER_PER_MINUTE = '1000000'; // one person's load must measure the route, not the limit
});

Given('the bare baseline route has been measured at {int} connections', async function (this: MediaNestWorld, connections: number) {
  await LoadRuns.measureBaseline(this, connections);
});

Given('{persona} has opened the Movies library once', async function (this: MediaNestWorld, name: string) {
  expectData(await BrowseLibrary.look(this, name, 'the library', 'Movies'));
});

Given('a bare route answering the same bytes has been measured at {int} connections', async function (this: MediaNestWorld, connections: number) {
  await LoadRuns.measureBaseline(this, connections, this.lastExchange.response.text);
});

When('{int} clients call the liveness check for {int} seconds', { timeout: COMPARISON_TIMEOUT_MS }, async function (this: MediaNestWorld, connections: number, seconds: number) {
  await LoadRuns.liveness(this, connections, seconds);
});

When('{int} clients read {persona}\'s Movies library for {int} seconds flat out, then at {int} requests a second beside the bare route', { timeout: COMPARISON_TIMEOUT_MS }, async function (this: MediaNestWorld, connections: number, name: string, seconds: number, rate: number) {
  await LoadRuns.cachedLibraryReads(this, name, connections, seconds, rate);
});

When('{int} clients search for films as {persona} at {int} requests a second for {int} seconds, beside the same load on a bare route', { timeout: COMPARISON_TIMEOUT_MS }, async function (this: MediaNestWorld, connections: number, name: string, rate: number, seconds: number) {
  await LoadRuns.searches(this, name, connections, rate, seconds);
});

When('{persona} sends {int} requests for his session at once over {int} open connections, beside the same burst to a bare route', { timeout: COMPARISON_TIMEOUT_MS }, async function (this: MediaNestWorld, name: string, amount: number, connections: number) {
  await LoadRuns.sessionBurst(this, name, amount, connections);
});

Then('no call failed', function (this: MediaNestWorld) {
  LoadChecks.noCallFailed(this);
});

Then('exactly {int} are answered and {int} are told to retry later', function (this: MediaNestWorld, admitted: number, refused: number) {
  LoadChecks.burstAnswered(this, admitted, refused);
});

Then('every answer said the service is unavailable', function (this: MediaNestWorld) {
  LoadChecks.everyAnswer(this, '503');
});

Then('Plex was asked for the Movies library once in all', function (this: MediaNestWorld) {
  expect(this.upstreams.plexServer.journal.calls('GET', `/library/sections/${libraryKey('Movies')}/all`)).to.be.askedTimes(1, 'Plex', 'for the Movies library');
});

Then('the gateway answers at least {int}% as many calls per second of processor time as the bare route', function (this: MediaNestWorld, percent: number) {
  LoadChecks.throughputAgainstBareRoute(this, percent);
});

Then('the slowest answers took no longer than {int} times the bare route\'s slowest, or {int} ms, whichever is more', function (this: MediaNestWorld, times: number, floorMs: number) {
  LoadChecks.latencyAgainstBareRoute(this, 'p99', times, floorMs);
});

Then('the typical answer took no longer than {int} times the bare route\'s, or {int} ms, whichever is more', function (this: MediaNestWorld, times: number, floorMs: number) {
  LoadChecks.latencyAgainstBareRoute(this, 'p50', times, floorMs);
});
