import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { expectData, expectError } from '../support/checks/answers';
import type { HttpExchange } from '../support/api/exchange';
import { SignIn } from '../support/tasks/sign-in';
import type { MediaNestWorld } from '../support/world';

Given('{persona} has asked to sign in with Plex', async function (this: MediaNestWorld, name: string) {
  const actor = this.actor(name);
  actor.pinId = expectData(await SignIn.askForPin(actor), 201).id;
});

When('{actor} asks to sign in with Plex', async function (this: MediaNestWorld, name: string) {
  const actor = this.actor(name);
  const exchange = await SignIn.askForPin(actor);
  if (exchange.response.status === 201) actor.pinId = exchange.response.body.data.id;
});

Given('{persona} approves the PIN at plex.tv', function (this: MediaNestWorld, name: string) {
  SignIn.approvePin(this, this.actor(name), this.actor(name).pinId!);
});

When('{persona} approves the PIN at plex.tv and returns to MediaNest', async function (this: MediaNestWorld, name: string) {
  const actor = this.actor(name);
  SignIn.approvePin(this, actor, actor.pinId!);
  await SignIn.verify(actor, actor.pinId);
});

When(/^(\w+) returns to MediaNest(?: without approving the PIN)?$/, async function (this: MediaNestWorld, name: string) {
  await SignIn.verify(this.actor(name), this.actor(name).pinId);
});

When('{actor} returns to MediaNest with a PIN MediaNest never issued', async function (this: MediaNestWorld, name: string) {
  await SignIn.verify(this.actor(name), 999_999_999);
});

When('{actor} returns to MediaNest with {persona}\'s PIN', async function (this: MediaNestWorld, name: string, owner: string) {
  await SignIn.verify(this.actor(name), this.actor(owner).pinId);
});

When('{persona} returns to MediaNest twice at the same moment', async function (this: MediaNestWorld, name: string) {
  this.remember('the two returns', await SignIn.verifyTwiceAtOnce(this, this.actor(name)));
});

Then('one of the two signs {persona} in and the other is refused with PIN_NOT_FOUND', function (this: MediaNestWorld, _name: string) {
  const returns = this.recall<HttpExchange[]>('the two returns');
  const signedIn = returns.filter((exchange) => exchange.response.status === 200);
  assert.equal(signedIn.length, 1, `statuses: ${returns.map((exchange) => exchange.response.status).join(', ')}`);
  expectData(signedIn[0]!);
  expectError(returns.find((exchange) => exchange !== signedIn[0])!, 404, 'PIN_NOT_FOUND');
});

Given(/^(\w+) (?:has signed in(?: before| with a Plex PIN)?|is signed in|signs in(?: again)?)$/, async function (this: MediaNestWorld, name: string) {
  const actor = await SignIn.as(this, name);
  this.remember(`${name}'s account`, actor.signedIn().user.id);
});

Given('{persona} and {persona} have signed in', async function (this: MediaNestWorld, first: string, second: string) {
  await SignIn.as(this, first);
  await SignIn.as(this, second);
});

When('{persona} signs in and then {persona} signs in', async function (this: MediaNestWorld, first: string, second: string) {
  await SignIn.as(this, first);
  await SignIn.as(this, second);
});

Given('{persona}, an admin, is signed in', async function (this: MediaNestWorld, name: string) {
  const actor = await SignIn.as(this, name);
  assert.equal(actor.signedIn().user.role, 'admin', `${name} should be an admin`);
});

Then(/^(\w+) is signed in as an? (admin|user)$/, async function (this: MediaNestWorld, name: string, role: string) {
  const actor = this.actor(name);
  assert.ok(actor.session, `${name} has no session: ${this.lastExchangeOf(name).response.text}`);
  const data = expectData(await actor.call('GET', '/api/v1/auth/session'));
  assert.equal(data.user.username, name);
  assert.equal(data.user.role, role);
});

Then('plex.tv was asked who owns the token it issued for {persona}', function (this: MediaNestWorld, name: string) {
  const token = this.upstreams.plexTv.model.account(name).authToken;
  const calls = this.upstreams.plexTv.journal.calls('GET', '/api/v2/user');
  assert.ok(calls.some((call) => call.headers['x-plex-token'] === token), 'plex.tv never saw the token it issued');
});

Then('{actor} is given a PIN code and a link to app.plex.tv carrying that code', function (this: MediaNestWorld, name: string) {
  const pin = expectData(this.lastExchangeOf(name), 201);
  assert.match(pin.code, /^\S{4,}$/);
  const link = new URL(pin.authUrl);
  assert.equal(link.origin, 'https://app.plex.tv');
  const params = new URLSearchParams(link.hash.replace(/^#\??/, ''));
  assert.equal(params.get('code'), pin.code);
  assert.equal(params.get('clientID'), 'medianest-acceptance-suite');
  assert.ok(Date.parse(pin.expiresAt) > this.clock.now(), 'the PIN expires in the future');
});

Then('plex.tv was asked for a strong PIN on behalf of MediaNest', function (this: MediaNestWorld) {
  const [call] = this.upstreams.plexTv.journal.calls('POST', '/api/v2/pins');
  assert.ok(call, 'plex.tv received no PIN request');
  assert.equal(call.query.strong, 'true');
  assert.equal(call.headers['x-plex-client-identifier'], 'medianest-acceptance-suite');
  assert.equal(call.headers['x-plex-product'], 'MediaNest');
  assert.match(call.headers.accept ?? '', /application\/json/);
});

Then('{actor} has no session', function (this: MediaNestWorld, name: string) {
  assert.equal(this.actor(name).session, undefined);
  assert.equal(this.lastExchangeOf(name).response.headers['set-cookie'], undefined, 'no session cookie was set');
});

Then('no account was created', async function (this: MediaNestWorld) {
  const ada = await SignIn.as(this, 'Ada');
  const users = expectData(await ada.call('GET', '/api/v1/admin/users'));
  assert.deepEqual(users.map((user: { username: string }) => user.username), ['Ada']);
});

Given(
  '{persona} changes his Plex username to {string} and his email to {string}',
  function (this: MediaNestWorld, name: string, username: string, email: string) {
    this.upstreams.plexTv.model.update(name, { username, email });
  },
);

Then(
  '{persona}\'s MediaNest account is the same one, now named {string} with email {string}',
  async function (this: MediaNestWorld, name: string, username: string, email: string) {
    const data = expectData(await this.actor(name).call('GET', '/api/v1/auth/session'));
    assert.equal(data.user.id, this.recall(`${name}'s account`));
    assert.equal(data.user.username, username);
    assert.equal(data.user.email, email);
  },
);
