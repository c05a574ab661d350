import { Given, Then, When } from '@cucumber/cucumber';
import { HealthChecks } from '../../support/checks/service-health';
import { Readiness } from '../../support/tasks/readiness';
import type { MediaNestWorld } from '../../support/world';

Given('MediaNest has lost its database', async function (this: MediaNestWorld) {
  await Readiness.loseDatabase(this);
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
