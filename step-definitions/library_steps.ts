import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { expectData } from '../support/checks/answers';
import { answerWhileTimeRuns } from '../support/tasks/answer-while-time-runs';
import { BrowseLibrary, libraryKey } from '../support/tasks/browse-library';
import { RequestMedia } from '../support/tasks/request-media';
import type { MediaNestWorld } from '../support/world';

const DAY_MS = 24 * 60 * 60 * 1000;
const titlesIn = (world: MediaNestWorld) => expectData(world.lastExchange).map((item: { title: string }) => item.title);

/** Looks, letting the clock run through the backoff of retried reads when Plex fails. */
const look = (world: MediaNestWorld, name: string, place: string, argument?: string, query?: string) =>
  answerWhileTimeRuns(world, BrowseLibrary.look(world, name, place, argument, query));

When('{actor} looks at the libraries', async function (this: MediaNestWorld, name: string) {
  await look(this, name, 'the libraries');
});

Given('{persona} has looked at the libraries', async function (this: MediaNestWorld, name: string) {
  expectData(await look(this, name, 'the libraries'));
});

When(/^(\w+) looks at the (Movies|TV Shows|Music) library$/, async function (this: MediaNestWorld, name: string, library: string) {
  await look(this, name, 'the library', library);
});

Given(/^(\w+) has looked at the (Movies|TV Shows|Music) library$/, async function (this: MediaNestWorld, name: string, library: string) {
  expectData(await look(this, name, 'the library', library));
});

When(
  /^(\w+) looks at the (Movies|TV Shows|Music) library (\d+) titles at a time(?:, from the (\d+)(?:st|nd|rd|th))?$/,
  async function (this: MediaNestWorld, name: string, library: string, limit: string, from?: string) {
    await look(this, name, 'the library', library, `limit=${limit}${from ? `&offset=${Number(from) - 1}` : ''}`);
  },
);

When('{persona} looks at a library the server does not have', async function (this: MediaNestWorld, name: string) {
  await (await RequestMedia.by(this, name)).call('GET', '/api/v1/plex/libraries/42/items');
});

When('{persona} searches the library for {string}', async function (this: MediaNestWorld, name: string, query: string) {
  await look(this, name, 'a search for', query);
});

When('{persona} looks at the recently added titles', async function (this: MediaNestWorld, name: string) {
  await look(this, name, 'the recently added titles');
});

When(/^(\w+) looks at the collections of (Movies|TV Shows|Music)$/, async function (this: MediaNestWorld, name: string, library: string) {
  await look(this, name, 'the collections of', library);
});

Then('he/she sees these libraries:', function (this: MediaNestWorld, table: DataTable) {
  const libraries = expectData(this.lastExchange).map(({ title, type }: { title: string; type: string }) => ({ title, type }));
  assert.deepEqual(libraries, table.hashes());
});

Then('he/she sees {string} and {string}, {int} of the {int} titles', function (this: MediaNestWorld, first: string, second: string, shown: number, total: number) {
  assert.deepEqual(titlesIn(this), [first, second]);
  const { offset, limit } = this.lastExchange.response.body.meta;
  assert.deepEqual(this.lastExchange.response.body.meta, { offset, limit, total });
  assert.equal(shown, 2);
});

Then('he/she finds these titles in the library:', function (this: MediaNestWorld, table: DataTable) {
  const found = expectData(this.lastExchange).map(({ title, type }: { title: string; type: string }) => ({ title, type }));
  assert.deepEqual(found, table.hashes());
});

Then(
  '{string} shows as a movie from {int} that runs {int} minutes and was added {int} days ago',
  function (this: MediaNestWorld, title: string, year: number, minutes: number, days: number) {
    const item = expectData(this.lastExchange).find((candidate: { title: string }) => candidate.title === title);
    assert.ok(item, `"${title}" is not in the answer`);
    assert.deepEqual({ type: item.type, year: item.year, durationMs: item.durationMs }, { type: 'movie', year, durationMs: minutes * 60_000 });
    assert.equal(Math.round((this.clock.now() - Date.parse(item.addedAt)) / DAY_MS), days);
    assert.match(item.ratingKey, /^\d+$/);
  },
);

Given('{string} has just been added to Plex', function (this: MediaNestWorld, title: string) {
  const { overview } = RequestMedia.title(this, title);
  const year = Number(RequestMedia.title(this, title).date.slice(0, 4));
  this.upstreams.plexServer.model.addItem(libraryKey('Movies'), { title, year, summary: overview });
});

Then('the first of them is {string}', function (this: MediaNestWorld, title: string) {
  assert.equal(titlesIn(this)[0], title);
});

Then('he/she sees these collections:', function (this: MediaNestWorld, table: DataTable) {
  const collections = expectData(this.lastExchange).map(({ title, childCount }: { title: string; childCount: number }) => ({ title, titles: String(childCount) }));
  assert.deepEqual(collections, table.hashes());
});

Then('Plex was asked with {persona}\'s own Plex token', function (this: MediaNestWorld, name: string) {
  const token = this.upstreams.plexTv.model.account(name).authToken;
  const last = this.upstreams.plexServer.journal.entries.at(-1);
  assert.ok(last, 'Plex received no call');
  assert.equal(last.headers['x-plex-token'], token, `the last call to Plex did not carry ${name}'s token`);
});

Then('Plex received no call', function (this: MediaNestWorld) {
  assert.deepEqual(this.upstreams.plexServer.journal.entries.map((entry) => `${entry.method} ${entry.path}`), []);
});
