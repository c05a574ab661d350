import { Then } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import { spokenNameOf } from '../../support/parameter-types';
import type { UpstreamName } from '../../support/upstreams/fake-upstream';
import type { MediaNestWorld } from '../../support/world';

Then('{upstream} received no call', function (this: MediaNestWorld, upstream: UpstreamName) {
  expect(this.upstreams.byName(upstream).journal.entries).to.be.askedTimes(0, spokenNameOf(upstream), 'anything');
});
