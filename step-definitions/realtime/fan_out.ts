import { Given, Then, When } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import { FanOut } from '../../support/tasks/fan-out';
import type { MediaNestWorld } from '../../support/world';

// Signing many people in and opening their sockets is set-up, not what is measured: a busy machine may take longer than a step's usual 20 s.
Given('{int} people are each watching service health on {int} connections', { timeout: 60_000 }, async function (this: MediaNestWorld, people: number, each: number) {
  await FanOut.audience(this, people, each);
});

When('Uptime Kuma\'s next check finds {service} down', async function (this: MediaNestWorld, service: string) {
  await FanOut.nextPollFinds(this, service, 'down');
});

Then('all {int} connections are told {service} is down within {int} second(s)', async function (this: MediaNestWorld, count: number, service: string, seconds: number) {
  const { connections } = await FanOut.reportTold(this, service, 'down', seconds * 1000);
  expect(connections, `Expected ${count} connections to be told ${service} is down, but the audience had ${connections}`).to.equal(count);
});
