import assert from 'node:assert/strict';
import type { GatewayInstance } from './target';

/**
 * How requests reach the cluster's instances, as a load balancer in front of them would send them:
 * each request to the next instance that is up (round-robin), unless the scenario pinned the
 * person to one ("Bob uses instance A"). A pinned person whose instance was stopped is sent to one
 * that is up, as a load balancer's health check would. A WebSocket or an event stream stays on the
 * instance it connected to: only its opening is routed.
 */
export class LoadBalancer {
  private next = 0;
  private readonly pinned = new Map<string, string>();

  pin(actor: string, instance: string): void {
    this.pinned.set(actor, instance);
  }

  /** Where the actor's next request goes. */
  route(actor: string, instances: GatewayInstance[]): GatewayInstance {
    const up = instances.filter((instance) => instance.up);
    assert.ok(up.length, `no instance is up: ${instances.map((instance) => instance.name).join(', ')} were stopped`);
    const pinned = up.find((instance) => instance.name === this.pinned.get(actor));
    if (pinned) return pinned;
    return up[this.next++ % up.length]!;
  }
}
