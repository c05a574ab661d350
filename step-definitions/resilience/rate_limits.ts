import { Given, Then, When } from '@cucumber/cucumber';
import type { Actor } from '../../support/actor';
import { RateLimitChecks } from '../../support/checks/rate-limits';
import type { HttpExchange } from '../../support/api/exchange';
import { expectData, expectError } from '../../support/checks/answers';
import { RateLimits } from '../../support/tasks/rate-limits';
import type { MediaNestWorld } from '../../support/world';

Given('each signed-in person may make {int} request(s) a minute', function (this: MediaNestWorld, limit: number) {
  this.env.RATE_LIMIT_USER_PER_MINUTE = String(limit);
});

Given('each anonymous address may make {int} requests a minute', function (this: MediaNestWorld, limit: number) {
  this.env.RATE_LIMIT_ANON_PER_MINUTE = String(limit);
});

Given('{persona} has used up his/her requests for this minute', async function (this: MediaNestWorld, name: string) {
  RateLimitChecks.usedUpAfter(this, name, await RateLimits.useUp(() => RateLimits.lookAtSession(this, name)));
});

Given('a visitor has been refused {int} times for not being signed in', async function (this: MediaNestWorld, times: number) {
  for (const exchange of await RateLimits.oneAfterAnother(times, () => RateLimits.lookAtSession(this, 'a visitor'))) expectError(exchange, 401, 'UNAUTHORIZED');
});

Given('{persona} has looked at his/her session', async function (this: MediaNestWorld, name: string) {
  expectData(await RateLimits.lookAtSession(this, name));
});

When('the visitor looks at the session once more', async function (this: MediaNestWorld) {
  await RateLimits.lookAtSession(this, 'a visitor');
});

When('{persona} checks his/her session {int} times at once', async function (this: MediaNestWorld, name: string, times: number) {
  this.notes.rateLimits.burst = await RateLimits.burst(times, () => RateLimits.lookAtSession(this, name));
});

When('a visitor calls the {unlimitedEndpoint} {int} times', async function (this: MediaNestWorld, endpoint: (visitor: Actor) => Promise<HttpExchange>, times: number) {
  this.notes.rateLimits.burst = await RateLimits.oneAfterAnother(times, () => endpoint(this.visitor));
});

Then('exactly {int} of {persona}\'s checks are answered and {int} are refused with RATE_LIMITED', function (this: MediaNestWorld, answered: number, _name: string, refused: number) {
  RateLimitChecks.answeredAndRefused(this, answered, refused);
});

Then('every answer tells how many requests the minute allows, how many are left and when it resets', function (this: MediaNestWorld) {
  RateLimitChecks.everyAnswerCounts(this);
});

Then('every refusal says to retry when the minute resets', function (this: MediaNestWorld) {
  RateLimitChecks.everyRefusalSaysWhen(this);
});

Then('none of those calls was refused for going too fast', function (this: MediaNestWorld) {
  RateLimitChecks.noneRefused(this);
});

Then('{actor} is answered', function (this: MediaNestWorld, name: string) {
  expectData(this.lastExchangeOf(name));
});

Then('the answer says {persona} may make {int} requests a minute and has {int} left', function (this: MediaNestWorld, name: string, limit: number, left: number) {
  RateLimitChecks.told(this.lastExchangeOf(name), { limit, remaining: left });
});

Then('the answer says {persona}\'s minute resets in {int} seconds', function (this: MediaNestWorld, name: string, seconds: number) {
  RateLimitChecks.told(this.lastExchangeOf(name), { reset: seconds });
});
