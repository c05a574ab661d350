import { defineParameterType, Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { LiveConnection } from '../support/drivers/ws';
import { LiveUpdates } from '../support/tasks/live-updates';
import { RequestMedia } from '../support/tasks/request-media';
import { SignIn } from '../support/tasks/sign-in';
import type { MediaNestWorld } from '../support/world';

/** What a person watches, in the words the features use, as the topics of CONTRACT.md. */
const WATCHED: Record<string, string[]> = {
  'his requests and the library': ['requests', 'library'],
  'her requests and the library': ['requests', 'library'],
  'his requests': ['requests'],
  'her requests': ['requests'],
  'every request': ['requests'],
  requests: ['requests'],
  'his downloads': ['downloads'],
  'her downloads': ['downloads'],
  'every download': ['downloads'],
  downloads: ['downloads'],
  'only service health': ['services'],
};

defineParameterType({
  name: 'watched',
  regexp: new RegExp(Object.keys(WATCHED).sort((a, b) => b.length - a.length).join('|')),
  transformer: (words: string) => WATCHED[words]!,
});

async function watch(world: MediaNestWorld, name: string, topics: string[]): Promise<LiveConnection> {
  if (!world.actor(name).session) await SignIn.as(world, name);
  return LiveUpdates.subscribed(world, name, topics);
}

/** The request titles a connection has been told about, once each. */
function requestTitles(connection: LiveConnection): string[] {
  return [...new Set(connection.received('request.status').map((message) => message.data.title as string))].sort();
}

Given('{persona} is watching {watched} live', async function (this: MediaNestWorld, name: string, topics: string[]) {
  await watch(this, name, topics);
});

Given('{persona}, {persona} and {persona} are watching {watched} live', async function (this: MediaNestWorld, first: string, second: string, third: string, topics: string[]) {
  for (const name of [first, second, third]) await watch(this, name, topics);
});

Then('{persona} is told his/her request for {string} went from {word} to {word}', async function (this: MediaNestWorld, name: string, title: string, previous: string, status: string) {
  const { data } = await this.live.latest(name).waitFor('request.status', (event) => event.title === title && event.status === status);
  assert.equal(data.previous, previous);
  assert.equal(data.requestId, RequestMedia.idOf(this, name, title));
  assert.match(data.at, /^\d{4}-\d\d-\d\dT/);
});

Then('{persona} is told of {string} only', async function (this: MediaNestWorld, name: string, title: string) {
  const connection = this.live.latest(name);
  await connection.waitFor('request.status', (event) => event.title === title);
  await connection.roundTrip();
  assert.deepEqual(requestTitles(connection), [title]);
});

Then('{persona} is told of both {string} and {string}', async function (this: MediaNestWorld, name: string, first: string, second: string) {
  const connection = this.live.latest(name);
  await connection.waitFor('request.status', (event) => event.title === first);
  await connection.waitFor('request.status', (event) => event.title === second);
  assert.deepEqual(requestTitles(connection), [first, second].sort());
});

Then('{persona} is told {persona}\'s download completed', async function (this: MediaNestWorld, name: string, _owner: string) {
  const { data } = await this.live.latest(name).waitFor('download.status', (event) => event.status === 'completed', 15_000);
  assert.equal(typeof data.downloadId, 'number');
  assert.equal(this.live.latest(name).received('download.progress', (event) => event.downloadId === data.downloadId).length > 0, true, 'progress was told too');
});

Then('{persona}\'s app is told nothing of it', async function (this: MediaNestWorld, name: string) {
  const connection = this.live.latest(name);
  await connection.roundTrip();
  const events = connection.messages.filter((message) => !['ready', 'subscribed', 'pong'].includes(message.type));
  assert.deepEqual(events.map((message) => message.type), [], `${name} was told ${connection.describe()}`);
});

Then('{persona} is told the library changed because {string} became available', async function (this: MediaNestWorld, name: string, title: string) {
  const { data } = await this.live.latest(name).waitFor('cache.invalidated', (event) => event.scope === 'library');
  assert.ok(String(data.reason).includes(title), `the reason given is "${data.reason}"`);
  assert.match(data.at, /^\d{4}-\d\d-\d\dT/);
});

When('{persona} approves {persona}\'s request for {string} and {persona}\'s request for {string}', async function (this: MediaNestWorld, admin: string, first: string, firstTitle: string, second: string, secondTitle: string) {
  await Promise.all([RequestMedia.decide(this, admin, first, firstTitle, 'approve'), RequestMedia.decide(this, admin, second, secondTitle, 'approve')]);
});
