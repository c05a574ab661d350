import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { UpstreamName } from '../support/upstreams/fake-upstream';
import { SignIn } from '../support/tasks/sign-in';
import { whileUpstreamHolds } from '../support/tasks/while-time-passes';
import type { MediaNestWorld } from '../support/world';

Given('{upstream} is down', function (this: MediaNestWorld, upstream: UpstreamName) {
  this.upstreams.byName(upstream).fails({ kind: 'down' });
});

Given('{upstream} answers every call with a server error', function (this: MediaNestWorld, upstream: UpstreamName) {
  this.upstreams.byName(upstream).fails({ kind: 'status', status: 500 });
});

Given('{upstream} answers only after {duration}', function (this: MediaNestWorld, upstream: UpstreamName, ms: number) {
  this.upstreams.byName(upstream).fails({ kind: 'slow', ms });
});

When(
  '{actor} asks to sign in with Plex and plex.tv stays silent for {duration}',
  async function (this: MediaNestWorld, name: string, ms: number) {
    const plexTv = this.upstreams.plexTv;
    plexTv.fails({ kind: 'silent' });
    const askedAt = this.clock.now();
    await whileUpstreamHolds(this, plexTv, SignIn.askForPin(this.actor(name)), ms);
    this.remember('how long the answer took', this.clock.now() - askedAt);
  },
);

When('{actor} asks to sign in with Plex and {duration} pass', async function (this: MediaNestWorld, name: string, ms: number) {
  const exchange = await whileUpstreamHolds(this, this.upstreams.plexTv, SignIn.askForPin(this.actor(name)), ms);
  if (exchange.response.status === 201) this.actor(name).pinId = exchange.response.body.data.id;
});

Then('the refusal came {int} seconds after the question, on the scenario clock', function (this: MediaNestWorld, seconds: number) {
  assert.equal(this.recall<number>('how long the answer took'), seconds * 1000);
});

Then('the refusal does not show plex.tv\'s own error text', function (this: MediaNestWorld) {
  assert.doesNotMatch(this.lastExchange.response.text, /Internal Server Error|upstream internals/);
});

Given('{persona} signs out of every device at plex.tv', function (this: MediaNestWorld, name: string) {
  this.upstreams.plexTv.model.revokeTokens(name);
});

Given('plex.tv is configured at a host no fake serves', function (this: MediaNestWorld) {
  this.env.PLEX_TV_URL = 'https://plex.unfaked.example';
});
