import { Given, Then, When } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import { Sessions } from '../../support/checks/sessions';
import type { MediaNestWorld } from '../../support/world';

/** An account id MediaNest never gave. */
const NO_SUCH_ACCOUNT = 987_654_321;

Given('the install names no admins', function (this: MediaNestWorld) {
  this.env.ADMIN_PLEX_USERNAMES = '';
});

When('{actor} (tries to )list(s) the users', async function (this: MediaNestWorld, name: string) {
  await this.actor(name).api.listUsers();
});

Then('she sees {persona}, {persona} and {persona}, in the order they first signed in', function (this: MediaNestWorld, first: string, second: string, third: string) {
  expect(Sessions.usersListed(this.lastExchange), 'the accounts listed').to.deep.equal({ usernames: [first, second, third], plexTokens: 0 });
});

When(/^(\w+) (?:makes|has made) (\w+) an? (admin|user)$/, async function (this: MediaNestWorld, admin: string, name: string, role: string) {
  expect(await this.actor(admin).api.changeUserRole(this.actor(name).signedIn().user.id, role)).to.be.answered(200);
});

When('{persona} tries to make an account that does not exist an admin', async function (this: MediaNestWorld, name: string) {
  await this.actor(name).api.changeUserRole(NO_SUCH_ACCOUNT, 'admin');
});

When('{persona} tries to make herself/himself a(n) {role}', async function (this: MediaNestWorld, name: string, role: string) {
  await this.actor(name).api.changeUserRole(this.actor(name).signedIn().user.id, role);
});

Then(/^(\w+)(?:'s session shows (?:him|her) as| is still) an? (admin|user)$/, async function (this: MediaNestWorld, name: string, role: string) {
  expect((await Sessions.account(this, name)).role, `${name}'s role`).to.equal(role);
});
