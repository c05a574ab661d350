import { Given, Then } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import type { MediaNestWorld } from '../../support/world';

Given('{duration} pass(es)', async function (this: MediaNestWorld, ms: number) {
  await this.clock.advance(ms);
});

Then('the scenario took less than {int} real seconds', function (this: MediaNestWorld, seconds: number) {
  expect(performance.now() - this.realStartedAt, `Expected the scenario to take less than ${seconds} real seconds`).to.be.below(seconds * 1000);
});
