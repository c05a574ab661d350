import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { cookiesSetBy } from '../support/actor';
import { expectData, expectError, expectStatus } from '../support/expect';
import { RequestMedia } from '../support/tasks/request-media';
import { SignIn } from '../support/tasks/sign-in';
import type { MediaNestWorld } from '../support/world';

const DAY_MS = 24 * 60 * 60 * 1000;

Given(/^(\w+) (?:is signed in|signs in) through the portal$/, async function (this: MediaNestWorld, name: string) {
  const actor = await SignIn.as(this, name);
  actor.sendsCookies = true;
});

When(/^(a visitor|\w+) looks at (?:his|her|the) session$/, async function (this: MediaNestWorld, name: string) {
  await this.actor(/visitor/.test(name) ? 'a visitor' : name).call('GET', '/api/v1/auth/session');
});

When('a visitor looks at the session with a Basic username and password', async function (this: MediaNestWorld) {
  await this.visitor.call('GET', '/api/v1/auth/session', { headers: { authorization: `Basic ${Buffer.from('ada:secret').toString('base64')}` } });
});

Then('he sees his own username, his role and when the session ends, 24 hours from now', function (this: MediaNestWorld) {
  const exchange = this.lastExchange;
  const data = expectData(exchange);
  assert.equal(data.user.username, exchange.actor);
  assert.ok(['admin', 'user'].includes(data.user.role));
  assert.ok(Math.abs(Date.parse(data.expiresAt) - (this.clock.now() + DAY_MS)) < 60_000, `the session ends at ${data.expiresAt}`);
  assert.equal(data.user.plexToken, undefined);
});

When(/^(\w+) signs out$/, async function (this: MediaNestWorld, name: string) {
  await this.actor(name).call('POST', '/api/v1/auth/logout');
});

When('a page on another site makes {persona}\'s browser sign him out', async function (this: MediaNestWorld, name: string) {
  await this.actor(name).call('POST', '/api/v1/auth/logout', { withoutCsrf: true });
});

When('a page on another site makes {persona}\'s browser withdraw his request for {string}', async function (this: MediaNestWorld, name: string, title: string) {
  await this.actor(name).call('DELETE', `/api/v1/media/requests/${RequestMedia.idOf(this, name, title)}`, { withoutCsrf: true });
});

When('{persona}\'s browser signs him out sending the session cookie alone', async function (this: MediaNestWorld, name: string) {
  const actor = this.actor(name);
  // a browser that lost (or never got) the CSRF cookie: no cookie to compare, no header to send
  await actor.call('POST', '/api/v1/auth/logout', { withoutCsrf: true, headers: { cookie: `medianest_session=${actor.signedIn().cookies.medianest_session}` } });
});

When('{persona} signs out sending a CSRF token that does not match his cookie', async function (this: MediaNestWorld, name: string) {
  await this.actor(name).call('POST', '/api/v1/auth/logout', { headers: { 'x-csrf-token': 'forged-csrf-token' } });
});

Then('{persona}\'s old token is refused with TOKEN_REVOKED', async function (this: MediaNestWorld, name: string) {
  expectStatus(this.lastExchangeOf(name), 204);
  expectError(await this.actor(name).call('GET', '/api/v1/auth/session'), 401, 'TOKEN_REVOKED');
});

Then('{persona}\'s session still works', async function (this: MediaNestWorld, name: string) {
  expectData(await this.actor(name).call('GET', '/api/v1/auth/session'));
});

Then('{persona}\'s session no longer works', async function (this: MediaNestWorld, name: string) {
  expectStatus(this.lastExchangeOf(name), 204);
  expectError(await this.actor(name).call('GET', '/api/v1/auth/session'), 401, 'TOKEN_REVOKED');
});

Then('the session cookie is HttpOnly and the CSRF cookie is readable by the portal', function (this: MediaNestWorld) {
  const verify = this.exchanges.findLast((exchange) => exchange.request.path.endsWith('/auth/plex/verify'))!;
  const lines = (verify.response.headers['set-cookie'] ?? '').split('\n');
  const session = lines.find((line) => line.startsWith('medianest_session='));
  const csrf = lines.find((line) => line.startsWith('medianest_csrf='));
  assert.ok(session && csrf, 'both cookies are set');
  assert.match(session, /;\s*HttpOnly/i);
  assert.match(session, /;\s*SameSite=Lax/i);
  assert.doesNotMatch(csrf, /HttpOnly/i);
  assert.ok(cookiesSetBy(verify).medianest_csrf!.length >= 16, 'the CSRF token is long enough not to be guessed');
});

Then('the session and CSRF cookies are cleared', function (this: MediaNestWorld) {
  const logout = this.exchanges.findLast((exchange) => exchange.request.path.endsWith('/auth/logout'))!;
  const lines = (logout.response.headers['set-cookie'] ?? '').split('\n');
  for (const name of ['medianest_session', 'medianest_csrf']) {
    const line = lines.find((candidate) => candidate.startsWith(`${name}=`));
    assert.ok(line, `signing out does not clear ${name}`);
    assert.equal(cookiesSetBy(logout)[name], '', `${name} is set to a value instead of cleared`);
    const expires = /;\s*Expires=([^;]+)/i.exec(line)?.[1];
    const gone = /;\s*Max-Age=0\b/i.test(line) || (expires !== undefined && Date.parse(expires) <= this.clock.now());
    assert.ok(gone, `${name} is not expired: ${line}`);
    // set on Path=/, so a clearing cookie on any other path leaves the browser holding the old one
    assert.match(line, /;\s*Path=\/(;|$)/i, `${name} is cleared on another path than the one it was set on: ${line}`);
  }
});
