import { buildGateway } from '../../gateway/src/app';
import { readConfig } from '../../gateway/src/config';
import type { ScenarioClock } from '../clock';
import type { FakeUpstream } from '../upstreams/fake-upstream';
import { NetworkGuard } from '../upstreams/network-guard';
import { InProcessTransport } from '../upstreams/transports/in-process';
import { EMBEDDED_ORIGINS } from '../upstreams/upstreams';
import { restoreTimeZone, shareProcessEnvironment } from './process-environment';
import { LogTail, type RunningGateway, type Target } from './target';

/** A fresh gateway in this process per scenario: in-memory database, the scenario's virtual clock. */
export class EmbeddedTarget implements Target {
  readonly kind = 'embedded';
  readonly origins = EMBEDDED_ORIGINS;
  private readonly guard = new NetworkGuard();
  private readonly transport = new InProcessTransport(this.guard);

  async attach(fakes: FakeUpstream[]): Promise<void> {
    this.transport.attach(fakes);
  }

  async start(env: Record<string, string>, clock: ScenarioClock): Promise<RunningGateway> {
    const logs = new LogTail();
    shareProcessEnvironment(env);
    const gateway = await buildGateway(readConfig(env), { clock, logStream: { write: (line: string) => logs.write(line) } }).catch((error: unknown) => {
      restoreTimeZone();
      throw error;
    });
    const stop = async () => {
      await gateway.close();
      restoreTimeZone();
    };
    return { url: gateway.url, logs: () => logs.text(), stop, loseDatabase: () => gateway.services.db.close() };
  }

  blockedCalls(): string[] {
    return this.guard.drain();
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
