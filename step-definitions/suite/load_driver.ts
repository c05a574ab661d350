import { Then, When } from '@cucumber/cucumber';
import { LoadChecks } from '../../support/checks/load';
import { COMPARISON_TIMEOUT_MS, LoadRuns } from '../../support/load/comparisons';
import type { MediaNestWorld } from '../../support/world';

When('the suite\'s driver and the autocannon command line each load the baseline route', { timeout: COMPARISON_TIMEOUT_MS }, async function (this: MediaNestWorld) {
  await LoadRuns.driverAgainstCommandLine(this);
});

Then('the driver reaches at least {int}% of the command line\'s throughput', function (this: MediaNestWorld, percent: number) {
  LoadChecks.driverAgainstCommandLine(this, percent);
});
