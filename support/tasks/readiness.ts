import assert from 'node:assert/strict';
import { expectStatus } from '../checks/answers';
import { startNotesWith } from '../notes';
import type { MediaNestWorld } from '../world';
import type { BreakerView } from './breakers';

export interface ReadinessView {
  ready: boolean;
  database: 'up' | 'down';
  breakers: BreakerView[];
}

/** What the readiness steps of one scenario tell each other (world.notes.readiness). */
export class ReadinessNotes {
  answer?: { status: number; readiness: ReadinessView };
}

declare module '../notes' {
  interface ScenarioNotes {
    readiness: ReadinessNotes;
  }
}
startNotesWith('readiness', () => new ReadinessNotes());

/** The gateway's readiness check, as a load balancer calls it; it reports the breakers too. */
export const Readiness = {
  async check(world: MediaNestWorld): Promise<{ status: number; readiness: ReadinessView }> {
    const exchange = await world.actor('the load balancer').api.getReadiness();
    expectStatus(exchange, exchange.response.status);
    assert.equal(typeof exchange.response.body?.data?.ready, 'boolean', `the readiness check answered ${exchange.response.text.slice(0, 300)}`);
    return { status: exchange.response.status, readiness: exchange.response.body.data };
  },

  /** Starts the scenario's gateway and closes its database under it, as when the database goes away while the process lives on. */
  async loseDatabase(world: MediaNestWorld): Promise<void> {
    const running = await world.gateway();
    assert.ok(running.loseDatabase, `a ${world.target.kind} gateway's database cannot be closed from the suite`);
    running.loseDatabase();
  },
};
