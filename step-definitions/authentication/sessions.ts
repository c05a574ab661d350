import { Given, Then, When } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import { Refusals } from '../../support/checks/refusals';
import { Sessions } from '../../support/checks/sessions';
import { SessionUse } from '../../support/tasks/sessions';
import type { MediaNestWorld } from '../../support/world';

When('{actor} looks at his/her/the session', async function (this: MediaNestWorld, name: string) {
  await this.actor(name).api.getSession();
});

When('a visitor looks at the session with a Basic username and password', async function (this: MediaNestWorld) {
  await SessionUse.withBasicAuth(this);
});

When('{persona} looks at his/her session with his/her token labelled {string} instead of "Bearer"', async function (this: MediaNestWorld, name: string, scheme: string) {
  await SessionUse.withTokenUnderScheme(this, name, scheme);
});

Then('{actor} is told to send the token as a bearer token', function (this: MediaNestWorld, actor: string) {
  expect(Refusals.said(this.lastExchangeOf(actor), 'TOKEN_INVALID'), 'what the refusal says').to.include('Send the token as "Bearer <token>"');
});

Then('he sees his own username, his role and when the session ends, 24 hours from now', function (this: MediaNestWorld) {
  expect(Sessions.shown(this, this.lastExchange), 'what the session shows').to.deep.equal({ username: this.lastExchange.actor, knownRole: true, endsInADay: true, plexToken: undefined });
});

When('{persona} signs out', async function (this: MediaNestWorld, name: string) {
  await this.actor(name).api.logout();
});

When('a page on another site makes {persona}\'s browser sign him out', async function (this: MediaNestWorld, name: string) {
  await SessionUse.forgedSignOut(this, name);
});

When('a page on another site makes {persona}\'s browser withdraw his request for {string}', async function (this: MediaNestWorld, name: string, title: string) {
  await SessionUse.forgedWithdrawal(this, name, title);
});

When('{persona}\'s browser signs him out sending the session cookie alone', async function (this: MediaNestWorld, name: string) {
  await SessionUse.signOutWithSessionCookieAlone(this, name);
});

When('{persona} signs out sending a CSRF token that does not match his cookie', async function (this: MediaNestWorld, name: string) {
  await SessionUse.signOutWithForeignCsrf(this, name);
});

Then(/^(\w+)'s (?:old token is refused with TOKEN_REVOKED|session no longer works)$/, async function (this: MediaNestWorld, name: string) {
  expect(await Sessions.replayedAfterSigningOut(this, name)).to.be.refusedWith('TOKEN_REVOKED');
});

Then('{persona}\'s session still works', async function (this: MediaNestWorld, name: string) {
  expect(await this.actor(name).api.getSession()).to.be.answered(200);
});

Then('the session cookie is HttpOnly and the CSRF cookie is readable by the portal', function (this: MediaNestWorld) {
  expect(Sessions.signInCookies(this), 'the cookies the sign-in set').to.deep.equal({ sessionHttpOnly: true, sessionSameSiteLax: true, csrfReadable: true, csrfLongEnough: true });
});

/** Both sign-in cookies are kept for the whole site until the session ends, sent over HTTPS only or over plain HTTP too. */
function expectCookieScope(world: MediaNestWorld, httpsOnly: boolean): void {
  const scope = { path: '/', expiresWithSession: true, httpsOnly };
  expect(Sessions.signInCookieScope(world), 'where and until when the browser keeps each cookie').to.deep.equal({ medianest_session: scope, medianest_csrf: scope });
}

Then('both cookies are kept for the whole site until the session ends, and sent over plain HTTP too', function (this: MediaNestWorld) {
  expectCookieScope(this, false);
});

Then('both cookies are sent only over HTTPS', function (this: MediaNestWorld) {
  expectCookieScope(this, true);
});

Then('the session and CSRF cookies are cleared', function (this: MediaNestWorld) {
  expect(Sessions.clearedBySignOut(this), 'the cookies signing out emptied and expired').to.deep.equal(['medianest_session', 'medianest_csrf']);
});

Given('the moment comes that MediaNest gave as the end of {persona}\'s session', async function (this: MediaNestWorld, name: string) {
  await SessionUse.untilSessionEnds(this, name);
});

Given('it is {duration} before the end of {persona}\'s session', async function (this: MediaNestWorld, ms: number, name: string) {
  await SessionUse.untilSessionEnds(this, name, ms);
});
