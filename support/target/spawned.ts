import type { ScenarioClock } from '../clock';
import { LoopbackTransport } from '../upstreams/transports/loopback';
import { UPSTREAM_NAMES } from '../upstreams/upstreams';
import { compiledGatewayMain } from './compiled-gateway';
import { spawnGateway } from './gateway-process';
import { LoopbackTarget } from './loopback-target';
import type { RunningGateway } from './target';

/** A fresh gateway child process per scenario, its upstreams faked on loopback ports. */
export class SpawnedTarget extends LoopbackTarget {
  readonly kind = 'spawned';

  private constructor(
    transport: LoopbackTransport,
    private readonly main: string,
  ) {
    super(transport);
  }

  static async create(): Promise<SpawnedTarget> {
    return new SpawnedTarget(await LoopbackTransport.start(UPSTREAM_NAMES), compiledGatewayMain());
  }

  start(env: Record<string, string>, _clock: ScenarioClock): Promise<RunningGateway> {
    return spawnGateway(this.main, env);
  }
}
