import { Given, Then, When } from '@cucumber/cucumber';
import { join } from 'node:path';
import { expect } from '../../support/checks/chai';
import { addressWhereNothingListens, levelsLogged, startMediaNest, WARN_LEVEL, warningsLogged } from '../../support/tasks/start-up';
import type { MediaNestWorld } from '../../support/world';

Given('MediaNest is configured with {word} set to {string}', function (this: MediaNestWorld, setting: string, value: string) {
  this.env[setting] = value;
});

Given('MediaNest is configured with {word} set to a {word} address where nothing listens', async function (this: MediaNestWorld, setting: string, scheme: string) {
  this.env[setting] = await addressWhereNothingListens(scheme);
});

Given('MediaNest is configured with Plex\'s address ending in {string}', function (this: MediaNestWorld, slashes: string) {
  this.env.PLEX_SERVER_URL = `${this.configuration().PLEX_SERVER_URL}${slashes}`;
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

Then('its log has no warning', async function (this: MediaNestWorld) {
  expect(warningsLogged((await this.gateway()).logs()), 'Expected no warning at start-up').to.deep.equal([]);
});

Given('MediaNest keeps its data in a file', function (this: MediaNestWorld) {
  this.env.DATABASE_PATH = join(this.workDir, 'medianest.db');
});

Then('plex.tv was always asked by one client, {string} and a random identifier', function (this: MediaNestWorld, prefix: string) {
  const identifiers = new Set(this.upstreams.plexTv.journal.calls().map((call) => call.headers['x-plex-client-identifier']));
  expect([...identifiers], 'the client identifiers plex.tv was given').to.have.lengthOf(1);
  expect([...identifiers][0], 'the client identifier MediaNest made').to.match(new RegExp(`^${prefix}[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`));
});

Then('Uptime Kuma was asked about the status page {string} only', function (this: MediaNestWorld, slug: string) {
  const pages = new Set(this.upstreams.uptimeKuma.journal.calls().map((call) => call.path.split('/').at(-1)));
  expect([...pages], 'the status pages Uptime Kuma was asked about').to.deep.equal([slug]);
});
