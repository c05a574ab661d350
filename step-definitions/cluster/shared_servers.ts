import { Given, Then, When } from '@cucumber/cucumber';
import { InstanceChecks } from '../../support/checks/instances';
import { Instances } from '../../support/tasks/instances';
import type { MediaNestWorld } from '../../support/world';

Given('the shared database has gone down', async function (this: MediaNestWorld) {
  await Instances.takeDown(this, 'PostgreSQL');
});

Given('the shared database is back', async function (this: MediaNestWorld) {
  await Instances.bringBack(this, 'PostgreSQL');
});

Given('Redis has gone down', async function (this: MediaNestWorld) {
  await Instances.takeDown(this, 'Redis');
});

Given('Redis is back', async function (this: MediaNestWorld) {
  await Instances.bringBackRedis(this);
});

Given('Redis has gone down and is back', async function (this: MediaNestWorld) {
  await Instances.takeDown(this, 'Redis');
  await Instances.bringBackRedis(this);
});

When('the load balancer asks each instance whether it is ready', async function (this: MediaNestWorld) {
  await Instances.askEachWhetherReady(this);
});

Then('every instance says it is not ready, with its database down', function (this: MediaNestWorld) {
  InstanceChecks.everyReadiness(this, { status: 503, ready: false, database: 'down' });
});

Then('every instance says it is ready, with its database up', function (this: MediaNestWorld) {
  InstanceChecks.everyReadiness(this, { status: 200, ready: true, database: 'up' });
});

Then('every instance says it is ready, with Redis down', function (this: MediaNestWorld) {
  InstanceChecks.everyReadiness(this, { status: 200, ready: true, redis: 'down' });
});

Then('every instance says it is ready, with its database and Redis up', function (this: MediaNestWorld) {
  InstanceChecks.everyReadiness(this, { status: 200, ready: true, database: 'up', redis: 'up' });
});
