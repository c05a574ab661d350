import { defineParameterType, Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { LiveUpdates } from '../support/tasks/live-updates';
import { SignIn } from '../support/tasks/sign-in';
import { until } from '../support/tasks/while-time-passes';
import type { MediaNestWorld } from '../support/world';

/** Messages an app gets wrong, by what a reader would call them, and what is sent on the wire. */
const BAD_MESSAGES: Record<string, string> = {
  'something that is not JSON': 'hello, is anyone there?',
  'a message of a kind the gateway does not know': JSON.stringify({ type: 'dance', data: {} }),
  'a subscription to a topic that does not exist': JSON.stringify({ type: 'subscribe', data: { topics: ['gossip'] } }),
  'a subscription without topics': JSON.stringify({ type: 'subscribe', data: {} }),
  'a message with a field the gateway does not know': JSON.stringify({ type: 'ping', data: {}, urgent: true }),
  'a list instead of a message': JSON.stringify([{ type: 'ping' }]),
};

defineParameterType({
  name: 'badMessage',
  regexp: new RegExp(Object.keys(BAD_MESSAGES).join('|')),
  transformer: (words: string) => BAD_MESSAGES[words]!,
});

/** A ping whose JSON text is exactly `bytes` long. */
function pingOfSize(bytes: number): string {
  const empty = JSON.stringify({ type: 'ping', data: { padding: '' } });
  return JSON.stringify({ type: 'ping', data: { padding: 'x'.repeat(bytes - empty.length) } });
}

When('{persona}\'s app sends {badMessage}', function (this: MediaNestWorld, name: string, text: string) {
  this.live.latest(name).send(text);
});

Then('{persona}\'s app is told {word} and stays connected', async function (this: MediaNestWorld, name: string, code: string) {
  const connection = this.live.latest(name);
  const { data } = await connection.waitFor('error');
  assert.equal(data.code, code, `told ${JSON.stringify(data)}`);
  assert.equal(typeof data.message, 'string');
  await connection.roundTrip();
});

When('{persona}\'s app sends a message of exactly {int} KiB', function (this: MediaNestWorld, name: string, kib: number) {
  this.live.latest(name).send(pingOfSize(kib * 1024));
});

When('{persona}\'s app sends a message one byte over {int} KiB', function (this: MediaNestWorld, name: string, kib: number) {
  this.live.latest(name).send(pingOfSize(kib * 1024 + 1));
});

When('{persona}\'s app sends {int} messages at once', function (this: MediaNestWorld, name: string, count: number) {
  const connection = this.live.latest(name);
  for (let i = 0; i < count; i++) connection.send({ type: 'ping' });
});

Then('{persona}\'s app is answered {int} time(s) and stays connected', async function (this: MediaNestWorld, name: string, count: number) {
  const connection = this.live.latest(name);
  await until(() => connection.received('pong').length >= count || connection.closed !== undefined, `${count} answers`);
  assert.equal(connection.closed, undefined, `closed with ${connection.closed?.code} ${connection.closed?.reason}`);
  assert.equal(connection.received('pong').length, count);
  assert.ok(connection.isOpen);
});

Given('{persona} has {int} live connections open', async function (this: MediaNestWorld, name: string, count: number) {
  if (!this.actor(name).session) await SignIn.as(this, name);
  await Promise.all(Array.from({ length: count }, () => LiveUpdates.ready(this, name)));
});

When('{persona} opens one more live connection', async function (this: MediaNestWorld, name: string) {
  await LiveUpdates.open(this, name, 'token');
});

Then('{persona}\'s first {int} connections are all still open', async function (this: MediaNestWorld, name: string, count: number) {
  const first = this.live.of(name).slice(0, count);
  await Promise.all(first.map((connection) => connection.roundTrip()));
});
