import { After, Given, Then } from '@cucumber/cucumber';
import { ResilienceChecks } from '../../support/checks/resilience';
import { RetryPauses } from '../../support/tasks/retry-pauses';
import type { UpstreamName } from '../../support/upstreams/fake-upstream';
import type { MediaNestWorld } from '../../support/world';

After(function () {
  RetryPauses.random();
});

Given('MediaNest\'s random pauses before retries come out at their longest', function () {
  RetryPauses.atTheirLongest();
});

Then('{upstream} heard each retry {int} ms, then {int} ms, after the call before it', function (this: MediaNestWorld, upstream: UpstreamName, first: number, second: number) {
  ResilienceChecks.pausesBetweenCalls(this, upstream, [first, second]);
});
