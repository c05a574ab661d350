import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { Readiness } from '../support/tasks/readiness';
import type { MediaNestWorld } from '../support/world';

Given('MediaNest has lost its database', async function (this: MediaNestWorld) {
  await Readiness.loseDatabase(this);
});

When('the load balancer asks whether MediaNest is ready', async function (this: MediaNestWorld) {
  this.remember('the readiness answer', await Readiness.check(this));
});

Then('MediaNest says it is ready, with its database up', function (this: MediaNestWorld) {
  const { status, readiness } = this.recall<Awaited<ReturnType<typeof Readiness.check>>>('the readiness answer');
  assert.deepEqual({ status, ready: readiness.ready, database: readiness.database }, { status: 200, ready: true, database: 'up' });
});

Then('MediaNest says it is not ready, with its database down', function (this: MediaNestWorld) {
  const { status, readiness } = this.recall<Awaited<ReturnType<typeof Readiness.check>>>('the readiness answer');
  assert.deepEqual({ status, ready: readiness.ready, database: readiness.database }, { status: 503, ready: false, database: 'down' });
});
