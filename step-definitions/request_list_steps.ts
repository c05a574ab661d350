import { Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { expectData } from '../support/checks/answers';
import { RequestMedia } from '../support/tasks/request-media';
import type { MediaNestWorld } from '../support/world';

const titlesIn = (world: MediaNestWorld) => expectData(world.lastExchange).map((request: { title: string }) => request.title);

When('{persona} lists his/her requests', async function (this: MediaNestWorld, name: string) {
  await RequestMedia.list(this, name);
});

When('{persona} lists his/her requests {int} to a page and turns to page {int}', async function (this: MediaNestWorld, name: string, pageSize: number, page: number) {
  await RequestMedia.list(this, name, { pageSize, page });
});

When('{persona} lists his/her pending movie requests', async function (this: MediaNestWorld, name: string) {
  await RequestMedia.list(this, name, { status: 'pending', mediaType: 'movie' });
});

When('{persona} lists every request', async function (this: MediaNestWorld, name: string) {
  await (await RequestMedia.by(this, name)).call('GET', '/api/v1/admin/media/requests');
});

When('{actor} tries to list the requests', async function (this: MediaNestWorld, name: string) {
  await this.actor(name).call('GET', '/api/v1/media/requests');
});

Then('he/she sees only {string}', function (this: MediaNestWorld, title: string) {
  assert.deepEqual(titlesIn(this), [title]);
});

Then('he/she sees {string}, the last of {int} requests on {int} pages', function (this: MediaNestWorld, title: string, total: number, pages: number) {
  assert.deepEqual(titlesIn(this), [title]);
  const { meta } = this.lastExchange.response.body;
  assert.deepEqual(meta, { page: pages, pageSize: meta.pageSize, total, totalPages: pages });
});

Then(
  'she/he sees {persona}\'s request for {string} and {persona}\'s for {string}',
  function (this: MediaNestWorld, first: string, firstTitle: string, second: string, secondTitle: string) {
    const seen = expectData(this.lastExchange).map((request: { title: string; requestedBy: { username: string } }) => `${request.requestedBy.username}: ${request.title}`);
    assert.deepEqual(seen, [`${first}: ${firstTitle}`, `${second}: ${secondTitle}`]);
  },
);
