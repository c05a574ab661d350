import { Given, Then, When } from '@cucumber/cucumber';
import { LiveChecks } from '../../support/checks/live-updates';
import { LiveUpdates } from '../../support/tasks/live-updates';
import { SignIn } from '../../support/tasks/sign-in';
import type { ClosedAs } from '../../support/parameter-types/realtime';
import type { MediaNestWorld } from '../../support/world';

Given('{persona}\'s app is connected live', async function (this: MediaNestWorld, name: string) {
  await LiveUpdates.connect(this, name);
});

Given('{persona}\'s app is connected live but no longer answers pings', async function (this: MediaNestWorld, name: string) {
  await LiveUpdates.connect(this, name, { answersPings: false });
});

Given('{persona} signs in again on another device, which connects live too', async function (this: MediaNestWorld, name: string) {
  await SignIn.as(this, name);
  await LiveUpdates.ready(this, name);
});

Given('{persona}\'s app has closed its live connection', async function (this: MediaNestWorld, name: string) {
  await LiveUpdates.closeAndLetGo(this, this.live.latest(name));
});

Then('the connection {persona} opened first stays open', async function (this: MediaNestWorld, name: string) {
  await LiveChecks.stillOpen(this.live.of(name)[0]!);
});

Then('{persona}\'s connection is still open', async function (this: MediaNestWorld, name: string) {
  await LiveChecks.stillOpen(this.live.latest(name));
});

Then('{persona}\'s connection is dropped', async function (this: MediaNestWorld, name: string) {
  await LiveChecks.dropped(this.live.latest(name));
});

Then('{actor}\'s connection is closed as {closeReason}', async function (this: MediaNestWorld, name: string, closedAs: ClosedAs) {
  await LiveChecks.closedAs(this.live.latest(name), closedAs);
});

When('{persona}\'s app stays connected for {duration}', async function (this: MediaNestWorld, _name: string, ms: number) {
  await LiveUpdates.passTimeConnected(this, ms);
});

When('MediaNest (has )shut(s) down', async function (this: MediaNestWorld) {
  await this.stopGateway();
});
