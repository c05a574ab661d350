import { Then, When } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import { MediaRequests } from '../../support/checks/media-requests';
import { RequestMedia } from '../../support/tasks/request-media';
import type { MediaNestWorld } from '../../support/world';

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
  await (await RequestMedia.by(this, name)).api.listAllMediaRequests();
});

When('{actor} tries to list the requests', async function (this: MediaNestWorld, name: string) {
  await this.actor(name).api.listMediaRequests();
});

Then('he/she sees only {string}', function (this: MediaNestWorld, title: string) {
  expect(MediaRequests.titlesListed(this.lastExchange), 'the titles listed').to.deep.equal([title]);
});

Then('he/she sees {string}, the last of {int} requests on {int} pages', function (this: MediaNestWorld, title: string, total: number, pages: number) {
  expect(MediaRequests.listPage(this.lastExchange), 'the page of requests').to.deep.equal({ titles: [title], page: pages, total, totalPages: pages });
});

Then('she/he sees {persona}\'s request for {string} and {persona}\'s for {string}', function (this: MediaNestWorld, first: string, firstTitle: string, second: string, secondTitle: string) {
  expect(MediaRequests.ownersAndTitles(this.lastExchange), 'the requests listed').to.deep.equal([`${first}: ${firstTitle}`, `${second}: ${secondTitle}`]);
});
