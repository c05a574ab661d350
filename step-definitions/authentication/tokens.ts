import { Then, When } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import { Sessions } from '../../support/checks/sessions';
import { callWithForgery, type Forgery } from '../../support/tasks/forge-token';
import type { MediaNestWorld } from '../../support/world';

When('{persona} calls MediaNest with {forgery}', async function (this: MediaNestWorld, name: string, forgery: Forgery) {
  await callWithForgery(this.actor(name), forgery);
});

Then('no answer MediaNest gave in this scenario contains {persona}\'s Plex token', async function (this: MediaNestWorld, name: string) {
  expect(await Sessions.plexTokenLeaks(this, name), `where ${name}'s Plex token showed`).to.deep.equal([]);
});
