import { Given, Then, When } from '@cucumber/cucumber';
import { ResilienceChecks } from '../../support/checks/resilience';
import { UpstreamCalls } from '../../support/checks/upstream-calls';
import { OPERATIONS, UpstreamOperations, type UpstreamOperation } from '../../support/tasks/upstream-operations';
import type { UpstreamName } from '../../support/upstreams/fake-upstream';
import type { MediaNestWorld } from '../../support/world';

When('{actor} tries to {operation}( again)', async function (this: MediaNestWorld, name: string, operation: UpstreamOperation) {
  await UpstreamOperations.tryOnce(this, name, operation);
});

When('{actor} tries to {operation} {int} times', async function (this: MediaNestWorld, name: string, operation: UpstreamOperation, times: number) {
  await UpstreamOperations.tryRepeatedly(this, name, operation, times);
});

Given('{persona} has browsed the library', async function (this: MediaNestWorld, name: string) {
  OPERATIONS['browse the library'].succeeded(await UpstreamOperations.perform(this, this.actor(name), OPERATIONS['browse the library']));
});

Then('{actor} gets what (s)he asked for', function (this: MediaNestWorld, name: string) {
  ResilienceChecks.succeeded(this, name);
});

Then('{persona} and {persona} get what they asked for', function (this: MediaNestWorld, first: string, second: string) {
  ResilienceChecks.succeeded(this, first, second);
});

Then('every try was refused with {word}', function (this: MediaNestWorld, code: string) {
  ResilienceChecks.everyTryRefused(this, code);
});

Then('{upstream} was called {int} time(s) for it', function (this: MediaNestWorld, upstream: UpstreamName, times: number) {
  UpstreamCalls.count(upstream, UpstreamOperations.callsSinceLastTry(this, upstream), times, 'for it');
});

Then('{upstream} was asked to create it {int} time(s)', function (this: MediaNestWorld, upstream: UpstreamName, times: number) {
  UpstreamCalls.count(upstream, UpstreamOperations.callsSinceLastTry(this, upstream).filter((call) => call.method === 'POST'), times, 'to create it');
});

Then('{actor} is told to retry in at most {int} second(s)', function (this: MediaNestWorld, name: string, seconds: number) {
  ResilienceChecks.toldToRetry(this.lastExchangeOf(name), [1, seconds]);
});

Then('{actor} is told to retry in {int} seconds(, the wait Overseerr asked for)', function (this: MediaNestWorld, name: string, seconds: number) {
  ResilienceChecks.toldToRetry(this.lastExchangeOf(name), [seconds, seconds]);
});

Then('{persona}\'s next try to {operation} reaches {upstream} at once', async function (this: MediaNestWorld, name: string, operation: UpstreamOperation, upstream: UpstreamName) {
  await ResilienceChecks.reachesAtOnce(this, name, operation, upstream);
});

Then('(s)he is told it is a stale copy, kept because {upstream} failed', function (this: MediaNestWorld, upstream: UpstreamName) {
  ResilienceChecks.staleCopy(this.lastExchange, upstream);
});

Given('MediaNest reads Uptime Kuma every {int} seconds', function (this: MediaNestWorld, seconds: number) {
  this.env.UPTIME_KUMA_POLL_SECONDS = String(seconds);
});

Then('{upstream} was not called during those {int} seconds', function (this: MediaNestWorld, upstream: UpstreamName, seconds: number) {
  UpstreamCalls.none(this, upstream, this.upstreams.byName(upstream).journal.entries.filter((call) => call.at > this.clock.now() - seconds * 1000), `during those ${seconds} seconds`);
});
