import { Given, Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { expectError } from '../support/checks/answers';
import { guardFailure } from '../support/upstreams/network-guard';
import type { MediaNestWorld } from '../support/world';

Given('{duration} pass(es)', async function (this: MediaNestWorld, ms: number) {
  await this.clock.advance(ms);
});

Then('the scenario took less than {int} real seconds', function (this: MediaNestWorld, seconds: number) {
  assert.ok(performance.now() - this.realStartedAt < seconds * 1000);
});

Then('the network guard stopped a call to that host', function (this: MediaNestWorld) {
  expectError(this.lastExchange, 503, 'SERVICE_UNAVAILABLE');
  const blocked = this.target.blockedCalls();
  assert.deepEqual(blocked, ['POST https://plex.unfaked.example']);
  this.remember('blocked calls', blocked);
});

Then('the scenario would fail naming that host', function (this: MediaNestWorld) {
  assert.match(guardFailure(this.recall<string[]>('blocked calls'))?.message ?? '', /plex\.unfaked\.example/);
});
