import { Then, When } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import { MediaRequests } from '../../support/checks/media-requests';
import { requestSpoilt } from '../../support/tasks/request-input';
import type { MediaNestWorld } from '../../support/world';

When('{persona} sends a request for {string} with {badRequestParts}', async function (this: MediaNestWorld, name: string, title: string, spoil: Parameters<typeof requestSpoilt>[3]) {
  await requestSpoilt(this, name, title, spoil);
});

Then('Overseerr was not asked to search', function (this: MediaNestWorld) {
  expect(MediaRequests.searchesAskedOfOverseerr(this)).to.be.askedTimes(0, 'Overseerr', 'to search');
});
