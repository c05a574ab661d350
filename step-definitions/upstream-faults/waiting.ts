import { Then, When } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import { ResilienceChecks } from '../../support/checks/resilience';
import { SignIn } from '../../support/tasks/sign-in';
import { OPERATIONS, UpstreamOperations, type UpstreamOperation } from '../../support/tasks/upstream-operations';
import { whileUpstreamHolds } from '../../support/tasks/while-time-passes';
import type { UpstreamName } from '../../support/upstreams/fake-upstream';
import type { MediaNestWorld } from '../../support/world';

When('{actor} asks to sign in with Plex and plex.tv stays silent for {duration}', async function (this: MediaNestWorld, name: string, ms: number) {
  this.upstreams.plexTv.staysSilent();
  await UpstreamOperations.tryWhileTimePasses(this, name, OPERATIONS['ask to sign in with Plex'], ms);
});

When('{actor} asks to sign in with Plex and {duration} pass', async function (this: MediaNestWorld, name: string, ms: number) {
  const exchange = await whileUpstreamHolds(this, this.upstreams.plexTv, SignIn.askForPin(this.actor(name)), ms);
  if (exchange.response.status === 201) this.actor(name).pinId = exchange.response.body.data.id;
});

When('{actor} tries to {operation} and {duration} pass(es)', async function (this: MediaNestWorld, name: string, operation: UpstreamOperation, ms: number) {
  await UpstreamOperations.tryWhileTimePasses(this, name, operation, ms);
});

When('{actor} tries to {operation} and {upstream} stays silent for {duration}', async function (this: MediaNestWorld, name: string, operation: UpstreamOperation, upstream: UpstreamName, ms: number) {
  UpstreamOperations.fakeOf(this, operation).staysSilent();
  expect(upstream, `Expected ${operation.upstream} to be the upstream that operation calls`).to.equal(operation.upstream);
  await UpstreamOperations.tryWhileTimePasses(this, name, operation, ms);
});

Then('the refusal came {int} seconds after the question, on the scenario clock', function (this: MediaNestWorld, seconds: number) {
  ResilienceChecks.answeredAfter(this, seconds);
});

Then('the refusal does not show plex.tv\'s own error text', function (this: MediaNestWorld) {
  expect(this.lastExchange.response.text, "Expected the refusal not to show plex.tv's own error text").to.not.match(/Internal Server Error|upstream internals/);
});

Then('the refusal shows nothing of {upstream}\'s own answer', function (this: MediaNestWorld, upstream: UpstreamName) {
  ResilienceChecks.hidesUpstreamAnswer(this.lastExchange, upstream);
});
