import { setWorldConstructor, World, type IWorldOptions } from '@cucumber/cucumber';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Actor } from './actor';
import { realClock, virtualClock, type ScenarioClock } from './clock';
import type { HttpExchange } from './api/exchange';
import { ApiTransport } from './api/transport';
import type { EventStream } from './drivers/sse';
import { LiveConnections } from './drivers/ws';
import { freshNotes, type ScenarioNotes } from './notes';
import { emailOf, PERSONAS, sourceAddressOf, SUITE_ADMIN, WITHOUT_OVERSEERR } from './personas';
import { scenarioEnvironment } from './target/environment';
import { LoadBalancer } from './target/load-balancer';
import type { RunningGateway, Target, TargetKind } from './target/target';
import { EMBEDDED_ORIGINS, Upstreams } from './upstreams/upstreams';

export interface MediaNestParameters {
  target: TargetKind;
  /**
   * The cluster-in-process target: its PostgreSQL and Redis stay up for the next run in this
   * process (Stryker runs Cucumber once per mutant in one worker), and stop when it ends.
   */
  keepServers?: boolean;
}

/**
 * Everything one scenario owns: its clock, its faked upstreams, its gateway (started on first use,
 * so Given steps can configure it first), its actors and what crossed the wire.
 */
export class MediaNestWorld extends World<MediaNestParameters> {
  static target: Target;

  readonly clock: ScenarioClock;
  readonly upstreams: Upstreams;
  readonly exchanges: HttpExchange[] = [];
  /** Environment variables this scenario sets on top of the suite's (the gateway's configuration). */
  readonly env: Record<string, string> = {};
  /** Variables of the suite's configuration this scenario leaves out altogether. */
  readonly unset = new Set<string>();
  /**
   * The scenario's own folder (downloads, the yt-dlp journal, a database file), made by whoever
   * first writes into it: most scenarios never do, and making and removing an empty folder cost
   * about 3 ms a scenario on the suite's disk.
   */
  readonly workDir = MediaNestWorld.target?.workDir ?? join(tmpdir(), `medianest-scenario-${randomUUID()}`);
  readonly startedAt: number;
  readonly realStartedAt = performance.now();
  private running?: Promise<RunningGateway>;
  private readonly actors = new Map<string, Actor>();
  /** What the steps of this scenario tell each other, one typed page per domain (support/notes.ts). */
  readonly notes: ScenarioNotes = freshNotes();
  /** How actors reach the cluster's instances (the other targets have one gateway). */
  readonly loadBalancer = new LoadBalancer();
  private readonly http = new ApiTransport((actor) => this.urlFor(actor), (exchange) => this.exchanges.push(exchange), () => this.clock.now());
  /** The scenario's WebSocket connections to the gateway (the `ws` package, real sockets). */
  readonly live = new LiveConnections((owner) => this.urlFor(owner), () => this.clock.now());
  /** The scenario's Server-Sent Events streams, for the report's timeline. */
  readonly eventStreams: EventStream[] = [];

  constructor(options: IWorldOptions<MediaNestParameters>) {
    super(options);
    // A dry run (`--dry-run`) runs no BeforeAll, so there is no target: nothing will be called anyway.
    this.clock = MediaNestWorld.target?.kind === 'embedded' ? virtualClock() : realClock();
    this.startedAt = this.clock.now();
    this.upstreams = new Upstreams(MediaNestWorld.target?.origins ?? EMBEDDED_ORIGINS, this.clock);
    for (const persona of PERSONAS) {
      const account = this.upstreams.plexTv.model.account(persona, emailOf(persona));
      if (!WITHOUT_OVERSEERR.includes(persona)) this.upstreams.overseerr.model.addUser({ email: account.email, plexUsername: persona });
    }
  }

  get target(): Target {
    return MediaNestWorld.target;
  }

  /** The gateway under test, started on first use with the scenario's configuration. */
  gateway(): Promise<RunningGateway> {
    this.running ??= this.target.start(this.configuration(), this.clock);
    return this.running;
  }

  /** The gateway's environment: the suite's configuration, with this scenario's changes. */
  configuration(): Record<string, string> {
    const env = { ...scenarioEnvironment(this.target.origins, this.workDir, SUITE_ADMIN), ...this.env };
    for (const name of this.unset) delete env[name];
    return env;
  }

  async gatewayUrl(): Promise<string> {
    return (await this.gateway()).url;
  }

  /** Where the actor's next request (or connection) goes: the gateway, or the instance the load balancer picks. */
  async urlFor(actor: string): Promise<string> {
    const running = await this.gateway();
    return running.instances ? this.loadBalancer.route(actor, running.instances).url : running.url;
  }

  get gatewayStarted(): boolean {
    return this.running !== undefined;
  }

  /** Stops this scenario's gateway; the next call starts a new one with the same configuration. */
  async stopGateway(): Promise<void> {
    await (await this.takeRunning())?.stop();
  }

  /** The scenario's gateway, forgotten: the next call starts one. */
  private async takeRunning(): Promise<RunningGateway | undefined> {
    const running = this.running;
    this.running = undefined;
    // A gateway that never started has nothing to stop; its failure was reported by the step that needed it.
    return running?.catch(() => undefined);
  }

  actor(name: string): Actor {
    let actor = this.actors.get(name);
    if (!actor) this.actors.set(name, (actor = new Actor(name, this.http, sourceAddressOf(name))));
    return actor;
  }

  /** An anonymous caller with no session. */
  get visitor(): Actor {
    return this.actor('a visitor');
  }

  get lastExchange(): HttpExchange {
    const last = this.exchanges.at(-1);
    if (!last) throw new Error('no request has been made yet');
    return last;
  }

  lastExchangeOf(actor: string): HttpExchange {
    const last = this.exchanges.findLast((exchange) => exchange.actor === actor);
    if (!last) throw new Error(`${actor} has made no request yet`);
    return last;
  }

  async dispose(): Promise<void> {
    try {
      this.live.closeAll();
      const gateway = await this.takeRunning();
      await (gateway?.release ? gateway.release() : gateway?.stop());
    } finally {
      this.http.close();
      this.clock.uninstall();
      rmSync(this.workDir, { recursive: true, force: true });
    }
  }
}

setWorldConstructor(MediaNestWorld);
