import { Given, Then, When } from '@cucumber/cucumber';
import { HealthChecks } from '../../support/checks/service-health';
import { Readiness } from '../../support/tasks/readiness';
import type { MediaNestWorld } from '../../support/world';

Given('MediaNest has lost its database', async function (this: MediaNestWorld) {
  await Readiness.loseDatabase(this);
});

Given('MediaNest has been running for {int} seconds', async function (this: MediaNestWorld, seconds: number) {
  await this.gateway();
  await this.clock.advance(seconds * 1000);
});

When('the load balancer asks whether MediaNest is alive', async function (this: MediaNestWorld) {
  await this.actor('the load balancer').api.getLiveness();
});

Then('MediaNest says it is alive, up for {int} seconds', function (this: MediaNestWorld, seconds: number) {
  HealthChecks.alive(this.lastExchange, seconds);
});

When('the load balancer asks whether MediaNest is ready', async function (this: MediaNestWorld) {
  this.notes.readiness.answer = await Readiness.check(this);
});

Then('MediaNest says it is ready, with its database up', function (this: MediaNestWorld) {
  HealthChecks.readiness(this, { status: 200, ready: true, database: 'up' });
});

Then('MediaNest says it is not ready, with its database down', function (this: MediaNestWorld) {
  HealthChecks.readiness(this, { status: 503, ready: false, database: 'down' });
});
