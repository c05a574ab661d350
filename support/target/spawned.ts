import type { ScenarioClock } from '../clock';
import type { FakeUpstream } from '../upstreams/fake-upstream';
import { LoopbackTransport } from '../upstreams/transports/loopback';
import { UPSTREAM_NAMES, type Origins } from '../upstreams/upstreams';
import { compiledGatewayMain } from './compiled-gateway';
import { spawnGateway } from './gateway-process';
import type { RunningGateway, Target } from './target';

/** A fresh gateway child process per scenario, its upstreams faked on loopback ports. */
export class SpawnedTarget implements Target {
  readonly kind = 'spawned';
  readonly origins: Origins;

  private constructor(
    private readonly transport: LoopbackTransport,
    private readonly main: string,
  ) {
    this.origins = Object.fromEntries(UPSTREAM_NAMES.map((name) => [name, transport.origin(name)])) as Origins;
  }

  static async create(): Promise<SpawnedTarget> {
    return new SpawnedTarget(await LoopbackTransport.start(UPSTREAM_NAMES), compiledGatewayMain());
  }

  attach(fakes: FakeUpstream[]): Promise<void> {
    return this.transport.attach(fakes);
  }

  start(env: Record<string, string>, _clock: ScenarioClock): Promise<RunningGateway> {
    return spawnGateway(this.main, env);
  }

  blockedCalls(): string[] {
    return []; // the child's own calls are not visible here; its upstreams all point at loopback fakes
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}
