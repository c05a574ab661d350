import { Given } from '@cucumber/cucumber';
import type { UpstreamName } from '../../support/upstreams/fake-upstream';
import type { FaultKind } from '../../support/upstreams/faults';
import type { MediaNestWorld } from '../../support/world';

Given('{upstream} {fault}', function (this: MediaNestWorld, upstream: UpstreamName, fault: FaultKind) {
  this.upstreams.byName(upstream).fails(fault);
});

Given('{upstream} answers only after {duration}', function (this: MediaNestWorld, upstream: UpstreamName, ms: number) {
  this.upstreams.byName(upstream).answersAfter(ms);
});

Given('{upstream} fails {int} time(s) with a server error, then recovers', function (this: MediaNestWorld, upstream: UpstreamName, times: number) {
  this.upstreams.byName(upstream).flaps(times);
});

Given('{upstream} answers its first call with a server error, then falls silent', function (this: MediaNestWorld, upstream: UpstreamName) {
  this.upstreams.byName(upstream).flaps(1);
  this.upstreams.byName(upstream).staysSilent();
});

Given('{upstream}\'s next answer takes {duration}', function (this: MediaNestWorld, upstream: UpstreamName, ms: number) {
  this.upstreams.byName(upstream).fails({ kind: 'slow', ms }, 1);
});

Given('{upstream} fails everything it is asked to create', function (this: MediaNestWorld, upstream: UpstreamName) {
  this.upstreams.byName(upstream).failsOnly('POST', { kind: 'status', status: 500 });
});

Given('{upstream} has recovered', function (this: MediaNestWorld, upstream: UpstreamName) {
  this.upstreams.byName(upstream).recovers();
});

Given('{persona} signs out of every device at plex.tv', function (this: MediaNestWorld, name: string) {
  this.upstreams.plexTv.model.revokeTokens(name);
});
