import { Given, Then, When } from '@cucumber/cucumber';
import { BreakerChecks } from '../../support/checks/breakers';
import { UpstreamCalls } from '../../support/checks/upstream-calls';
import { letTimePassGradually } from '../../support/tasks/answer-while-time-runs';
import { Breakers } from '../../support/tasks/breakers';
import { operationFor, UpstreamOperations, type UpstreamOperation } from '../../support/tasks/upstream-operations';
import type { UpstreamName } from '../../support/upstreams/fake-upstream';
import type { MediaNestWorld } from '../../support/world';

Given('{actor} has tried to {operation} {int} times in vain', async function (this: MediaNestWorld, name: string, operation: UpstreamOperation, times: number) {
  await UpstreamOperations.failRepeatedly(this, this.actor(name), operation, times);
  UpstreamOperations.noteBreakerOpened(this, operation);
});

Given('{actor} has tried to {operation} {int} times, each time until it timed out after {duration}', async function (this: MediaNestWorld, name: string, operation: UpstreamOperation, times: number, ms: number) {
  await UpstreamOperations.timeOutRepeatedly(this, this.actor(name), operation, times, ms);
  UpstreamOperations.noteBreakerOpened(this, operation);
});

Given('{upstream}\'s breaker opened after {persona}\'s {int} failed tries', async function (this: MediaNestWorld, upstream: UpstreamName, name: string, times: number) {
  this.notes.resilience.operation = operationFor(upstream);
  this.notes.resilience.callsWhenOpened = await Breakers.openBy(this, this.actor(name), operationFor(upstream), times);
});

Given('MediaNest has polled a failing Uptime Kuma until its breaker opened', async function (this: MediaNestWorld) {
  this.notes.resilience.callsWhenOpened = await Breakers.openByPolling(this, 'uptime-kuma');
});

When('MediaNest keeps polling Uptime Kuma for {duration}', async function (this: MediaNestWorld, ms: number) {
  await letTimePassGradually(this, ms);
});

Then('{upstream} received no call after its breaker opened', function (this: MediaNestWorld, upstream: UpstreamName) {
  UpstreamCalls.none(this, upstream, Breakers.callsSinceOpened(this, upstream), 'while its breaker was open');
});

Then('{upstream}\'s breaker is {word}', async function (this: MediaNestWorld, upstream: UpstreamName, state: string) {
  await BreakerChecks.is(this, upstream, state);
});

Then('{upstream}\'s breaker is open again for another {duration}', async function (this: MediaNestWorld, upstream: UpstreamName, ms: number) {
  await BreakerChecks.openFor(this, upstream, ms);
});

When('{actor} (tries to )look(s) at the circuit breakers', async function (this: MediaNestWorld, name: string) {
  await Breakers.list(this.actor(name));
});

When('{actor} tries to reset {upstream}\'s breaker', async function (this: MediaNestWorld, name: string, upstream: UpstreamName) {
  await Breakers.reset(this.actor(name), upstream);
});

When('{persona} resets {upstream}\'s breaker', async function (this: MediaNestWorld, name: string, upstream: UpstreamName) {
  BreakerChecks.resetAnswered(await Breakers.reset(this.actor(name), upstream), upstream);
});

When('{persona} resets the breaker of a service MediaNest does not call', async function (this: MediaNestWorld, name: string) {
  await Breakers.reset(this.actor(name), 'jellyfin');
});

Then('she sees {upstream}\'s breaker open after {int} failures, probing 30 seconds after it opened', function (this: MediaNestWorld, upstream: UpstreamName, failures: number) {
  BreakerChecks.listedOpen(this, this.lastExchange, upstream, failures);
});

Then('she sees every breaker but {upstream}\'s closed', function (this: MediaNestWorld, upstream: UpstreamName) {
  BreakerChecks.othersClosed(this.lastExchange, upstream);
});

When('{persona} and {persona} both try to {operation} while the first answer takes {duration}', async function (this: MediaNestWorld, first: string, second: string, operation: UpstreamOperation, ms: number) {
  await Breakers.raceTheProbe(this, [this.actor(first), this.actor(second)], operation, ms);
});

Then('{upstream} heard from {persona} only once {persona}\'s probe was decided', function (this: MediaNestWorld, upstream: UpstreamName, second: string, first: string) {
  BreakerChecks.heardAfterProbe(this, upstream, second, first);
});

When('{persona} resets {upstream}\'s breaker while {persona}\'s try waits for {persona}\'s probe, which times out after {duration}', async function (this: MediaNestWorld, admin: string, upstream: UpstreamName, second: string, first: string, ms: number) {
  await Breakers.resetDuringProbe(this, this.actor(admin), [this.actor(first), this.actor(second)], operationFor(upstream), ms);
});


When('{persona} looks at the circuit breakers while {persona}\'s try probes {upstream}', async function (this: MediaNestWorld, admin: string, person: string, upstream: UpstreamName) {
  await Breakers.listDuringProbe(this, this.actor(admin), this.actor(person), operationFor(upstream));
});

Then('{persona} sees {upstream}\'s breaker half open, opened {int} seconds before', function (this: MediaNestWorld, name: string, upstream: UpstreamName, seconds: number) {
  BreakerChecks.listedHalfOpen(this, this.lastExchangeOf(name), upstream, seconds);
});
