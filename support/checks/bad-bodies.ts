import { expect } from './chai';
import { contractStatusOf } from '../contract/error-codes';
import { expectError } from './answers';
import { BAD_BODY_CODES } from '../tasks/write-routes';
import type { MediaNestWorld } from '../world';

/** Questions about a sweep of bad bodies to one route: how each was refused, and that nothing changed. */
export const BadBodyChecks = {
  /** The webhook's bad bodies name Overseerr's request 1: the person's, in a scenario's fresh Overseerr. */
  isOverseerrsFirst(request: { overseerrRequestId: number }): void {
    expect(request.overseerrRequestId, "Expected the request to be the fresh Overseerr's first").to.equal(1);
  },

  /** Each refused with the code documented for its kind, and that code's status in the contract: never a server error. */
  refusedAsDocumented(world: MediaNestWorld): void {
    const { answers } = world.notes.badBodies;
    const wrong = answers.filter(({ kind, exchange }) => exchange.response.body?.error?.code !== BAD_BODY_CODES[kind]);
    expect(wrong.map(({ kind, exchange }) => `${kind}: ${exchange.response.status} ${exchange.response.text.slice(0, 200)}`), 'Expected each bad body refused with the code documented for its kind').to.deep.equal([]);
    for (const { kind, exchange } of answers) expectError(exchange, contractStatusOf(BAD_BODY_CODES[kind]), BAD_BODY_CODES[kind]);
  },

  async nothingChanged(world: MediaNestWorld): Promise<void> {
    const { route, callsBefore } = world.notes.badBodies;
    const calls = world.upstreams.all().flatMap((fake, i) => fake.journal.entries.slice(callsBefore[i]).map((call) => `${fake.name}: ${call.method} ${call.path}`));
    expect(calls, 'Expected no bad body to reach an upstream').to.deep.equal([]);
    await route!.unchanged(world);
  },
};
