import { Given, When } from '@cucumber/cucumber';
import { SignIn } from '../../support/tasks/sign-in';
import type { MediaNestWorld } from '../../support/world';

Given(/^(\w+) (?:has signed in(?: before| with a Plex PIN)?|is signed in|signs in(?: again)?)$/, async function (this: MediaNestWorld, name: string) {
  await SignIn.as(this, name);
});

Given('{persona}, an admin, is signed in', async function (this: MediaNestWorld, name: string) {
  await SignIn.asAdmin(this, name);
});

When(/^(?:(\w+) and (\w+) have signed in|(\w+) signs in and then (\w+) signs in)$/, async function (this: MediaNestWorld, a?: string, b?: string, c?: string, d?: string) {
  await SignIn.everyone(this, [a, b, c, d].filter((name): name is string => typeof name === 'string'));
});

Given(/^(\w+) (?:is signed in|signs in) through the portal$/, async function (this: MediaNestWorld, name: string) {
  await SignIn.throughThePortal(this, name);
});
