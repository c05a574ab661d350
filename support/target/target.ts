import type { ScenarioClock } from '../clock';
import type { ClusterServers } from './cluster-servers';
import type { FakeUpstream } from '../upstreams/fake-upstream';
import type { Origins } from '../upstreams/upstreams';

export type TargetKind = 'embedded' | 'spawned' | 'remote' | 'cluster' | 'cluster-in-process';

/** One gateway process behind the cluster's load balancer, named as the scenarios name it ("A"). */
export interface GatewayInstance {
  name: string;
  url: string;
  /** False once a scenario stopped it: the load balancer sends nobody there. */
  up: boolean;
}

/** A gateway under test, reachable at `url`. */
export interface RunningGateway {
  url: string;
  /** The instances behind the load balancer (the cluster target); the others are one process at `url`. */
  instances?: GatewayInstance[];
  /** What the gateway logged during the scenario, when the suite can see it. */
  logs(): string;
  stop(): Promise<void>;
  /** Ends a scenario with a gateway that outlives it (the cluster's instances); without it the gateway is stopped. */
  release?(): Promise<void>;
  /** Closes the gateway's database under it, to see how it copes (in-process gateways only). */
  loseDatabase?(): void;
}

/** How the gateway under test is reached, set up once per worker. */
export interface Target {
  readonly kind: TargetKind;
  /** Where the gateway must look for each upstream. */
  readonly origins: Origins;
  /**
   * The scenarios' folder (downloads, the fake yt-dlp's journal) when it must outlive a scenario,
   * since the gateway keeps running between scenarios (the cluster); emptied after each scenario.
   * Without it each scenario has a folder of its own.
   */
  readonly workDir?: string;
  /** Serves this scenario's fakes to the gateway. */
  attach(fakes: FakeUpstream[]): Promise<void>;
  /** A gateway for one scenario, configured by environment variables on top of the suite's own. */
  start(env: Record<string, string>, clock: ScenarioClock): Promise<RunningGateway>;
  /** What the network guard saw leave the machine since the last call. */
  blockedCalls(): string[];
  close(): Promise<void>;
}

/** Captures a gateway's log lines, keeping the newest. */
export class LogTail {
  private lines: string[] = [];
  /** Lines written and since dropped for age. */
  private dropped = 0;

  constructor(private readonly keep = 400) {}

  write(chunk: string | Buffer): void {
    for (const line of String(chunk).split('\n')) if (line) this.lines.push(line);
    if (this.lines.length > this.keep) {
      this.dropped += this.lines.length - this.keep;
      this.lines = this.lines.slice(-this.keep);
    }
  }

  /** How many lines were written so far: `text(mark)` is what came after. */
  mark(): number {
    return this.dropped + this.lines.length;
  }

  text(since = 0): string {
    return this.lines.slice(Math.max(0, since - this.dropped)).join('\n');
  }
}

/**
 * A target whose gateway is instances A and B on one PostgreSQL and one Redis (the cluster, or
 * its in-process variant): what the @cluster scenarios ask of it.
 */
export interface InstancesTarget extends Target {
  readonly servers: ClusterServers;
  /** Stops one instance mid-scenario, as an orchestrator would: the load balancer sends nobody there any more. */
  stopInstance(name: 'A' | 'B'): Promise<void>;
  instance(name: 'A' | 'B'): Readonly<GatewayInstance & { logsOfScenario(): string }>;
}
