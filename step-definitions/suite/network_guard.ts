import { Given, Then } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import { expectError } from '../../support/checks/answers';
import '../../support/tasks/network-guard-notes';
import { guardFailure } from '../../support/upstreams/network-guard';
import type { MediaNestWorld } from '../../support/world';

Given('plex.tv is configured at a host no fake serves', function (this: MediaNestWorld) {
  this.env.PLEX_TV_URL = 'https://plex.unfaked.example';
});

Then('the network guard stopped a call to that host', function (this: MediaNestWorld) {
  expectError(this.lastExchange, 503, 'SERVICE_UNAVAILABLE');
  this.notes.networkGuard.blockedCalls = this.target.blockedCalls();
  expect(this.notes.networkGuard.blockedCalls, 'Expected the network guard to stop the one call to the unfaked host').to.deep.equal(['POST https://plex.unfaked.example']);
});

Then('the scenario would fail naming that host', function (this: MediaNestWorld) {
  expect(guardFailure(this.notes.networkGuard.blockedCalls)?.message ?? '', 'Expected the failure to name the host').to.match(/plex\.unfaked\.example/);
});
