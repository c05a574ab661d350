import { Given, Then, When } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import { limitRefusalSays } from '../../support/checks/limits';
import { SignIn } from '../../support/tasks/sign-in';
import type { MediaNestWorld } from '../../support/world';

Given('a visitor has asked for {int} PINs this minute', async function (this: MediaNestWorld, count: number) {
  await SignIn.askForPins(this.visitor, count);
});

When('the visitor asks for another PIN', async function (this: MediaNestWorld) {
  await SignIn.askForPin(this.visitor);
});

Then('plex.tv was asked for {int} PINs only', function (this: MediaNestWorld, count: number) {
  expect(this.upstreams.plexTv.journal.calls('POST', '/api/v2/pins')).to.be.askedTimes(count, 'plex.tv', 'for a PIN');
});

Given('a visitor has tried {int} PINs this minute', async function (this: MediaNestWorld, count: number) {
  await SignIn.tryUnknownPins(this.visitor, count);
});

When('the visitor tries another PIN', async function (this: MediaNestWorld) {
  await SignIn.verifyUnknown(this.visitor);
});

Then('the refusal says the minute allows {int}, none are left, and when it resets', function (this: MediaNestWorld, limit: number) {
  expect(limitRefusalSays(this.lastExchange), 'what the refusal says of the limit').to.deep.equal({ limit, remaining: 0, resetsWithinTheMinute: true, legacyHeaders: [] });
});
