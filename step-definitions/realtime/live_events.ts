import { Given, Then, When } from '@cucumber/cucumber';
import { LiveChecks } from '../../support/checks/live-updates';
import { LiveUpdates } from '../../support/tasks/live-updates';
import { libraryKey } from '../../support/tasks/browse-library';
import { RequestMedia } from '../../support/tasks/request-media';
import type { MediaNestWorld } from '../../support/world';

Given('{persona} is watching {watched} live', async function (this: MediaNestWorld, name: string, topics: string[]) {
  await LiveUpdates.watch(this, name, topics);
});

Given('{persona} is watching {watched} live, naming the topics beside the message\'s type', async function (this: MediaNestWorld, name: string, topics: string[]) {
  await LiveUpdates.watch(this, name, topics, 'beside the type');
});

Given('{persona}, {persona} and {persona} are watching {watched} live', async function (this: MediaNestWorld, first: string, second: string, third: string, topics: string[]) {
  for (const name of [first, second, third]) await LiveUpdates.watch(this, name, topics);
});

Then('{persona} is told his/her request for {string} went from {word} to {word}', async function (this: MediaNestWorld, name: string, title: string, previous: string, status: string) {
  await LiveChecks.toldOfRequest(this, name, title, previous, status, RequestMedia.idOf(this, name, title));
});

Then('{persona} is told of {string} only', async function (this: MediaNestWorld, name: string, title: string) {
  await LiveChecks.toldOfOnly(this.live.latest(name), [title]);
});

Then('{persona} is told of both {string} and {string}', async function (this: MediaNestWorld, name: string, first: string, second: string) {
  await LiveChecks.toldOfOnly(this.live.latest(name), [first, second]);
});

Then('{persona} is told {persona}\'s download completed', async function (this: MediaNestWorld, name: string, _owner: string) {
  await LiveChecks.toldDownloadCompleted(this.live.latest(name));
});

Then('{persona} is told his/her download went from queued to downloading to completed', async function (this: MediaNestWorld, name: string) {
  await LiveChecks.toldTheDownloadsStory(this.live.latest(name));
});

Then('{persona} is told his/her download failed while downloading, with {string}', async function (this: MediaNestWorld, name: string, error: string) {
  await LiveChecks.toldTheDownloadFailed(this.live.latest(name), error);
});

Then('{persona}(\'s app) is told nothing( of it)', async function (this: MediaNestWorld, name: string) {
  await LiveChecks.toldNothing(this.live.latest(name));
});

Then('{persona} is told the library changed because {string} became available', async function (this: MediaNestWorld, name: string, title: string) {
  await LiveChecks.toldLibraryChanged(this.live.latest(name), title);
});

Then('{persona} is told the library changed because an admin asked Plex to rescan the {library} library', async function (this: MediaNestWorld, name: string, library: string) {
  await LiveChecks.toldLibraryChangedBecause(this.live.latest(name), `an admin asked Plex to rescan library ${libraryKey(library)}`);
});

Then('{persona} is told nothing about the library', async function (this: MediaNestWorld, name: string) {
  await LiveChecks.toldNothingOf(this.live.latest(name), 'cache.invalidated');
});

When('{persona} approves {persona}\'s request for {string} and {persona}\'s request for {string}', async function (this: MediaNestWorld, admin: string, first: string, firstTitle: string, second: string, secondTitle: string) {
  await Promise.all([RequestMedia.decide(this, admin, first, firstTitle, 'approve'), RequestMedia.decide(this, admin, second, secondTitle, 'approve')]);
});
