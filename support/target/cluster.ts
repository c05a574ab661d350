import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScenarioClock } from '../clock';
import type { FakeUpstream } from '../upstreams/fake-upstream';
import { stopAtExit } from '../servers/stop-at-exit';
import { LoopbackTransport } from '../upstreams/transports/loopback';
import { UPSTREAM_NAMES } from '../upstreams/upstreams';
import { ClusterServers } from './cluster-servers';
import { compiledGatewayMain } from './compiled-gateway';
import { spawnGateway, type GatewayProcess } from './gateway-process';
import { leftBehind } from './left-behind';
import { LoopbackTarget } from './loopback-target';
import type { GatewayInstance, InstancesTarget, RunningGateway } from './target';

/** The instances, as scenarios name them; each is told its name in lower case (INSTANCE_NAME). */
export const INSTANCE_NAMES = ['A', 'B'] as const;
export type InstanceName = (typeof INSTANCE_NAMES)[number];

interface Instance extends GatewayInstance {
  process: GatewayProcess;
  /** Where its log stood when the scenario began. */
  logMark: number;
  /** What it logged since the scenario began. */
  logsOfScenario(): string;
}

/** The instances running now, and the configuration they were started with. */
interface Running {
  configuration: string;
  /** Where the fake yt-dlp the instances run keeps its journal. */
  ytDlpJournal?: string;
  instances: Instance[];
}

/**
 * Two gateway instances (child processes, each on its own port) sharing one PostgreSQL and one
 * Redis, started once per run with the fakes on loopback as in the spawned target. Each scenario
 * starts from an empty schema and an empty Redis; the instances keep running between scenarios
 * and are started again only for a scenario whose configuration differs, or after one that left
 * something behind in them (left-behind.ts), or stopped an instance or a server.
 */
export class ClusterTarget extends LoopbackTarget implements InstancesTarget {
  readonly kind = 'cluster';
  readonly workDir = mkdtempSync(join(tmpdir(), 'medianest-cluster-'));
  private running?: Running;
  /** A scenario began and has not had its empty database and Redis yet. */
  private scenarioBegan = false;
  /** The running instances hold something of the last scenario: start them again. */
  private dirty = false;
  /** The scenario's fakes. */
  private fakes: FakeUpstream[] = [];
  private readonly forgetAtExit = stopAtExit(() => {
    this.running?.instances.forEach((instance) => instance.process.kill());
    rmSync(this.workDir, { recursive: true, force: true });
  });

  private constructor(
    transport: LoopbackTransport,
    private readonly main: string,
    readonly servers: ClusterServers,
  ) {
    super(transport);
  }

  static async create(): Promise<ClusterTarget> {
    const [transport, servers] = await Promise.all([LoopbackTransport.start(UPSTREAM_NAMES), ClusterServers.start()]);
    return new ClusterTarget(transport, compiledGatewayMain(), servers);
  }

  override attach(fakes: FakeUpstream[]): Promise<void> {
    this.scenarioBegan = true;
    this.fakes = fakes;
    return super.attach(fakes);
  }

  async start(env: Record<string, string>, _clock: ScenarioClock): Promise<RunningGateway> {
    const configuration = JSON.stringify(Object.entries(env).sort(([a], [b]) => a.localeCompare(b)));
    if (this.running && (this.dirty || this.running.configuration !== configuration)) await this.stopInstances();
    this.running ??= { configuration, ytDlpJournal: env.FAKE_YTDLP_JOURNAL, instances: await this.startInstances(env) };
    if (this.scenarioBegan) {
      this.scenarioBegan = false;
      await this.servers.reset();
      for (const instance of this.running.instances) instance.logMark = instance.process.logMark();
    }
    return this.view(this.running);
  }

  /** Stops one instance mid-scenario, as an orchestrator would (SIGTERM): the load balancer sends nobody there any more. */
  async stopInstance(name: InstanceName): Promise<void> {
    const instance = this.running?.instances.find((candidate) => candidate.name === name);
    if (!instance) throw new Error(`instance ${name} is not running`);
    instance.up = false;
    this.dirty = true;
    await instance.process.stop();
  }

  instance(name: InstanceName): Readonly<Instance> {
    const instance = this.running?.instances.find((candidate) => candidate.name === name);
    if (!instance) throw new Error(`instance ${name} is not running: the scenario has not used the gateway yet`);
    return instance;
  }

  override async close(): Promise<void> {
    await this.stopInstances();
    this.forgetAtExit();
    await Promise.all([super.close(), this.servers.stop()]);
    rmSync(this.workDir, { recursive: true, force: true });
  }

  private async startInstances(env: Record<string, string>): Promise<Instance[]> {
    this.dirty = false;
    const start = async (name: InstanceName): Promise<Instance> => {
      const process = await spawnGateway(this.main, { ...env, ...this.servers.environment, INSTANCE_NAME: name.toLowerCase() });
      const instance: Instance = { name, url: process.url, up: true, process, logMark: process.logMark(), logsOfScenario: () => process.logs(instance.logMark) };
      return instance;
    };
    const started = await Promise.allSettled(INSTANCE_NAMES.map(start));
    const instances = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const failed = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) {
      await Promise.all(instances.map((instance) => instance.process.stop()));
      throw failed.reason;
    }
    return instances;
  }

  private async stopInstances(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    await Promise.all(running?.instances.map((instance) => instance.process.stop()) ?? []);
  }

  private view(running: Running): RunningGateway {
    return {
      url: running.instances[0]!.url,
      instances: running.instances,
      logs: () => running.instances.map((instance) => `--- instance ${instance.name}\n${instance.logsOfScenario()}`).join('\n'),
      // a restart within the scenario: the next start brings both back on the same database
      stop: () => this.stopInstances(),
      release: () => this.endScenario(),
    };
  }

  /**
   * After a scenario: instances holding anything of it are stopped now, before the scenario's
   * folder is emptied under a yt-dlp they may still run, and the next scenario starts new ones.
   */
  private async endScenario(): Promise<void> {
    if (await this.servers.restore()) this.dirty = true;
    const running = this.running;
    if (!running) return;
    if (!this.dirty) {
      const left = await leftBehind({ instances: running.instances, servers: this.servers, fakes: this.fakes, ytDlpJournal: running.ytDlpJournal });
      this.dirty = left.length > 0;
    }
    if (this.dirty) await this.stopInstances();
  }
}
