import { Given, Then, When } from '@cucumber/cucumber';
import { outcomeOf } from '../../support/checks/answers';
import { expect } from '../../support/checks/chai';
import { MediaRequests } from '../../support/checks/media-requests';
import { contractStatusOf } from '../../support/contract/error-codes';
import { RequestMedia } from '../../support/tasks/request-media';
import type { MediaNestWorld } from '../../support/world';

When('{persona} sends two identical requests for {string} at the same moment', async function (this: MediaNestWorld, name: string, title: string) {
  await RequestMedia.twiceAtOnce(this, name, title);
});

Then('one is accepted and the other is refused with {word}', function (this: MediaNestWorld, code: string) {
  expect(this.notes.mediaRequests.sameMoment.map(outcomeOf).sort(), 'the answers to the two requests').to.deep.equal(['201', `${contractStatusOf(code)} ${code}`].sort());
});

Given('{persona} has requested {string} with the idempotency key {string}', async function (this: MediaNestWorld, name: string, title: string, key: string) {
  expect(await RequestMedia.withKey(this, name, title, key)).to.be.answered(201);
});

When('{persona} requests {string}( again) with the idempotency key {string}', async function (this: MediaNestWorld, name: string, title: string, key: string) {
  await RequestMedia.withKey(this, name, title, key);
});

Then('{persona} gets the first answer again', function (this: MediaNestWorld, name: string) {
  expect(MediaRequests.replayed(this, name), `${name}'s latest answer`).to.deep.equal({ status: 201, sameBodyAsFirst: true, saysItIsAReplay: true });
});

Given('{persona} has requested seasons {int} and {int} of {string} with the idempotency key {string}', async function (this: MediaNestWorld, name: string, first: number, second: number, title: string, key: string) {
  expect(await RequestMedia.withKey(this, name, title, key, { seasons: [first, second] })).to.be.answered(201);
});

When('{persona} requests seasons {int} and {int} of {string} with the idempotency key {string}', async function (this: MediaNestWorld, name: string, first: number, second: number, title: string, key: string) {
  await RequestMedia.withKey(this, name, title, key, { seasons: [first, second] });
});

When('{persona} requests seasons {int} and {int} of {string} again with the idempotency key {string}, its fields in another order', async function (this: MediaNestWorld, name: string, first: number, second: number, title: string, key: string) {
  await RequestMedia.withKey(this, name, title, key, { seasons: [first, second], reordered: true });
});

When('{persona} requests {string} with the idempotency key {string}, and again while Overseerr is still making the first', async function (this: MediaNestWorld, name: string, title: string, key: string) {
  await RequestMedia.againWhileOverseerrWorks(this, name, title, key);
});

Given('{persona}\'s request for {string} with the idempotency key {string} failed at Overseerr', async function (this: MediaNestWorld, name: string, title: string, key: string) {
  this.upstreams.overseerr.failsCreating({ kind: 'status', status: 500 });
  expect(await RequestMedia.withKey(this, name, title, key)).to.be.refusedWith('UPSTREAM_ERROR');
});
