import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { expectData, expectStatus } from '../support/checks/answers';
import { BrowseLibrary, libraryKey } from '../support/tasks/browse-library';
import { RequestMedia } from '../support/tasks/request-media';
import type { MediaNestWorld } from '../support/world';

const MISS = 'medianest; fwd=miss; stored';
const cacheStatus = (world: MediaNestWorld) => world.lastExchange.response.headers['cache-status'];
const TIMES: Record<string, number> = { once: 1, twice: 2 };

Then('the answer came from MediaNest\'s cache, fresh for up to {int} more seconds', function (this: MediaNestWorld, seconds: number) {
  expectData(this.lastExchange);
  const match = /^medianest; hit; ttl=(\d+)$/.exec(cacheStatus(this) ?? '');
  assert.ok(match, `Cache-Status says "${cacheStatus(this)}"`);
  assert.ok(Number(match[1]) >= 1 && Number(match[1]) <= seconds, `ttl=${match[1]}`);
});

Then('the answer came from Plex and was kept', function (this: MediaNestWorld) {
  expectData(this.lastExchange);
  assert.equal(cacheStatus(this), MISS);
});

Then(/^Plex was asked for the libraries (once|twice)$/, function (this: MediaNestWorld, times: string) {
  assert.equal(BrowseLibrary.plexCalls(this, '/library/sections'), TIMES[times]);
});

Given('{string} has been copied to the Plex server\'s disk', function (this: MediaNestWorld, title: string) {
  const { date, overview } = RequestMedia.title(this, title);
  this.upstreams.plexServer.model.stageItem(libraryKey('Movies'), { title, year: Number(date.slice(0, 4)), summary: overview });
});

When(/^(\w+) (has|tries to have) Plex rescan the (Movies|TV Shows|Music) library$/, async function (this: MediaNestWorld, name: string, _: string, library: string) {
  await (await RequestMedia.by(this, name)).call('POST', `/api/v1/admin/plex/libraries/${libraryKey(library)}/refresh`);
});

Then(/^Plex was asked to rescan the (Movies|TV Shows|Music) library$/, function (this: MediaNestWorld, library: string) {
  expectStatus(this.lastExchange, 202);
  assert.equal(this.upstreams.plexServer.model.refreshCount(libraryKey(library)), 1);
});

Then(
  /^(\w+)'s next look at the (Movies|TV Shows|Music) library comes from Plex and includes "([^"]+)"$/,
  async function (this: MediaNestWorld, name: string, library: string, title: string) {
    const titles = expectData(await BrowseLibrary.look(this, name, 'the library', library)).map((item: { title: string }) => item.title);
    assert.equal(cacheStatus(this), MISS);
    assert.ok(titles.includes(title), `the ${library} library lists ${titles.join(', ')}`);
  },
);

Given('{persona} has searched the library for {string} and found nothing', async function (this: MediaNestWorld, name: string, query: string) {
  assert.deepEqual(expectData(await BrowseLibrary.look(this, name, 'a search for', query)), []);
});

Then(
  '{persona}\'s next search of the library for {string} comes from Plex and finds {string}',
  async function (this: MediaNestWorld, name: string, query: string, title: string) {
    const found = expectData(await BrowseLibrary.look(this, name, 'a search for', query));
    assert.equal(cacheStatus(this), MISS);
    assert.deepEqual(found.map((item: { title: string }) => item.title), [title]);
  },
);

Then('he/she is shown the copy from {int} minutes ago, marked stale', async function (this: MediaNestWorld, minutes: number) {
  const libraries = expectData(this.lastExchange);
  assert.ok(libraries.some((library: { title: string }) => library.title === 'Movies'));
  assert.equal(this.lastExchange.response.body.meta?.stale, true);
  const match = /^medianest; hit; ttl=(-\d+); detail=stale-if-error$/.exec(cacheStatus(this) ?? '');
  assert.ok(match, `Cache-Status says "${cacheStatus(this)}"`);
  // the copy was fresh for 60 s of those minutes and has been stale since; the retries of Plex took a few seconds more at most
  const [staleFor, expected] = [-Number(match[1]), minutes * 60 - 60];
  assert.ok(staleFor >= expected && staleFor <= expected + 5, `stale for ${staleFor} s`);
});

Then('he/she is told it is a stale copy kept because Plex failed', function (this: MediaNestWorld) {
  const titles = expectData(this.lastExchange).map((item: { title: string }) => item.title);
  assert.ok(titles.includes('Alien'), `the copy lists ${titles.join(', ')}`);
  assert.equal(this.lastExchange.response.body.meta?.stale, true);
  assert.match(cacheStatus(this) ?? '', /^medianest; hit; ttl=-\d+; detail=stale-if-error$/);
});
