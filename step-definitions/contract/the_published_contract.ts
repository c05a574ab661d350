import { Then, When } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import { Contract } from '../../support/checks/contract';
import type { MediaNestWorld } from '../../support/world';

When('a visitor reads the API description', async function (this: MediaNestWorld) {
  await this.visitor.api.getOpenApiDocument();
});

Then("it is exactly the suite's copy of the contract", function (this: MediaNestWorld) {
  expect(Contract.differencesFromSuiteCopy(this.lastExchange), 'where the served document differs from support/contract/openapi.json').to.deep.equal([]);
});
