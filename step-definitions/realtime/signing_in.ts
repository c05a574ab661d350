import { Given, Then, When } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import { LiveChecks } from '../../support/checks/live-updates';
import type { Forgery } from '../../support/tasks/forge-token';
import { LiveUpdates } from '../../support/tasks/live-updates';
import type { ClosedAs } from '../../support/parameter-types/realtime';
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

When('a visitor\'s app opens a live connection and its first message {firstMessage}', async function (this: MediaNestWorld, message: object) {
  (await LiveUpdates.open(this, 'a visitor', 'nothing')).send(message);
});

When('a sandboxed page opens a live connection with {persona}\'s cookies', async function (this: MediaNestWorld, name: string) {
  await LiveUpdates.open(this, name, 'cookies', { origin: 'null' });
});

When('{persona}\'s app opens a live connection with his/her cookies, naming no page', async function (this: MediaNestWorld, name: string) {
  await LiveUpdates.open(this, name, 'cookies', { sameOrigin: false });
});

When('{persona}\'s app opens a live connection with his/her token, naming a page on another site', async function (this: MediaNestWorld, name: string) {
  await LiveUpdates.open(this, name, 'token', { origin: 'https://medianest.evil.example' });
});

Then('the connection is ready for {persona}', async function (this: MediaNestWorld, name: string) {
  await LiveChecks.readyFor(this, name);
});

Then('the connection is refused with {word} before it opens', function (this: MediaNestWorld, code: string) {
  LiveChecks.refusedBeforeOpening(this.live.all.at(-1)!, code);
});

Then('the connection is closed as {closeReason}', async function (this: MediaNestWorld, closedAs: ClosedAs) {
  await LiveChecks.closedAs(this.live.all.at(-1)!, closedAs);
  LiveChecks.neverReady(this.live.all.at(-1)!);
});
