import type { LiveConnection } from '../drivers/ws';
import { FanOut } from '../tasks/fan-out';
import type { MediaNestWorld } from '../world';
import { deliveryChart, deliveryTimes, describeDelivery, type DeliveryTimes } from './delivery-times';
import './load-notes';

/** How long (real time) the broadcast is awaited: far past any bound a scenario states, so a late delivery is measured, not lost. */
const BROADCAST_LIMIT_MS = 5_000;

export interface BroadcastDelivery {
  /** Each connection's time from the poll coming round to its message arriving (real time). */
  times: DeliveryTimes;
  /** How many `service.status` messages each connection received, by how many connections received that many. */
  messagesPerConnection: Record<number, number>;
}

/**
 * One broadcast to many open connections, measured: waits (bounded, real time) until every
 * connection has the news, then makes a round trip on each so anything else the gateway had sent
 * it has arrived too, and counts. A connection told twice, or not at all, shows in the counts.
 */
export async function measureBroadcast(audience: LiveConnection[], pollAt: number, service: string, status: string, limitMs: number): Promise<BroadcastDelivery> {
  await FanOut.told(audience, pollAt, service, status, limitMs);
  await Promise.all(audience.map((connection) => connection.roundTrip()));
  const messagesPerConnection: Record<number, number> = {};
  for (const connection of audience) {
    const count = connection.received('service.status').length;
    messagesPerConnection[count] = (messagesPerConnection[count] ?? 0) + 1;
  }
  const arrivals = audience.map((connection) => connection.received('service.status', (data) => data.service === service && data.status === status)[0]!.receivedAt);
  return { times: deliveryTimes(arrivals.map((at) => at - pollAt)), messagesPerConnection };
}

/** Measures the broadcast to the scenario's audience (world.notes.fanOut), notes it and attaches its figures and chart. */
export async function reportBroadcast(world: MediaNestWorld, service: string, status: string): Promise<BroadcastDelivery> {
  const { audience, pollCameAt } = world.notes.fanOut;
  const delivery = (world.notes.load.broadcast = await measureBroadcast(audience, pollCameAt, service, status, BROADCAST_LIMIT_MS));
  const title = `One service.status broadcast to ${audience.length} sockets`;
  const notes = [`service.status messages per connection: ${JSON.stringify(delivery.messagesPerConnection)} (messages: connections)`, 'times are from the poll coming due to the message arriving'];
  world.attach(describeDelivery('Per-socket delivery time', delivery.times, notes, world.target.kind), { mediaType: 'text/plain', fileName: title });
  world.attach(Buffer.from(deliveryChart(title, delivery.times)), { mediaType: 'image/svg+xml', fileName: `${title} (chart)` });
  return delivery;
}
