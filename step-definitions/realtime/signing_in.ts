import { Given, Then, When } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import { LiveChecks } from '../../support/checks/live-updates';
import type { Forgery } from '../../support/tasks/forge-token';
import { LiveUpdates } from '../../support/tasks/live-updates';
import type { MediaNestWorld } from '../../support/world';

When('{persona}\'s app opens a/another live connection with his/her token', async function (this: MediaNestWorld, name: string) {
  await LiveUpdates.open(this, name, 'token');
});

When('{persona}\'s browser opens a live connection from the portal', async function (this: MediaNestWorld, name: string) {
  await LiveUpdates.open(this, name, 'cookies');
});

When('{persona}\'s app opens a live connection and signs in with its first message', async function (this: MediaNestWorld, name: string) {
  await LiveUpdates.open(this, name, 'first message');
});

Given('{persona}\'s app has signed in a live connection with its first message', async function (this: MediaNestWorld, name: string) {
  await LiveUpdates.signInByMessage(this, name);
});

When('{persona}\'s app opens a live connection presenting {forgery}', async function (this: MediaNestWorld, name: string, forgery: Forgery) {
  await LiveUpdates.presentForged(this, name, forgery, 'upgrade');
});

When('{persona}\'s app opens a live connection and signs in by message with {forgery}', async function (this: MediaNestWorld, name: string, forgery: Forgery) {
  await LiveUpdates.presentForged(this, name, forgery, 'first message');
});

When('a page on another site opens a live connection with {persona}\'s cookies', async function (this: MediaNestWorld, name: string) {
  await LiveUpdates.open(this, name, 'cookies', { origin: 'https://medianest.evil.example' });
});

Given('a visitor\'s app has opened a live connection without signing in', async function (this: MediaNestWorld) {
  expect((await LiveUpdates.open(this, 'a visitor', 'nothing')).isOpen, 'Expected the connection to open and wait for a first message').to.equal(true);
});

When('a visitor\'s app opens a live connection and asks for updates without signing in', async function (this: MediaNestWorld) {
  (await LiveUpdates.open(this, 'a visitor', 'nothing')).send({ type: 'subscribe', data: { topics: ['services'] } });
});

Then('the connection is ready for {persona}', async function (this: MediaNestWorld, name: string) {
  await LiveChecks.readyFor(this, name);
});

Then('the connection is refused with {word} before it opens', function (this: MediaNestWorld, code: string) {
  LiveChecks.refusedBeforeOpening(this.live.all.at(-1)!, code);
});

Then('the connection is closed as {closeReason}', async function (this: MediaNestWorld, code: number) {
  await LiveChecks.closedAs(this.live.all.at(-1)!, code);
  LiveChecks.neverReady(this.live.all.at(-1)!);
});
