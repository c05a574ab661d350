import { Given, Then, When } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import { Contract } from '../../support/checks/contract';
import { Fuzzing } from '../../support/fuzz/fuzz-run';
import type { MediaNestWorld } from '../../support/world';

Given("the gateway's limits are raised for fuzzing", function (this: MediaNestWorld) {
  Fuzzing.raiseLimits(this);
});

// 100 examples for each of 32 operations: bounded at a minute on two cores (README, "Fuzzing")
When('requests generated from the contract are sent to every operation', { timeout: 90_000 }, async function (this: MediaNestWorld) {
  await Fuzzing.everyOperation(this);
});

Then('no answer was a server error and every answer kept the contract', function (this: MediaNestWorld) {
  expect(Contract.fuzzingBroke(this.exchanges, this.notes.contract.fuzzCounts), 'what the fuzzing broke').to.deep.equal([]);
});

Then('afterwards Dan can still sign in and request a film, and Ada can approve it', async function (this: MediaNestWorld) {
  expect(await Fuzzing.requestApprovedAfterwards(this), "the status of Dan's request once Ada approved it").to.equal('approved');
});
