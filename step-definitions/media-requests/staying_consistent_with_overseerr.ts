import { Given, Then, When } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import { MediaRequests } from '../../support/checks/media-requests';
import { OverseerrItself } from '../../support/tasks/overseerr-itself';
import { OVERSEERR_TIMEOUT_MS, RequestMedia } from '../../support/tasks/request-media';
import type { FaultKind } from '../../support/upstreams/faults';
import type { MediaNestWorld } from '../../support/world';

Given('{persona} has used up his/her film quota in Overseerr', function (this: MediaNestWorld, name: string) {
  OverseerrItself.useUpFilmQuota(this, name);
});

Given('{persona}\'s Overseerr account may not make requests', function (this: MediaNestWorld, name: string) {
  OverseerrItself.withdrawRequestPermission(this, name);
});

Given('Overseerr refuses to create requests, without saying why', function (this: MediaNestWorld) {
  this.upstreams.overseerr.failsCreating({ kind: 'status', status: 403 });
});

Given('Overseerr {fault} when asked to create a request', function (this: MediaNestWorld, fault: FaultKind) {
  this.upstreams.overseerr.failsCreating(fault);
});

Given('Overseerr answered {persona}\'s request for {string} with a server error', async function (this: MediaNestWorld, name: string, title: string) {
  this.upstreams.overseerr.failsCreating({ kind: 'status', status: 500 });
  expect(await RequestMedia.titled(this, name, title)).to.be.refusedWith('UPSTREAM_ERROR');
});

When('{persona} requests {string} and Overseerr makes it but answers only after {int} seconds', async function (this: MediaNestWorld, name: string, title: string, seconds: number) {
  await RequestMedia.answeredLate(this, name, title, seconds * 1000);
});

Given('{persona}\'s request for {string} timed out after Overseerr made it', async function (this: MediaNestWorld, name: string, title: string) {
  expect(await RequestMedia.answeredLate(this, name, title, OVERSEERR_TIMEOUT_MS + 1000)).to.be.refusedWith('UPSTREAM_TIMEOUT');
  expect(RequestMedia.inOverseerr(this, title), `the requests Overseerr made for "${title}"`).to.have.lengthOf(1);
  await RequestMedia.noteListed(this, name, title);
});

Then('{persona}\'s request for {string} is kept as failed, because Overseerr did not answer in time', async function (this: MediaNestWorld, name: string, title: string) {
  expect(await MediaRequests.onlyRequestListed(this, name), `${name}'s requests`).to.deep.equal({ count: 1, title, status: 'failed', failedInTime: true });
});

Then('{persona}\'s request for {string} waits for an admin, linked to the one Overseerr made', function (this: MediaNestWorld, name: string, title: string) {
  expect(MediaRequests.linkedToOverseerr(this, name, title), `${name}'s new request`).to.deep.equal({ status: 'pending', overseerrRequests: 1, linked: true, madeFor: name });
});

Given('{persona} has asked for {string} in Overseerr itself', function (this: MediaNestWorld, name: string, title: string) {
  OverseerrItself.askFor(this, name, title);
});

Given('an admin has declined {string} in Overseerr itself', function (this: MediaNestWorld, title: string) {
  OverseerrItself.decline(this, title);
});

Given('{persona} has asked for {string} in Overseerr itself, where an admin has approved it', function (this: MediaNestWorld, name: string, title: string) {
  OverseerrItself.askFor(this, name, title);
  OverseerrItself.approve(this, title, false);
});

Given('{persona} has asked for {string} in Overseerr itself, where it has since become available', function (this: MediaNestWorld, name: string, title: string) {
  OverseerrItself.askFor(this, name, title);
  OverseerrItself.approve(this, title, true);
});

Then('{persona}\'s request for {string} is linked to the one Overseerr made, as {word}', function (this: MediaNestWorld, name: string, title: string, status: string) {
  expect(MediaRequests.linkedToOverseerr(this, name, title), `${name}'s new request`).to.deep.equal({ status, overseerrRequests: 1, linked: true, madeFor: name });
});

Then('Overseerr was not asked to delete a request', function (this: MediaNestWorld) {
  expect(RequestMedia.deletionCalls(this)).to.be.askedTimes(0, 'Overseerr', 'to delete a request');
});
