import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { expectData } from '../support/expect';
import { SignIn } from '../support/tasks/sign-in';
import type { MediaNestWorld } from '../support/world';

Given('a visitor has asked for {int} PINs this minute', async function (this: MediaNestWorld, count: number) {
  for (let i = 0; i < count; i++) expectData(await SignIn.askForPin(this.visitor), 201);
});

When('the visitor asks for another PIN', async function (this: MediaNestWorld) {
  await SignIn.askForPin(this.visitor);
});

Then('plex.tv was asked for {int} PINs only', function (this: MediaNestWorld, count: number) {
  assert.equal(this.upstreams.plexTv.journal.calls('POST', '/api/v2/pins').length, count);
});
