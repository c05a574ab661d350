import { Given, Then, When } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import { MediaRequests } from '../../support/checks/media-requests';
import { RequestMedia } from '../../support/tasks/request-media';
import type { MediaNestWorld } from '../../support/world';

Given('{persona} has requested {string}', async function (this: MediaNestWorld, name: string, title: string) {
  await RequestMedia.accepted(this, name, title);
});

Given('{persona} has requested {string}, which waits for an admin', async function (this: MediaNestWorld, name: string, title: string) {
  expect((await RequestMedia.accepted(this, name, title)).status, `the status of ${name}'s request`).to.equal('pending');
});

Given('{persona} has requested {string}, {string} and {string}', async function (this: MediaNestWorld, name: string, first: string, second: string, third: string) {
  await RequestMedia.acceptedAll(this, name, [first, second, third]);
});

When('{persona} requests {string}', async function (this: MediaNestWorld, name: string, title: string) {
  await RequestMedia.titled(this, name, title);
});

When('{persona} requests seasons {int} and {int} of {string}', async function (this: MediaNestWorld, name: string, first: number, second: number, title: string) {
  await RequestMedia.titled(this, name, title, { seasons: [first, second] });
});

Then('{persona}\'s request for {string} waits for an admin', async function (this: MediaNestWorld, name: string, title: string) {
  expect(await MediaRequests.seen(this, name, title), `${name}'s request`).to.deep.include({ status: 'pending', title, owner: name });
});

Then('{persona}\'s request for {string} waits for an admin, for seasons {int} and {int}', async function (this: MediaNestWorld, name: string, title: string, first: number, second: number) {
  expect(await MediaRequests.seen(this, name, title), `${name}'s request`).to.deep.include({ status: 'pending', seasons: [first, second] });
});

Then('{persona} sees his/her request for {string} as {word}', async function (this: MediaNestWorld, name: string, title: string, status: string) {
  expect(await MediaRequests.seen(this, name, title), `${name}'s request`).to.deep.include({ status, updatedSinceCreated: true });
});

Then('{persona} sees his/her request for {string} as {word}, because {string}', async function (this: MediaNestWorld, name: string, title: string, status: string, reason: string) {
  expect(await MediaRequests.seen(this, name, title), `${name}'s request`).to.deep.include({ status, reason });
});

Then('{persona} has no requests', async function (this: MediaNestWorld, name: string) {
  expect(await RequestMedia.statuses(this, name), `${name}'s requests`).to.deep.equal([]);
});

Then('{persona} has {int} request(s), for {string}', async function (this: MediaNestWorld, name: string, count: number, title: string) {
  expect((await RequestMedia.statuses(this, name)).map((request) => request.title), `the titles of ${name}'s requests`).to.deep.equal(Array(count).fill(title));
});

Then(/^Overseerr was (?:not asked to create a request|asked to create (\d+) requests?)$/, function (this: MediaNestWorld, count?: string) {
  expect(RequestMedia.creationCalls(this)).to.be.askedTimes(Number(count ?? 0), 'Overseerr', 'to create a request');
});

Then('Overseerr holds {persona}\'s request for {string} for seasons {int} and {int}, waiting for approval', function (this: MediaNestWorld, name: string, title: string, first: number, second: number) {
  expect(MediaRequests.inOverseerr(this, title), `the requests Overseerr holds for "${title}"`).to.deep.equal([{ for: name, state: 'waiting for approval', seasons: [first, second] }]);
});

Then('Overseerr was asked for the film {string}, with no seasons', function (this: MediaNestWorld, title: string) {
  const { tmdbId } = RequestMedia.title(this, title, 'movie');
  expect(MediaRequests.creationSent(this), 'what MediaNest sent Overseerr to create the request').to.deep.equal([{ mediaType: 'movie', mediaId: tmdbId }]);
});
