import { Then, type DataTable } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import { Refusals } from '../../support/checks/refusals';
import type { UpstreamName } from '../../support/upstreams/fake-upstream';
import type { MediaNestWorld } from '../../support/world';

// The codes and statuses are the published contract's (CONTRACT.md, "Error codes"), never the gateway's own.
Then('{actor} is refused with {word}', function (this: MediaNestWorld, actor: string, code: string) {
  expect(this.lastExchangeOf(actor)).to.be.refusedWith(code);
});

Then('{actor} is refused with {word} from {upstream}', function (this: MediaNestWorld, actor: string, code: string, upstream: UpstreamName) {
  expect(Refusals.serviceBlamed(this.lastExchangeOf(actor), code), 'the service the refusal blames').to.equal(upstream);
});

Then('{actor} is refused with {word} from {upstream}, told that it {string}', function (this: MediaNestWorld, actor: string, code: string, upstream: UpstreamName, words: string) {
  expect(Refusals.serviceBlamed(this.lastExchangeOf(actor), code), 'the service the refusal blames').to.equal(upstream);
  expect(Refusals.said(this.lastExchangeOf(actor), code), 'what the refusal says').to.equal(`${upstream} ${words}`);
});

Then('{actor} is told when to retry', function (this: MediaNestWorld, actor: string) {
  expect(Refusals.retryAfterSeconds(this.lastExchangeOf(actor)), 'the seconds Retry-After asks to wait').to.be.within(1, 60);
});

Then('the refusal names the field {string}', function (this: MediaNestWorld, field: string) {
  expect(Refusals.fieldsNamed(this.lastExchange), 'the fields the refusal names').to.deep.equal([field]);
});

Then('the refusal says what is wrong with each field:', function (this: MediaNestWorld, table: DataTable) {
  expect(Refusals.problemsNamed(this.lastExchange), 'each field the refusal names, and what it says of it').to.have.deep.members(table.hashes());
});

Then('{actor} is refused with {word}, told that {string}', function (this: MediaNestWorld, actor: string, code: string, words: string) {
  expect(Refusals.said(this.lastExchangeOf(actor), code).toLowerCase(), 'what the refusal says').to.include(words.toLowerCase());
});
