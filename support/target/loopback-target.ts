import type { ScenarioClock } from '../clock';
import type { FakeUpstream } from '../upstreams/fake-upstream';
import type { LoopbackTransport } from '../upstreams/transports/loopback';
import { UPSTREAM_NAMES, type Origins } from '../upstreams/upstreams';
import type { RunningGateway, Target, TargetKind } from './target';

/** What every target whose gateway runs in another process shares: the fakes, served on loopback ports. */
export abstract class LoopbackTarget implements Target {
  abstract readonly kind: TargetKind;
  readonly origins: Origins;

  protected constructor(protected readonly transport: LoopbackTransport) {
    this.origins = Object.fromEntries(UPSTREAM_NAMES.map((name) => [name, transport.origin(name)])) as Origins;
  }

  attach(fakes: FakeUpstream[]): Promise<void> {
    return this.transport.attach(fakes);
  }

  abstract start(env: Record<string, string>, clock: ScenarioClock): Promise<RunningGateway>;

  blockedCalls(): string[] {
    return []; // the gateway's own calls are not visible here; its upstreams all point at loopback fakes
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}
