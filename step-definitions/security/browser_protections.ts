import { Then, When } from '@cucumber/cucumber';
import { missingBrowserProtections } from '../../support/checks/browser-protections';
import { expect } from '../../support/checks/chai';
import { EdgeAddresses } from '../../support/tasks/edge-addresses';
import type { MediaNestWorld } from '../../support/world';

When('a visitor checks that MediaNest is alive', async function (this: MediaNestWorld) {
  await this.visitor.api.getLiveness();
});

When('a visitor asks for {address}', async function (this: MediaNestWorld, address: string) {
  await EdgeAddresses.send(this.visitor, 'GET', address);
});

Then('the answer carries the browser protections of a JSON API', function (this: MediaNestWorld) {
  expect(missingBrowserProtections(this.lastExchange), 'the browser protections missing or wrong').to.deep.equal([]);
});
