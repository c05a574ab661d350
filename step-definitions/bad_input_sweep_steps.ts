import { defineParameterType, Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { HttpExchange } from '../support/api/exchange';
import { contractStatusOf } from '../support/contract/error-codes';
import { expectData, expectError } from '../support/checks/answers';
import { BAD_BODY_CODES, badBodiesFor, WRITE_ROUTES, type BadBodyKind, type WriteRoute } from '../support/tasks/write-routes';
import type { MediaNestWorld } from '../support/world';

interface Sweep {
  route: WriteRoute;
  answers: Array<{ kind: BadBodyKind; exchange: HttpExchange }>;
  /** Every fake's journal length before the first bad body. */
  callsBefore: number[];
}

/** "ask for a PIN", "request a title", ...: every route that writes (support/tasks/write-routes.ts). */
defineParameterType({
  name: 'writeRoute',
  regexp: new RegExp(Object.keys(WRITE_ROUTES).join('|')),
  transformer: (words: string) => WRITE_ROUTES[words]!,
});

Given('{persona} has requested a film', async function (this: MediaNestWorld, name: string) {
  const request = expectData(await this.actor(name).call('POST', '/api/v1/media/requests', { body: { mediaType: 'movie', tmdbId: 603 } }), 201);
  // the webhook's bad bodies name Overseerr's request 1: this one, in a scenario's fresh Overseerr
  assert.equal(request.overseerrRequestId, 1);
  this.remember(`${name}'s request`, request.id);
});

When('every kind of bad body is sent to {writeRoute}', async function (this: MediaNestWorld, route: WriteRoute) {
  const { path, caller, headers } = route.target(this);
  const callsBefore = this.upstreams.all().map((fake) => fake.journal.entries.length);
  const answers: Sweep['answers'] = [];
  for (const [kind, bad] of badBodiesFor(route)) {
    const exchange = await caller.call(route.method, path, { body: bad.body, headers: { ...headers, 'content-type': bad.contentType }, outOfContract: true });
    answers.push({ kind, exchange });
  }
  this.remember('the sweep', { route, answers, callsBefore } satisfies Sweep);
});

Then('each is refused with the code documented for its kind, never with a server error', function (this: MediaNestWorld) {
  const { answers } = this.recall<Sweep>('the sweep');
  const wrong = answers.filter(({ kind, exchange }) => exchange.response.body?.error?.code !== BAD_BODY_CODES[kind]);
  assert.deepEqual(wrong.map(({ kind, exchange }) => `${kind}: ${exchange.response.status} ${exchange.response.text.slice(0, 200)}`), []);
  // the status is the contract's for the code, so a code answered with the wrong status is caught too
  for (const { kind, exchange } of answers) expectError(exchange, contractStatusOf(BAD_BODY_CODES[kind]), BAD_BODY_CODES[kind]);
});

Then('nothing changed, in MediaNest or upstream', async function (this: MediaNestWorld) {
  const { route, callsBefore } = this.recall<Sweep>('the sweep');
  const calls = this.upstreams.all().flatMap((fake, i) => fake.journal.entries.slice(callsBefore[i]).map((call) => `${fake.name}: ${call.method} ${call.path}`));
  assert.deepEqual(calls, [], 'a bad body reached an upstream');
  await route.unchanged(this);
});
