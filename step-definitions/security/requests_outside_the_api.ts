import { Then, When } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import { EdgeAddresses } from '../../support/tasks/edge-addresses';
import type { MediaNestWorld } from '../../support/world';

When('{persona} asks for {address} with page/id {word}', async function (this: MediaNestWorld, name: string, address: string, value: string) {
  await EdgeAddresses.askWith(this.actor(name), address, value);
});

When('{actor} sends {httpMethod} to {address}', async function (this: MediaNestWorld, name: string, method: string, address: string) {
  await EdgeAddresses.send(this.actor(name), method, address);
});

Then('{actor} is told the address allows {string}', function (this: MediaNestWorld, actor: string, allowed: string) {
  expect(this.lastExchangeOf(actor).response.headers.allow, 'the methods the answer allows').to.equal(allowed);
});

Then('{actor} is not told of any methods', function (this: MediaNestWorld, actor: string) {
  expect(this.lastExchangeOf(actor).response.headers.allow, 'the methods the answer allows').to.equal(undefined);
});
