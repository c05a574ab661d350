import { Given, Then } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import { MediaRequests } from '../../support/checks/media-requests';
import { OverseerrItself } from '../../support/tasks/overseerr-itself';
import type { MediaNestWorld } from '../../support/world';

Given('{persona}\'s Plex account was imported into Overseerr after {int} others', function (this: MediaNestWorld, name: string, others: number) {
  OverseerrItself.importAfterOthers(this, name, others);
});

Given('Overseerr has {string} as {persona}\'s email', function (this: MediaNestWorld, email: string, name: string) {
  OverseerrItself.changeEmail(this, name, email);
});

Given('{persona} has changed his/her Plex username to {string} since Overseerr imported him/her', function (this: MediaNestWorld, name: string, username: string) {
  this.upstreams.plexTv.model.update(name, { username });
});

Then('Overseerr was asked for its users {int} at a time, {int} pages of them', function (this: MediaNestWorld, take: number, pages: number) {
  const expected = Array.from({ length: pages }, (_, page) => ({ take: String(take), skip: String(page * take) }));
  expect(MediaRequests.userPagesAsked(this), "the pages of Overseerr's users MediaNest asked for").to.deep.equal(expected);
});
