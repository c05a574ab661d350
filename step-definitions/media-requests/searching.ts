import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import { MediaRequests } from '../../support/checks/media-requests';
import { RequestMedia } from '../../support/tasks/request-media';
import type { MediaNestWorld } from '../../support/world';

Given('{persona} has found {string} by searching for {string}', async function (this: MediaNestWorld, name: string, title: string, query: string) {
  const found = MediaRequests.searchResults(await RequestMedia.search(this, name, query));
  expect(found.map((result: { title: string }) => result.title), `the titles a search for "${query}" finds`).to.include(title);
});

When('{persona} searches for {string}', async function (this: MediaNestWorld, name: string, query: string) {
  await RequestMedia.search(this, name, query);
});

When('{persona} searches for {string} and turns to page {int}', async function (this: MediaNestWorld, name: string, query: string, page: number) {
  await RequestMedia.search(this, name, query, page);
});

Then('he/she finds these titles:', function (this: MediaNestWorld, table: DataTable) {
  expect(MediaRequests.searchResults(this.lastExchange), 'the titles the search finds').to.deep.equal(table.hashes());
});

Then('he/she sees the last {int} of {int} titles, on page {int} of {int}', function (this: MediaNestWorld, shown: number, total: number, page: number, pages: number) {
  expect(MediaRequests.searchPage(this.lastExchange), 'the page of results').to.deep.equal({ shown, page, totalPages: pages, totalResults: total });
});

Then('he/she finds no titles', function (this: MediaNestWorld) {
  expect(MediaRequests.searchResults(this.lastExchange), 'the titles the search finds').to.deep.equal([]);
});

Then('each title found says what it is about', function (this: MediaNestWorld) {
  expect(MediaRequests.summariesFound(this.lastExchange), 'the summaries of the titles found').to.deep.equal(MediaRequests.summariesInCatalogue(this, this.lastExchange));
});
