import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import { Library } from '../../support/checks/library';
import { BrowseLibrary, libraryKey } from '../../support/tasks/browse-library';
import type { MediaNestWorld } from '../../support/world';

When('{actor} looks at the libraries', async function (this: MediaNestWorld, name: string) {
  await BrowseLibrary.lookPatiently(this, name, 'the libraries');
});

Given('{persona} has looked at the libraries', async function (this: MediaNestWorld, name: string) {
  expect(await BrowseLibrary.lookPatiently(this, name, 'the libraries')).to.be.answered(200);
});

When('{persona} looks at the {library} library', async function (this: MediaNestWorld, name: string, library: string) {
  await BrowseLibrary.lookPatiently(this, name, 'the library', library);
});

Given('{persona} has looked at the {library} library', async function (this: MediaNestWorld, name: string, library: string) {
  expect(await BrowseLibrary.lookPatiently(this, name, 'the library', library)).to.be.answered(200);
});

When('{persona} looks at the {library} library {int} titles at a time', async function (this: MediaNestWorld, name: string, library: string, limit: number) {
  await BrowseLibrary.lookPatiently(this, name, 'the library', library, { limit });
});

When('{persona} looks at the {library} library {int} titles at a time, from the {ordinal}', async function (this: MediaNestWorld, name: string, library: string, limit: number, from: number) {
  await BrowseLibrary.lookPatiently(this, name, 'the library', library, { limit, offset: from - 1 });
});

When('{persona} looks at a library the server does not have', async function (this: MediaNestWorld, name: string) {
  await BrowseLibrary.lookAtMissingLibrary(this, name);
});

When('{persona} searches the library for {string}', async function (this: MediaNestWorld, name: string, query: string) {
  await BrowseLibrary.lookPatiently(this, name, 'a search for', query);
});

When('{persona} looks at the recently added titles', async function (this: MediaNestWorld, name: string) {
  await BrowseLibrary.lookPatiently(this, name, 'the recently added titles');
});

When('{persona} looks at the collections of {library}', async function (this: MediaNestWorld, name: string, library: string) {
  await BrowseLibrary.lookPatiently(this, name, 'the collections of', library);
});

Then('he/she sees these libraries:', function (this: MediaNestWorld, table: DataTable) {
  expect(Library.shown(this.lastExchange), 'the libraries shown').to.deep.equal(table.hashes());
});

Then('he/she sees {string} and {string}, {int} of the {int} titles', function (this: MediaNestWorld, first: string, second: string, _shown: number, total: number) {
  expect(Library.page(this.lastExchange), 'the page of the library').to.deep.equal({ titles: [first, second], total, pagingFields: ['limit', 'offset', 'total'] });
});

Then('he/she finds these titles in the library:', function (this: MediaNestWorld, table: DataTable) {
  expect(Library.shown(this.lastExchange), 'the titles found').to.deep.equal(table.hashes());
});

Then('{string} shows as a film from {int} that runs {int} minutes and was added {int} days ago', function (this: MediaNestWorld, title: string, year: number, minutes: number, days: number) {
  expect(Library.title(this, this.lastExchange, title), `"${title}" as shown`).to.deep.equal({ type: 'film', year, minutes, daysAgo: days, plexKey: true });
});

Given('Plex has just found {string} in the {library} library and not matched it yet', function (this: MediaNestWorld, file: string, library: string) {
  this.upstreams.plexServer.model.addItem(libraryKey(library), { title: file });
});

Then('{string} shows with no year, no summary and no poster', function (this: MediaNestWorld, title: string) {
  expect(Library.described(this.lastExchange, title), `"${title}" as shown`).to.deep.equal({ year: null, summary: '', thumb: null });
});

Given('{string} has just been added to Plex', function (this: MediaNestWorld, title: string) {
  BrowseLibrary.addToPlex(this, title, 'added');
});

Then('the first of them is {string}', function (this: MediaNestWorld, title: string) {
  expect(Library.titles(this.lastExchange)[0], 'the first title').to.equal(title);
});

Then('he/she sees these collections:', function (this: MediaNestWorld, table: DataTable) {
  expect(Library.collections(this.lastExchange), 'the collections shown').to.deep.equal(table.hashes());
});

Then('Plex was asked with {persona}\'s own Plex token, on behalf of MediaNest', function (this: MediaNestWorld, name: string) {
  expect(Library.lastCallToPlex(this), 'the Plex token and the product named on the last call to Plex').to.deep.equal({ token: this.upstreams.plexTv.model.account(name).authToken, product: 'MediaNest' });
});

When('{persona} looks at the {int} most recently added titles', async function (this: MediaNestWorld, name: string, limit: number) {
  await BrowseLibrary.lookPatiently(this, name, 'the recently added titles', '', { limit });
});

Then('he/she sees {string}, {string} and {string}', function (this: MediaNestWorld, first: string, second: string, third: string) {
  expect(Library.titles(this.lastExchange), 'the titles shown').to.deep.equal([first, second, third]);
});

Then('Plex was asked for {int} titles', function (this: MediaNestWorld, count: number) {
  expect(Library.recentlyAddedAsked(this), 'how many recently added titles each call asked Plex for').to.deep.equal([String(count)]);
});

Given('the Plex server has no libraries yet', function (this: MediaNestWorld) {
  this.upstreams.plexServer.model.clear();
});

Then('he/she sees nothing there', function (this: MediaNestWorld) {
  expect(Library.titles(this.lastExchange), 'what is shown').to.deep.equal([]);
});
