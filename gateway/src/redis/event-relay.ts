import type { GatewayEvents, Relayed } from '../realtime/events';
import type { SharedRedis } from './shared-redis';

const CHANNEL = 'medianest:events';

/**
 * Service statuses stay on the instance that worked them out: each reads Uptime Kuma itself and
 * keeps its own breakers, so relayed, a socket would hear every change once per instance, and
 * instances can disagree (one instance's breaker open, another's closed).
 */
const relayed = (message: Relayed) => message.kind !== 'event' || message.event.topic !== 'services';

/**
 * Carries the bus between instances over Redis publish/subscribe: what an instance publishes is
 * delivered to its own listeners at once (by the bus) and sent on the channel with the instance's
 * id; each instance delivers what the others sent and ignores its own. While Redis is away, nothing
 * is sent or received: every instance serves its own sockets and streams only.
 */
export function relayEvents(events: GatewayEvents, redis: SharedRedis): void {
  const { instanceId } = redis;
  redis.listen(CHANNEL, (text) => {
    let received: { origin: string; message: Relayed };
    try {
      received = JSON.parse(text);
    } catch {
      return; // not ours: only instances publish on the channel, and always JSON
    }
    if (received.origin !== instanceId) events.deliver(received.message);
  });
  events.relayTo((message) => {
    if (!relayed(message)) return;
    redis.client.publish(CHANNEL, JSON.stringify({ origin: instanceId, message })).catch(() => undefined);
  });
}
