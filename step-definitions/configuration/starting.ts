import { Given, Then, When } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import { levelsLogged, startMediaNest, WARN_LEVEL } from '../../support/tasks/start-up';
import type { MediaNestWorld } from '../../support/world';

Given('MediaNest is configured with {word} set to {string}', function (this: MediaNestWorld, setting: string, value: string) {
  this.env[setting] = value;
});

Given('MediaNest is configured without {word}', function (this: MediaNestWorld, setting: string) {
  this.unset.add(setting);
});

When('MediaNest starts', async function (this: MediaNestWorld) {
  await startMediaNest(this);
});

Then('it refuses to start, saying {string}', function (this: MediaNestWorld, message: string) {
  const { url, refusal } = this.notes.startUp;
  expect(url, `Expected MediaNest to refuse to start, but it listened at ${url}`).to.equal(undefined);
  expect(refusal, 'Expected the refusal to name the setting and say what it expects').to.include(message);
});

Then('it starts', function (this: MediaNestWorld) {
  const { url, refusal } = this.notes.startUp;
  expect(refusal, 'Expected MediaNest to start').to.equal(undefined);
  expect(url, 'Expected MediaNest to listen').to.be.a('string');
});

Then('it listens on {word} only', function (this: MediaNestWorld, host: string) {
  expect(new URL(this.notes.startUp.url ?? 'http://not-started').hostname, `Expected MediaNest to listen on ${host} only`).to.equal(host);
});

Then('its log warns {string}', async function (this: MediaNestWorld, warning: string) {
  expect(await levelsLogged(this, warning), `Expected the log to warn "${warning}" once`).to.deep.equal([WARN_LEVEL]);
});
