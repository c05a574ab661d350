import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { PLEX_CLIENT_ID } from '../support/target/environment';
import { SignIn } from '../support/tasks/sign-in';
import type { MediaNestWorld } from '../support/world';

/** A PIN made straight at plex.tv with MediaNest's client id: MediaNest never asked for it. */
Given('{persona} has made a PIN for MediaNest at plex.tv herself and {persona} has approved it', function (this: MediaNestWorld, maker: string, approver: string) {
  const { model } = this.upstreams.plexTv;
  const pin = model.createPin(PLEX_CLIENT_ID, true);
  model.claim(pin, approver);
  this.remember('the PIN made at plex.tv', { id: pin.id, maker });
});

When('{actor} returns to MediaNest with that PIN', async function (this: MediaNestWorld, name: string) {
  await SignIn.verify(this.actor(name), this.recall<{ id: number }>('the PIN made at plex.tv').id);
});

Then('plex.tv was not asked about that PIN', function (this: MediaNestWorld) {
  const { id } = this.recall<{ id: number }>('the PIN made at plex.tv');
  assert.deepEqual(this.upstreams.plexTv.journal.calls('GET', `/api/v2/pins/${id}`).map((call) => call.path), []);
});
