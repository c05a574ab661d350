import { defineParameterType, Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { contractStatusOf } from '../support/contract/error-codes';
import { FORGERIES, type Forgery } from '../support/tasks/forge-token';
import { LiveUpdates } from '../support/tasks/live-updates';
import { SignIn } from '../support/tasks/sign-in';
import type { MediaNestWorld } from '../support/world';

const escape = (words: string) => words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The close codes a person's app can tell apart (CONTRACT.md, "Realtime"). */
const CLOSED_AS: Record<string, number> = {
  unauthorised: 4401,
  'sending too much': 4429,
  'too many connections': 4429,
  'too large': 1009,
  'the gateway going away': 1001,
};

defineParameterType({
  name: 'closeReason',
  regexp: new RegExp(Object.keys(CLOSED_AS).map(escape).join('|')),
  transformer: (words: string) => CLOSED_AS[words]!,
});

When('{persona}\'s app opens a live connection with his/her token', async function (this: MediaNestWorld, name: string) {
  await LiveUpdates.open(this, name, 'token');
});

When('{persona}\'s browser opens a live connection from the portal', async function (this: MediaNestWorld, name: string) {
  await LiveUpdates.open(this, name, 'cookies');
});

When('{persona}\'s app opens a live connection and signs in with its first message', async function (this: MediaNestWorld, name: string) {
  await LiveUpdates.open(this, name, 'first message');
});

Given('{persona}\'s app has signed in a live connection with its first message', async function (this: MediaNestWorld, name: string) {
  if (!this.actor(name).session) await SignIn.as(this, name);
  // Ready before the clock moves: the 5 seconds are then up for a connection already signed in.
  await (await LiveUpdates.open(this, name, 'first message')).waitFor('ready');
});

When('{persona}\'s app opens a live connection presenting {forgery}', async function (this: MediaNestWorld, name: string, forgery: Forgery) {
  const forged = await FORGERIES[forgery](this.actor(name).signedIn().token);
  await this.live.open(name, { bearer: forged });
});

When('{persona}\'s app opens a live connection and signs in by message with {forgery}', async function (this: MediaNestWorld, name: string, forgery: Forgery) {
  const forged = await FORGERIES[forgery](this.actor(name).signedIn().token);
  (await this.live.open(name)).send({ type: 'auth', token: forged });
});

When('a page on another site opens a live connection with {persona}\'s cookies', async function (this: MediaNestWorld, name: string) {
  await LiveUpdates.open(this, name, 'cookies', { origin: 'https://medianest.evil.example' });
});

Given('a visitor\'s app has opened a live connection without signing in', async function (this: MediaNestWorld) {
  const connection = await LiveUpdates.open(this, 'a visitor', 'nothing');
  assert.ok(connection.isOpen, 'the connection should open and wait for a first message');
});

When('a visitor\'s app opens a live connection and asks for updates without signing in', async function (this: MediaNestWorld) {
  (await LiveUpdates.open(this, 'a visitor', 'nothing')).send({ type: 'subscribe', data: { topics: ['services'] } });
});

Then('the connection is ready for {persona}', async function (this: MediaNestWorld, name: string) {
  const { data } = await this.live.latest(name).waitFor('ready');
  const { user } = this.actor(name).signedIn();
  assert.deepEqual({ id: data.user.id, username: data.user.username, role: data.user.role }, { id: user.id, username: name, role: user.role });
});

Then('the connection is refused with {word} before it opens', function (this: MediaNestWorld, code: string) {
  const connection = this.live.all.at(-1)!;
  assert.ok(connection.refused, `the connection was not refused: it received ${connection.describe()}`);
  assert.equal(connection.refused.status, contractStatusOf(code), `refused with HTTP ${connection.refused.status}`);
  assert.equal(connection.refused.body?.error?.code, code);
  assert.deepEqual(connection.messages, [], 'no message crossed a socket that never opened');
});

Then('the connection is closed as {closeReason}', async function (this: MediaNestWorld, code: number) {
  const connection = this.live.all.at(-1)!;
  assert.equal((await connection.waitForClose()).code, code, `closed with ${connection.closed?.code} ${connection.closed?.reason}`);
  assert.deepEqual(connection.received('ready'), [], 'the connection was never ready');
});

Then('{actor}\'s connection is closed as {closeReason}', async function (this: MediaNestWorld, name: string, code: number) {
  const connection = this.live.latest(name);
  assert.equal((await connection.waitForClose()).code, code, `closed with ${connection.closed?.code} ${connection.closed?.reason}`);
});

Given('{persona}\'s app is connected live', async function (this: MediaNestWorld, name: string) {
  if (!this.actor(name).session) await SignIn.as(this, name);
  await LiveUpdates.ready(this, name);
});

Given('{persona}\'s app is connected live but no longer answers pings', async function (this: MediaNestWorld, name: string) {
  if (!this.actor(name).session) await SignIn.as(this, name);
  await LiveUpdates.ready(this, name, { answersPings: false });
});

Given('{persona} signs in again on another device, which connects live too', async function (this: MediaNestWorld, name: string) {
  await SignIn.as(this, name);
  await LiveUpdates.ready(this, name);
});

Then('the connection {persona} opened first stays open', async function (this: MediaNestWorld, name: string) {
  await this.live.of(name)[0]!.roundTrip();
});

Then('{persona}\'s connection is still open', async function (this: MediaNestWorld, name: string) {
  await this.live.latest(name).roundTrip();
});

Then('{persona}\'s connection is dropped', async function (this: MediaNestWorld, name: string) {
  const closed = await this.live.latest(name).waitForClose();
  // Dropped without a closing handshake: a dead peer could not take part in one.
  assert.equal(closed.code, 1006, `closed with ${closed.code} ${closed.reason}`);
});

When('{persona}\'s app stays connected for {duration}', async function (this: MediaNestWorld, _name: string, ms: number) {
  await LiveUpdates.passTimeConnected(this, ms);
});

When('MediaNest shuts down', async function (this: MediaNestWorld) {
  await this.stopGateway();
});
