import { Given, Then, When } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import { MediaRequests } from '../../support/checks/media-requests';
import { OverseerrItself } from '../../support/tasks/overseerr-itself';
import { RequestMedia } from '../../support/tasks/request-media';
import type { MediaNestWorld } from '../../support/world';

Given('{persona} has {decision} {persona}\'s request for {string}', async function (this: MediaNestWorld, admin: string, decision: 'approve' | 'decline', owner: string, title: string) {
  expect(await RequestMedia.decided(this, admin, owner, title, decision), `the status of ${owner}'s request`).to.equal(`${decision}d`);
});

When('{persona} approves {persona}\'s request for {string}', async function (this: MediaNestWorld, admin: string, owner: string, title: string) {
  await RequestMedia.decide(this, admin, owner, title, 'approve');
});

When('{persona} declines {persona}\'s request for {string} saying {string}', async function (this: MediaNestWorld, admin: string, owner: string, title: string, reason: string) {
  await RequestMedia.decide(this, admin, owner, title, 'decline', reason);
});

When('{persona} tries to approve his/her own request for {string}', async function (this: MediaNestWorld, name: string, title: string) {
  await RequestMedia.decide(this, name, name, title, 'approve');
});

When('{persona} withdraws his/her request for {string}', async function (this: MediaNestWorld, name: string, title: string) {
  await RequestMedia.remove(this, name, title);
});

When(/^(\w+) (?:removes|tries to withdraw) (\w+)'s request for "([^"]+)"$/, async function (this: MediaNestWorld, name: string, owner: string, title: string) {
  await RequestMedia.remove(this, owner, title, name);
});

When('{persona} tries to look at {persona}\'s request for {string}', async function (this: MediaNestWorld, name: string, owner: string, title: string) {
  await RequestMedia.look(this, owner, title, name);
});

Then('{persona} no longer has a request for {string}', async function (this: MediaNestWorld, name: string, title: string) {
  expect(await MediaRequests.traceOf(this, name, title), `what is left of ${name}'s request for "${title}"`).to.deep.equal({ lookedUp: '404 NOT_FOUND', listed: false });
});

Then('{persona}\'s request for {string} still waits for an admin', async function (this: MediaNestWorld, name: string, title: string) {
  expect(await MediaRequests.pendingHere(this, name, title), `${name}'s request for "${title}"`).to.deep.equal({ status: 'pending', heldByOverseerr: 1 });
});

Then('Overseerr holds {persona}\'s request for {string} as {overseerrState}', function (this: MediaNestWorld, name: string, title: string, state: string) {
  expect(MediaRequests.inOverseerr(this, title).map((request) => ({ for: request.for, state: request.state })), `the requests Overseerr holds for "${title}"`).to.deep.equal([{ for: name, state }]);
});

Then('Overseerr holds {int} request(s) for {string}', function (this: MediaNestWorld, count: number, title: string) {
  expect(MediaRequests.inOverseerr(this, title), `the requests Overseerr holds for "${title}"`).to.have.lengthOf(count);
});

Then('Overseerr holds no request for {string}', function (this: MediaNestWorld, title: string) {
  expect(MediaRequests.inOverseerr(this, title), `the requests Overseerr holds for "${title}"`).to.deep.equal([]);
});

Given('an admin has deleted the request for {string} in Overseerr itself', function (this: MediaNestWorld, title: string) {
  OverseerrItself.deleteRequestFor(this, title);
});

When('{persona} declines {persona}\'s request for {string} without a reason', async function (this: MediaNestWorld, admin: string, owner: string, title: string) {
  await RequestMedia.decide(this, admin, owner, title, 'decline');
});

Then('{persona} sees his/her request for {string} as {word}, with no reason given', async function (this: MediaNestWorld, name: string, title: string, status: string) {
  expect(await MediaRequests.seen(this, name, title), `${name}'s request`).to.deep.include({ status, reason: null });
});

Given('{persona} has withdrawn his/her request for {string}', async function (this: MediaNestWorld, name: string, title: string) {
  expect(await RequestMedia.remove(this, name, title)).to.be.answered(204);
});
