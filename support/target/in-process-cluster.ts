import { buildGateway, type Gateway } from '../../gateway/src/app';
import { readConfig } from '../../gateway/src/config';
import type { ScenarioClock } from '../clock';
import type { FakeUpstream } from '../upstreams/fake-upstream';
import { NetworkGuard } from '../upstreams/network-guard';
import { InProcessTransport } from '../upstreams/transports/in-process';
import { EMBEDDED_ORIGINS } from '../upstreams/upstreams';
import { INSTANCE_NAMES, type InstanceName } from './cluster';
import { ClusterServers } from './cluster-servers';
import { restoreTimeZone, shareProcessEnvironment } from './process-environment';
import { LogTail, type GatewayInstance, type InstancesTarget, type RunningGateway, type Target } from './target';

interface Instance extends GatewayInstance {
  gateway: Gateway;
  log: LogTail;
  logsOfScenario(): string;
}

/**
 * The PostgreSQL and Redis of this process, started on first use and kept until the process ends
 * when the run asks for it: Stryker runs Cucumber once per mutant in the same worker process, and
 * starting PostgreSQL (initdb) each time would cost seconds per mutant.
 */
let kept: Promise<ClusterServers> | undefined;

/**
 * The cluster's two instances, A and B, built in this process as the embedded target builds its
 * gateway, on one real PostgreSQL and one real Redis (DATABASE_URL, REDIS_URL): the code that runs
 * only with those URLs runs where a mutation run sees it, scenario by scenario. Each scenario gets
 * two new instances on an emptied database and Redis; the fakes are served in process (msw) and
 * time is real, as on the cluster target. What the scenarios ask of the cluster (stopping an
 * instance, taking a server down, an instance's log) works the same here.
 */
export class InProcessClusterTarget implements Target, InstancesTarget {
  readonly kind = 'cluster-in-process';
  readonly origins = EMBEDDED_ORIGINS;
  private readonly guard = new NetworkGuard();
  private readonly transport = new InProcessTransport(this.guard);
  private instances: Instance[] = [];
  /** A scenario began and has not had its empty database and Redis yet. */
  private scenarioBegan = false;

  private constructor(
    readonly servers: ClusterServers,
    /** Leave the servers running for the next run in this process (see `kept`). */
    private readonly keepServers: boolean,
  ) {}

  static async create(options: { keepServers: boolean }): Promise<InProcessClusterTarget> {
    const servers = options.keepServers ? (kept ??= ClusterServers.start()) : ClusterServers.start();
    return new InProcessClusterTarget(await servers, options.keepServers);
  }

  async attach(fakes: FakeUpstream[]): Promise<void> {
    this.scenarioBegan = true;
    this.transport.attach(fakes);
  }

  async start(env: Record<string, string>, clock: ScenarioClock): Promise<RunningGateway> {
    if (this.scenarioBegan) {
      this.scenarioBegan = false;
      await this.servers.restore();
      await this.servers.reset();
    }
    shareProcessEnvironment(env);
    const started = await Promise.allSettled(INSTANCE_NAMES.map((name) => this.startInstance(name, env, clock)));
    const instances = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const failed = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) {
      await Promise.all(instances.map((instance) => instance.gateway.close()));
      throw failed.reason;
    }
    this.instances = instances;
    return {
      url: instances[0]!.url,
      instances,
      logs: () => instances.map((instance) => `--- instance ${instance.name}\n${instance.logsOfScenario()}`).join('\n'),
      // a restart within the scenario: the next start brings both back on the same database
      stop: () => this.stopInstances(instances),
      release: async () => {
        await this.stopInstances(instances);
        await this.servers.restore();
      },
    };
  }

  /** Stops one instance mid-scenario, as an orchestrator would: the load balancer sends nobody there any more. */
  async stopInstance(name: InstanceName): Promise<void> {
    const instance = this.instance(name);
    if (!instance.up) return;
    instance.up = false;
    await instance.gateway.close();
  }

  instance(name: InstanceName): Instance {
    const instance = this.instances.find((candidate) => candidate.name === name);
    if (!instance) throw new Error(`instance ${name} is not running: the scenario has not used the gateway yet`);
    return instance;
  }

  blockedCalls(): string[] {
    return this.guard.drain();
  }

  async close(): Promise<void> {
    await this.stopInstances(this.instances);
    this.transport.close();
    if (!this.keepServers) await this.servers.stop();
  }

  private async startInstance(name: InstanceName, env: Record<string, string>, clock: ScenarioClock): Promise<Instance> {
    const log = new LogTail();
    const config = readConfig({ ...env, ...this.servers.environment, INSTANCE_NAME: name.toLowerCase() });
    const gateway = await buildGateway(config, { clock, logStream: { write: (line: string) => log.write(line) } });
    return { name, url: gateway.url, up: true, gateway, log, logsOfScenario: () => log.text() };
  }

  private async stopInstances(instances: Instance[]): Promise<void> {
    const running = instances.filter((instance) => instance.up);
    running.forEach((instance) => (instance.up = false));
    await Promise.all(running.map((instance) => instance.gateway.close()));
    restoreTimeZone();
  }
}
