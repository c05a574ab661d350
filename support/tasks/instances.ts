import { startNotesWith } from '../notes';
import { INSTANCE_NAMES, type InstanceName } from '../target/cluster';
import type { InstancesTarget } from '../target/target';
import type { MediaNestWorld } from '../world';
import type { ReadinessView } from './readiness';
import { LiveUpdates } from './live-updates';
import { Readiness } from './readiness';
import { SignIn } from './sign-in';

/** What the load balancer was told by each instance: the readiness check's status and answer. */
export type InstanceReadiness = Record<string, { status: number; readiness: ReadinessView & { redis?: 'up' | 'down' } }>;

/** How long the instances may take to use Redis again once it is back (they retry within a second; the rest is a busy machine). */
const REDIS_BACK_WITHIN_MS = 5_000;

/** What the cluster's steps of one scenario tell each other (world.notes.instances). */
export class InstanceNotes {
  readiness: InstanceReadiness = {};
}

declare module '../notes' {
  interface ScenarioNotes {
    instances: InstanceNotes;
  }
}
startNotesWith('instances', () => new InstanceNotes());

/** The cluster's instances and the servers they share, as the @cluster scenarios handle them. */
export const Instances = {
  cluster(world: MediaNestWorld): InstancesTarget {
    const target = world.target as Partial<InstancesTarget>;
    if (!target.servers || !target.stopInstance) throw new Error(`instances are named only on the cluster target (npx cucumber-js -p cluster), not on the ${world.target.kind} one`);
    return target as InstancesTarget;
  },

  /** From now on the load balancer sends everything the actor asks to this instance. */
  use(world: MediaNestWorld, actor: string, instance: InstanceName): void {
    Instances.cluster(world);
    world.loadBalancer.pin(actor, instance);
  },

  /** Signs the person in, then sends everything they ask to this instance. */
  async signInOn(world: MediaNestWorld, name: string, instance: InstanceName): Promise<void> {
    await SignIn.as(world, name);
    Instances.use(world, name, instance);
  },

  /** The portal opens its live connection again, through the load balancer, once the old one was closed. */
  async reconnect(world: MediaNestWorld, name: string, topics: string[]): Promise<void> {
    await world.live.latest(name).waitForClose();
    await LiveUpdates.watch(world, name, topics);
  },

  /** Stops the instance as an orchestrator would, with the scenario's gateway running. */
  async stop(world: MediaNestWorld, instance: InstanceName): Promise<void> {
    await world.gateway();
    await Instances.cluster(world).stopInstance(instance);
  },

  /** How many of these calls an instance received in this scenario, from its log. */
  async received(world: MediaNestWorld, instance: InstanceName, call: { method: string; path: string }): Promise<number> {
    await world.gateway();
    const lines = Instances.cluster(world).instance(instance).logsOfScenario().split('\n');
    return lines.filter((line) => line.includes('"msg":"incoming request"') && line.includes(`"method":"${call.method}","url":"${call.path}"`)).length;
  },

  /** Asks each instance in turn whether it is ready, as the load balancer's health check does. */
  async askEachWhetherReady(world: MediaNestWorld): Promise<InstanceReadiness> {
    await world.gateway();
    for (const instance of INSTANCE_NAMES) {
      Instances.use(world, 'the load balancer', instance);
      world.notes.instances.readiness[instance] = await Readiness.check(world);
    }
    return world.notes.instances.readiness;
  },

  /** Takes a shared server down with the instances running; the target brings it back after the scenario. */
  async takeDown(world: MediaNestWorld, server: 'PostgreSQL' | 'Redis'): Promise<void> {
    await world.gateway();
    await Instances.cluster(world).servers.pause(server);
  },

  async bringBack(world: MediaNestWorld, server: 'PostgreSQL' | 'Redis'): Promise<void> {
    await Instances.cluster(world).servers.resume(server);
  },

  /**
   * Brings Redis back, then asks each instance whether it is ready, as the load balancer's health
   * check keeps asking, until every one says Redis answers: each reconnects by itself, within a
   * second of Redis coming back.
   */
  async bringBackRedis(world: MediaNestWorld): Promise<void> {
    await Instances.bringBack(world, 'Redis');
    const started = performance.now();
    for (;;) {
      const readiness = await Instances.askEachWhetherReady(world);
      const stillDown = Object.entries(readiness).filter(([, answer]) => answer.readiness.redis !== 'up').map(([instance]) => instance);
      if (!stillDown.length) return;
      if (performance.now() - started > REDIS_BACK_WITHIN_MS) {
        throw new Error(`Redis was back, but ${REDIS_BACK_WITHIN_MS / 1000} s later instance ${stillDown.join(' and ')} still said Redis is down`);
      }
      await world.clock.sleep(100);
    }
  },
};
