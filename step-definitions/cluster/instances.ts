import { Given, Then, When } from '@cucumber/cucumber';
import { InstanceChecks, LOGGED_CALLS } from '../../support/checks/instances';
import type { InstanceName } from '../../support/target/cluster';
import { Instances } from '../../support/tasks/instances';
import { OVERSEERR } from '../../support/tasks/overseerr-reports';
import type { MediaNestWorld } from '../../support/world';

Given('{actor} uses {instance}', function (this: MediaNestWorld, name: string, instance: InstanceName) {
  Instances.use(this, name, instance);
});

Given('{persona} is signed in and uses {instance}', async function (this: MediaNestWorld, name: string, instance: InstanceName) {
  await Instances.signInOn(this, name, instance);
});

Given('Overseerr\'s notifications reach {instance}', function (this: MediaNestWorld, instance: InstanceName) {
  Instances.use(this, OVERSEERR, instance);
});

When('{instance} stops', async function (this: MediaNestWorld, instance: InstanceName) {
  await Instances.stop(this, instance);
});

When('{persona}\'s portal reconnects to watch {watched}', async function (this: MediaNestWorld, name: string, topics: string[]) {
  await Instances.reconnect(this, name, topics);
});

Then('both instances received some of {persona}\'s checks', async function (this: MediaNestWorld, _name: string) {
  await InstanceChecks.eachReceived(this, LOGGED_CALLS.sessionChecks, 1);
});

Then('both instances received one of them', async function (this: MediaNestWorld) {
  await InstanceChecks.eachReceived(this, LOGGED_CALLS.newMediaRequests, 1, 1);
});
