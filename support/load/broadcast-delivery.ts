import type { LiveConnection } from '../drivers/ws';
import { FanOut } from '../tasks/fan-out';
import { deliveryTimes, type DeliveryTimes } from './delivery-times';

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
