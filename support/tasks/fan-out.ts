import assert from 'node:assert/strict';
import type { LiveConnection } from '../drivers/ws';
import { startNotesWith } from '../notes';
import type { MonitorState } from '../upstreams/uptime-kuma/model';
import type { MediaNestWorld } from '../world';
import { LiveUpdates } from './live-updates';
import { ServiceHealth } from './service-health';
import { SignIn } from './sign-in';
import { until } from './while-time-passes';

/** The audience of one scenario and when (real time) the poll that told them came round (world.notes.fanOut). */
export class FanOutNotes {
  audience: LiveConnection[] = [];
  pollCameAt = 0;
}

declare module '../notes' {
  interface ScenarioNotes {
    fanOut: FanOutNotes;
  }
}
startNotesWith('fanOut', () => new FanOutNotes());

/** The interval at which the gateway polls Uptime Kuma. */
const POLL_INTERVAL_MS = 30_000;

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
    return (world.notes.fanOut.audience = await Promise.all(opening));
  },

  /** Uptime Kuma's next check finds the service down: the clock moves to the gateway's next poll. */
  async nextPollFinds(world: MediaNestWorld, service: string, status: MonitorState): Promise<void> {
    ServiceHealth.kumaSees(world, service, status);
    world.notes.fanOut.pollCameAt = performance.now();
    await world.clock.advance(POLL_INTERVAL_MS);
  },

  /** Waits until the whole audience is told, and attaches the timing to the report. */
  async reportTold(world: MediaNestWorld, service: string, status: string, limitMs: number): Promise<FanOutTiming> {
    const { audience, pollCameAt } = world.notes.fanOut;
    const timing = await FanOut.told(audience, pollCameAt, service, status, limitMs);
    world.attach(
      `Fan-out of one service.status to ${timing.connections} connections over real sockets:\n` +
        `  poll due -> last connection told: ${timing.totalMs.toFixed(1)} ms\n` +
        `  first connection told -> last:    ${timing.spreadMs.toFixed(1)} ms`,
      { mediaType: 'text/plain', fileName: 'Fan-out timing' },
    );
    return timing;
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
