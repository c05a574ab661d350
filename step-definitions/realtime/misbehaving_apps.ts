import { Given, Then, When } from '@cucumber/cucumber';
import { LiveChecks } from '../../support/checks/live-updates';
import { LiveUpdates } from '../../support/tasks/live-updates';
import type { MediaNestWorld } from '../../support/world';

When('{persona}\'s app sends {badMessage}', function (this: MediaNestWorld, name: string, message: string | Buffer) {
  this.live.latest(name).send(message);
});

Then('{persona}\'s app is told {word}, in words that say {string}, and stays connected', async function (this: MediaNestWorld, name: string, code: string, words: string) {
  await LiveChecks.toldError(this.live.latest(name), code, words);
  await LiveChecks.stillOpen(this.live.latest(name));
});

Then('{persona}\'s app is told {word}, in words that say {string}, and may sign in again', async function (this: MediaNestWorld, name: string, code: string, words: string) {
  await LiveChecks.toldError(this.live.latest(name), code, words);
  await LiveChecks.maySignInAgain(this.live.latest(name), this.actor(name).signedIn().token);
});

When('{persona}\'s app sends a message of exactly {int} KiB', function (this: MediaNestWorld, name: string, kib: number) {
  this.live.latest(name).send(LiveUpdates.pingOfSize(kib * 1024));
});

When('{persona}\'s app sends a message one byte over {int} KiB', function (this: MediaNestWorld, name: string, kib: number) {
  this.live.latest(name).send(LiveUpdates.pingOfSize(kib * 1024 + 1));
});

When('{persona}\'s app sends {int} messages at once', function (this: MediaNestWorld, name: string, count: number) {
  for (let i = 0; i < count; i++) this.live.latest(name).send({ type: 'ping' });
});

Given('{persona}\'s app has sent {int} messages at once', async function (this: MediaNestWorld, name: string, count: number) {
  await LiveUpdates.pingAndWait(this.live.latest(name), count);
});

Then('{persona}\'s app is answered {int} time(s) and stays connected', async function (this: MediaNestWorld, name: string, count: number) {
  await LiveChecks.answered(this.live.latest(name), count);
});

Given('{persona} has {int} live connections open', async function (this: MediaNestWorld, name: string, count: number) {
  await LiveUpdates.connectMany(this, name, count);
});

Then('{persona}\'s first {int} connections are all still open', async function (this: MediaNestWorld, name: string, count: number) {
  await LiveChecks.stillOpen(...this.live.of(name).slice(0, count));
});
