import { Then, When } from '@cucumber/cucumber';
import { ResilienceChecks } from '../../support/checks/resilience';
import { UpstreamCalls } from '../../support/checks/upstream-calls';
import { UpstreamOperations, type UpstreamOperation } from '../../support/tasks/upstream-operations';
import type { UpstreamName } from '../../support/upstreams/fake-upstream';
import type { MediaNestWorld } from '../../support/world';

When('{actor} tries to {operation} with the correlation id {string}', async function (this: MediaNestWorld, name: string, operation: UpstreamOperation, id: string) {
  await UpstreamOperations.tryOnce(this, name, operation, { 'x-correlation-id': id });
});

When('{actor} tries to {operation} with a correlation id of {int} characters', async function (this: MediaNestWorld, name: string, operation: UpstreamOperation, length: number) {
  // characters the gateway would echo: only the length is wrong
  await UpstreamOperations.tryOnce(this, name, operation, { 'x-correlation-id': 'bob-trace-'.padEnd(length, '0') });
});

When('{actor} tries to {operation} with the Request-Id {string}', async function (this: MediaNestWorld, name: string, operation: UpstreamOperation, id: string) {
  await UpstreamOperations.tryOnce(this, name, operation, { 'request-id': id });
});

Then('the refusal carries the correlation id {string}', function (this: MediaNestWorld, id: string) {
  ResilienceChecks.carriesCorrelationId(this.lastExchange, id);
});

Then('the refusal carries a new correlation id instead of {persona}\'s', function (this: MediaNestWorld, name: string) {
  this.notes.resilience.newCorrelationId = ResilienceChecks.carriesNewCorrelationId(this.lastExchangeOf(name));
});

Then('{upstream} saw that new correlation id on every call for it', function (this: MediaNestWorld, upstream: UpstreamName) {
  UpstreamCalls.carried(this, upstream, UpstreamOperations.callsSinceLastTry(this, upstream), this.notes.resilience.newCorrelationId!);
});

Then('{upstream} saw the correlation id {string} on every call for it', function (this: MediaNestWorld, upstream: UpstreamName, id: string) {
  UpstreamCalls.carried(this, upstream, UpstreamOperations.callsSinceLastTry(this, upstream), id);
});
