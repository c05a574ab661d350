import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { expectData } from '../support/checks/answers';
import { BrowseLibrary } from '../support/tasks/browse-library';
import { RequestMedia } from '../support/tasks/request-media';
import type { MediaNestWorld } from '../support/world';

async function search(world: MediaNestWorld, name: string, query: string, page?: number) {
  const actor = await RequestMedia.by(world, name);
  const params = new URLSearchParams({ query, ...(page ? { page: String(page) } : {}) });
  return actor.call('GET', `/api/v1/media/search?${params}`);
}

Given('{persona} has found {string} by searching for {string}', async function (this: MediaNestWorld, name: string, title: string, query: string) {
  const found = expectData(await search(this, name, query));
  assert.ok(found.some((result: { title: string }) => result.title === title), `a search for "${query}" should find "${title}"`);
});

When('{persona} searches for {string}', async function (this: MediaNestWorld, name: string, query: string) {
  await search(this, name, query);
});

When('{persona} searches for {string} and turns to page {int}', async function (this: MediaNestWorld, name: string, query: string, page: number) {
  await search(this, name, query, page);
});

Then('he/she finds these titles:', function (this: MediaNestWorld, table: DataTable) {
  const found = expectData(this.lastExchange).map((result: Record<string, unknown>) => ({
    title: result.title,
    kind: result.mediaType,
    year: String(result.year),
    availability: result.availability,
  }));
  assert.deepEqual(found, table.hashes());
  for (const result of expectData(this.lastExchange)) assert.match(result.posterPath, /^\/\w+\.jpg$/, 'each title has its poster');
});

Then('he/she sees the last {int} of {int} titles, on page {int} of {int}', function (this: MediaNestWorld, shown: number, total: number, page: number, pages: number) {
  assert.equal(expectData(this.lastExchange).length, shown);
  assert.deepEqual(this.lastExchange.response.body.meta, { page, totalPages: pages, totalResults: total });
});

Given('{persona} has requested {string}', async function (this: MediaNestWorld, name: string, title: string) {
  await RequestMedia.accepted(this, name, title);
});

Given('{persona} has requested {string}, which waits for an admin', async function (this: MediaNestWorld, name: string, title: string) {
  assert.equal((await RequestMedia.accepted(this, name, title)).status, 'pending');
});

Given('{persona} has requested {string}, {string} and {string}', async function (this: MediaNestWorld, name: string, first: string, second: string, third: string) {
  for (const title of [first, second, third]) await RequestMedia.accepted(this, name, title);
});

When('{persona} requests {string}', async function (this: MediaNestWorld, name: string, title: string) {
  await RequestMedia.titled(this, name, title);
});

When('{persona} requests seasons {int} and {int} of {string}', async function (this: MediaNestWorld, name: string, first: number, second: number, title: string) {
  await RequestMedia.titled(this, name, title, { seasons: [first, second] });
});

/** The request as its owner sees it now, found by the id it was given. */
async function ownRequest(world: MediaNestWorld, name: string, title: string) {
  const exchange = await RequestMedia.look(world, name, title);
  return expectData(exchange);
}

Then('{persona}\'s request for {string} waits for an admin', async function (this: MediaNestWorld, name: string, title: string) {
  const request = await ownRequest(this, name, title);
  assert.equal(request.status, 'pending');
  assert.equal(request.title, title);
  assert.equal(request.requestedBy.username, name);
});

Then(
  '{persona}\'s request for {string} waits for an admin, for seasons {int} and {int}',
  async function (this: MediaNestWorld, name: string, title: string, first: number, second: number) {
    const request = await ownRequest(this, name, title);
    assert.equal(request.status, 'pending');
    assert.deepEqual(request.seasons, [first, second]);
  },
);

Then('{persona} sees his/her request for {string} as {word}', async function (this: MediaNestWorld, name: string, title: string, status: string) {
  const request = await ownRequest(this, name, title);
  assert.equal(request.status, status);
  assert.ok(Date.parse(request.updatedAt) >= Date.parse(request.createdAt));
});

Then(
  '{persona} sees his/her request for {string} as declined, because {string}',
  async function (this: MediaNestWorld, name: string, title: string, reason: string) {
    const request = await ownRequest(this, name, title);
    assert.equal(request.status, 'declined');
    assert.equal(request.reason, reason);
  },
);

Then('{persona} has no requests', async function (this: MediaNestWorld, name: string) {
  assert.deepEqual(await RequestMedia.statuses(this, name), []);
});

Then('{persona} has {int} request(s), for {string}', async function (this: MediaNestWorld, name: string, count: number, title: string) {
  const titles = (await RequestMedia.statuses(this, name)).map((request) => request.title);
  assert.deepEqual(titles, Array(count).fill(title));
});

Then('Overseerr was not asked to create a request', function (this: MediaNestWorld) {
  assert.equal(RequestMedia.creations(this), 0);
});

Then('Overseerr was asked to create {int} request(s)', function (this: MediaNestWorld, count: number) {
  assert.equal(RequestMedia.creations(this), count);
});

Then(
  'Overseerr holds {persona}\'s request for {string} for seasons {int} and {int}, waiting for approval',
  function (this: MediaNestWorld, name: string, title: string, first: number, second: number) {
    const [request, ...more] = RequestMedia.inOverseerr(this, title);
    assert.ok(request && more.length === 0, `Overseerr should hold one request for "${title}"`);
    assert.equal(request.requestedBy.plexUsername, name, 'made on behalf of the person, not of the API key owner');
    assert.equal(request.status, 1, 'PENDING');
    assert.deepEqual(request.seasons.map((season) => season.seasonNumber), [first, second]);
  },
);

Then('{string} is in the Plex library {persona} browses', async function (this: MediaNestWorld, title: string, name: string) {
  const found = expectData(await BrowseLibrary.look(this, name, 'a search for', title));
  assert.ok(found.some((item: { title: string }) => item.title === title), `a search of the library should find "${title}"`);
});
