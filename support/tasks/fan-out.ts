import assert from 'node:assert/strict';
import type { LiveConnection } from '../drivers/ws';
import type { MediaNestWorld } from '../world';
import { LiveUpdates } from './live-updates';
import { ServiceHealth } from './service-health';
import { SignIn } from './sign-in';
import { until } from './while-time-passes';

export interface FanOutTiming {
  connections: number;
  /** From the moment the clock reached the poll to the last connection told (real time). */
  totalMs: number;
  /** From the first connection told to the last. */
  spreadMs: number;
}

/** Many people watching at once, for the fan-out of one event to every open connection. */
export const FanOut = {
  /**
   * Signs in `people` extra accounts ("Viewer 1", ...) and opens `each` connections per person,
   * all subscribed to service health, after the first has read the dashboard (the portal's order).
   */
  async audience(world: MediaNestWorld, people: number, each: number): Promise<LiveConnection[]> {
    assert.ok(!world.gatewayStarted, 'the audience is set up before the gateway starts: it needs its own sign-in limit');
    // Everyone signs in from the suite's one address: the PIN limit per address must let them all in.
    world.env.RATE_LIMIT_PIN_PER_MINUTE = String(people + 10);
    const names = Array.from({ length: people }, (_, i) => `Viewer ${i + 1}`);
    for (const name of names) await SignIn.as(world, name);
    await ServiceHealth.dashboard(world, names[0]!);
    const opening = names.flatMap((name) => Array.from({ length: each }, () => LiveUpdates.subscribed(world, name, ['services'])));
    return Promise.all(opening);
  },

  /** Waits (real time, bounded) until every connection has been told the service's new status. */
  async told(connections: LiveConnection[], startedAt: number, service: string, status: string, limitMs: number): Promise<FanOutTiming> {
    const told = (connection: LiveConnection) => connection.received('service.status', (data) => data.service === service && data.status === status)[0];
    await until(() => connections.every((connection) => told(connection) !== undefined), `all ${connections.length} connections to be told ${service} is ${status}`, limitMs);
    const arrivals = connections.map((connection) => told(connection)!.receivedAt);
    return {
      connections: connections.length,
      totalMs: Math.max(...arrivals) - startedAt,
      spreadMs: Math.max(...arrivals) - Math.min(...arrivals),
    };
  },
};
