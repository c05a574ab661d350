import { Given, Then, When } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import { Library } from '../../support/checks/library';
import { BrowseLibrary } from '../../support/tasks/browse-library';
import type { MediaNestWorld } from '../../support/world';

Then('the answer came from MediaNest\'s cache, fresh for up to {int} more seconds', function (this: MediaNestWorld, seconds: number) {
  expect(Library.source(this.lastExchange), 'where the answer came from').to.deep.include({ from: "MediaNest's cache" }).and.have.property('freshForSeconds').within(1, seconds);
});

Then('the answer came from Plex and was kept', function (this: MediaNestWorld) {
  expect(Library.source(this.lastExchange), 'where the answer came from').to.deep.equal({ from: 'Plex, and kept', markedStale: false });
});

Then('Plex was asked for the libraries {times}', function (this: MediaNestWorld, times: number) {
  expect(this.upstreams.plexServer.journal.calls('GET', '/library/sections')).to.be.askedTimes(times, 'Plex', 'for the libraries');
});

Given('{string} has been copied to the Plex server\'s disk', function (this: MediaNestWorld, title: string) {
  BrowseLibrary.addToPlex(this, title, 'staged');
});

When('{persona} (tries to )have/has Plex rescan the {library} library', async function (this: MediaNestWorld, name: string, library: string) {
  await BrowseLibrary.rescan(this, name, library);
});

Then('Plex was asked to rescan the {library} library', function (this: MediaNestWorld, library: string) {
  expect(Library.rescans(this, library), `the rescans of the ${library} library Plex was asked for`).to.equal(1);
});

Then('{persona} is told Plex is rescanning the {library} library', function (this: MediaNestWorld, name: string, library: string) {
  Library.rescanning(this.lastExchangeOf(name), library);
});

Given('MediaNest keeps no copy of the library', function (this: MediaNestWorld) {
  expect(this.gatewayStarted, 'whether MediaNest started before its configuration was set').to.equal(false);
  this.env.LIBRARY_CACHE_SECONDS = '0';
});

Then('the answer came from Plex and was not kept', function (this: MediaNestWorld) {
  expect(Library.source(this.lastExchange), 'where the answer came from').to.deep.equal({ from: 'Plex, not kept', markedStale: false });
});

Then('{persona}\'s next look at the {library} library comes from Plex and includes {string}', async function (this: MediaNestWorld, name: string, library: string, title: string) {
  expect(await Library.nextLook(this, name, 'the library', library), `${name}'s next look`).to.deep.include({ from: 'Plex, and kept' }).and.have.property('titles').that.includes(title);
});

Given('{persona} has searched the library for {string} and found nothing', async function (this: MediaNestWorld, name: string, query: string) {
  expect(Library.titles(await BrowseLibrary.look(this, name, 'a search for', query)), `the titles a search for "${query}" finds`).to.deep.equal([]);
});

Then('{persona}\'s next search of the library for {string} comes from Plex and finds {string}', async function (this: MediaNestWorld, name: string, query: string, title: string) {
  expect(await Library.nextLook(this, name, 'a search for', query), `${name}'s next search`).to.deep.equal({ from: 'Plex, and kept', titles: [title] });
});

Then('he/she is shown the copy from {int} minutes ago, marked stale', function (this: MediaNestWorld, minutes: number) {
  // the copy was fresh for 60 s of those minutes and has been stale since; the retries of Plex took a few seconds more at most
  expect(Library.staleCopy(this.lastExchange, 'Movies'), 'the copy shown').to.deep.include({ from: 'a stale copy', markedStale: true, lists: true }).and.have.property('staleForSeconds').within(minutes * 60 - 60, minutes * 60 - 55);
});

Then('he/she is told it is a stale copy kept because Plex failed', function (this: MediaNestWorld) {
  expect(Library.staleCopy(this.lastExchange, 'Alien'), 'the copy shown').to.deep.include({ from: 'a stale copy', markedStale: true, lists: true });
});
