import type { GatewayEvents, Relayed } from '../realtime/events';
import type { SharedRedis } from './shared-redis';

const CHANNEL = 'medianest:events';

/**
 * Carries the bus between instances over Redis publish/subscribe: what an instance publishes is
 * delivered to its own listeners at once (by the bus) and sent on the channel with the instance's
 * id; each instance delivers what the others sent and ignores its own. While Redis is away, nothing
 * is sent or received: every instance serves its own sockets and streams only.
 */
export function relayEvents(events: GatewayEvents, redis: SharedRedis): void {
  const { instanceId } = redis;
  redis.listen(CHANNEL, (text) => {
    let relayed: { origin: string; message: Relayed };
    try {
      relayed = JSON.parse(text);
    } catch {
      return; // not ours: only instances publish on the channel, and always JSON
    }
    if (relayed.origin !== instanceId) events.deliver(relayed.message);
  });
  events.relayTo((message) => {
    redis.client.publish(CHANNEL, JSON.stringify({ origin: instanceId, message })).catch(() => undefined);
  });
}
