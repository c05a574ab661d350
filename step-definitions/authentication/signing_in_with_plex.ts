import { Given, Then, When } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import { PlexTv } from '../../support/checks/plex-tv';
import { Sessions } from '../../support/checks/sessions';
import { SignIn } from '../../support/tasks/sign-in';
import type { MediaNestWorld } from '../../support/world';

Given('{persona} has asked to sign in with Plex', async function (this: MediaNestWorld, name: string) {
  expect(await SignIn.askForPin(this.actor(name))).to.be.answered(201);
});

When('{actor} asks to sign in with Plex', async function (this: MediaNestWorld, name: string) {
  await SignIn.askForPin(this.actor(name));
});

Given('{persona} approves the PIN at plex.tv', function (this: MediaNestWorld, name: string) {
  SignIn.approvePin(this, this.actor(name));
});

When('{persona} approves the PIN at plex.tv and returns to MediaNest', async function (this: MediaNestWorld, name: string) {
  await SignIn.approveAndReturn(this, this.actor(name));
});

When('{persona} returns to MediaNest( without approving the PIN)', async function (this: MediaNestWorld, name: string) {
  await SignIn.verify(this.actor(name));
});

When('{actor} returns to MediaNest with a PIN MediaNest never issued', async function (this: MediaNestWorld, name: string) {
  await SignIn.verifyUnknown(this.actor(name));
});

When('{actor} returns to MediaNest with {persona}\'s PIN', async function (this: MediaNestWorld, name: string, owner: string) {
  await SignIn.verify(this.actor(name), this.actor(owner).pinId);
});

When('{persona} returns to MediaNest twice at the same moment', async function (this: MediaNestWorld, name: string) {
  await SignIn.verifyTwiceAtOnce(this, this.actor(name));
});

Then('one of the two signs {persona} in and the other is refused with PIN_NOT_FOUND, told the PIN was already used', function (this: MediaNestWorld, _name: string) {
  expect(Sessions.twoReturns(this), 'the answers to the two returns').to.deep.equal({ outcomes: ['200', '404 PIN_NOT_FOUND'], refusalSays: 'This PIN was already used to sign in' });
});

Then('{persona} is signed in as a(n) {role}', async function (this: MediaNestWorld, name: string, role: string) {
  expect(await Sessions.account(this, name), `the account ${name}'s session shows`).to.deep.include({ username: name, role });
});

Then('plex.tv was asked who owns the token it issued for {persona}', function (this: MediaNestWorld, name: string) {
  expect(PlexTv.tokensAskedAbout(this), 'the tokens plex.tv was asked about').to.include(PlexTv.tokenOf(this, name));
});

Then('{actor} is given a PIN code and a link to app.plex.tv carrying that code', function (this: MediaNestWorld, name: string) {
  expect(PlexTv.pinGiven(this, name), 'the PIN MediaNest gave').to.deep.equal({ code: true, site: 'https://app.plex.tv', linkCarriesCode: true, clientId: 'medianest-acceptance-suite', expiresLater: true });
});

Then('plex.tv was asked for a strong PIN by MediaNest {word}, a server on Node.js', function (this: MediaNestWorld, version: string) {
  const device = { product: 'MediaNest', version, platform: 'Node.js', device: 'Server', deviceName: 'MediaNest' };
  expect(PlexTv.pinRequest(this), 'how plex.tv was asked for the PIN').to.deep.equal({ strong: 'true', client: 'medianest-acceptance-suite', ...device, acceptsJson: true });
});

Then('{actor} has no session', function (this: MediaNestWorld, name: string) {
  expect([this.actor(name).session, this.lastExchangeOf(name).response.headers['set-cookie']], `${name}'s session and the cookies set for it`).to.deep.equal([undefined, undefined]);
});

Then('no account was created', async function (this: MediaNestWorld) {
  expect(await Sessions.usernames(this), 'the accounts Ada, the admin, sees').to.deep.equal(['Ada']);
});

Given('{persona} changes his Plex username to {string} and his email to {string}', function (this: MediaNestWorld, name: string, username: string, email: string) {
  this.upstreams.plexTv.model.update(name, { username, email });
});

Then('{persona}\'s MediaNest account is the same one, now named {string} with email {string}', async function (this: MediaNestWorld, name: string, username: string, email: string) {
  expect(await Sessions.account(this, name), `${name}'s account`).to.deep.include({ id: this.notes.signIn.firstAccounts.get(name), username, email });
});

Given('{persona} has made a PIN for MediaNest at plex.tv herself and {persona} has approved it', function (this: MediaNestWorld, _maker: string, approver: string) {
  SignIn.pinMadeAtPlexTv(this, approver);
});

When('{actor} returns to MediaNest with that PIN', async function (this: MediaNestWorld, name: string) {
  await SignIn.verify(this.actor(name), this.notes.signIn.pinMadeAtPlexTv);
});

Then('plex.tv was not asked about that PIN', function (this: MediaNestWorld) {
  expect(this.upstreams.plexTv.journal.calls('GET', `/api/v2/pins/${this.notes.signIn.pinMadeAtPlexTv}`)).to.be.askedTimes(0, 'plex.tv', 'about the PIN made without MediaNest');
});

Then('plex.tv was asked about {persona}\'s PIN only when he signed in', function (this: MediaNestWorld, name: string) {
  expect(PlexTv.askedAboutPin(this, this.actor(name).pinId!)).to.be.askedTimes(1, 'plex.tv', `about ${name}'s PIN`);
});

Given('plex.tv has forgotten {persona}\'s PIN', function (this: MediaNestWorld, name: string) {
  this.upstreams.plexTv.model.forgetPin(this.actor(name).pinId!);
});
