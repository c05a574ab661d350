import { API_BASE_PATH } from '../api/medianest-api';
import { INSTANCE_NAMES } from '../target/cluster';
import { Instances } from '../tasks/instances';
import type { MediaNestWorld } from '../world';
import { expect } from './chai';

/** The requests the checks count, as an instance's log shows them: method and address. */
export const LOGGED_CALLS = {
  sessionChecks: { method: 'GET', path: `${API_BASE_PATH}/auth/session` },
  newMediaRequests: { method: 'POST', path: `${API_BASE_PATH}/media/requests` },
};

/** What the cluster's instances did and said, as the load balancer and their logs show it. */
export const InstanceChecks = {
  /** Each instance received at least `least` (and, given, at most `most`) of these calls. */
  async eachReceived(world: MediaNestWorld, call: { method: string; path: string }, least: number, most = Infinity): Promise<void> {
    const counts = Object.fromEntries(await Promise.all(INSTANCE_NAMES.map(async (instance) => [instance, await Instances.received(world, instance, call)] as const)));
    const within = Object.values(counts).every((count) => count >= least && count <= most);
    expect(within, `Expected each instance to receive ${most === least ? least : `at least ${least}`} of the calls ${call.method} ${call.path}, but they received ${JSON.stringify(counts)}`).to.equal(true);
  },

  /** What every instance told the load balancer: the status, whether it is ready, and its database's and Redis's state. */
  everyReadiness(world: MediaNestWorld, expected: { status: number; ready: boolean; database?: string; redis?: string }): void {
    const answers = world.notes.instances.readiness;
    expect(Object.keys(answers), 'Expected every instance to have been asked whether it is ready').to.deep.equal([...INSTANCE_NAMES]);
    for (const [instance, { status, readiness }] of Object.entries(answers)) {
      const told = { status, ready: readiness.ready, ...('database' in expected ? { database: readiness.database } : {}), ...('redis' in expected ? { redis: readiness.redis } : {}) };
      expect(told, `Expected instance ${instance} to say it is ${expected.ready ? '' : 'not '}ready`).to.deep.equal(expected);
    }
  },
};
