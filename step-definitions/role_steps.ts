import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { expectData } from '../support/checks/answers';
import type { MediaNestWorld } from '../support/world';

Given('the install names no admins', function (this: MediaNestWorld) {
  this.env.ADMIN_PLEX_USERNAMES = '';
});

When(/^(a visitor|\w+) (?:lists|tries to list) the users$/, async function (this: MediaNestWorld, name: string) {
  await this.actor(/visitor/.test(name) ? 'a visitor' : name).call('GET', '/api/v1/admin/users');
});

Then('she sees {persona}, {persona} and {persona}, in the order they first signed in', function (this: MediaNestWorld, first: string, second: string, third: string) {
  const names = [first, second, third];
  const users = expectData(this.lastExchange);
  assert.deepEqual(users.map((user: { username: string }) => user.username), names);
  for (const user of users) assert.equal(user.plexToken, undefined, 'no Plex token in the list');
});

When(/^(\w+) (?:makes|has made) (\w+) an? (admin|user)$/, async function (this: MediaNestWorld, admin: string, name: string, role: string) {
  const id = this.actor(name).signedIn().user.id;
  expectData(await this.actor(admin).call('PATCH', `/api/v1/admin/users/${id}/role`, { body: { role } }));
});

When('{persona} tries to make an account that does not exist an admin', async function (this: MediaNestWorld, name: string) {
  await this.actor(name).call('PATCH', '/api/v1/admin/users/987654321/role', { body: { role: 'admin' } });
});

When(/^(\w+) tries to make (?:herself|himself) (?:a|an) (user|admin)$/, async function (this: MediaNestWorld, name: string, role: string) {
  const actor = this.actor(name);
  await actor.call('PATCH', `/api/v1/admin/users/${actor.signedIn().user.id}/role`, { body: { role } });
});

Then(/^(\w+)'s session shows (?:him|her) as an? (admin|user)$/, async function (this: MediaNestWorld, name: string, role: string) {
  assert.equal(expectData(await this.actor(name).call('GET', '/api/v1/auth/session')).user.role, role);
});

Then(/^(\w+) is still an? (admin|user)$/, async function (this: MediaNestWorld, name: string, role: string) {
  assert.equal(expectData(await this.actor(name).call('GET', '/api/v1/auth/session')).user.role, role);
});
