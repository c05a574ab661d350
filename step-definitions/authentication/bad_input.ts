import { When } from '@cucumber/cucumber';
import { sendBadSignInBody, type BadSignInBody, type SignInRoute } from '../../support/tasks/sign-in-bodies';
import type { MediaNestWorld } from '../../support/world';

When('{actor} sends {signInBody} to {signInRoute}', async function (this: MediaNestWorld, name: string, body: BadSignInBody, route: SignInRoute) {
  await sendBadSignInBody(this.actor(name), body, route);
});
