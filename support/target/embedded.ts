import { buildGateway } from '../../gateway/src/app';
import { readConfig } from '../../gateway/src/config';
import type { ScenarioClock } from '../clock';
import type { FakeUpstream } from '../upstreams/fake-upstream';
import { NetworkGuard } from '../upstreams/network-guard';
import { InProcessTransport } from '../upstreams/transports/in-process';
import { EMBEDDED_ORIGINS } from '../upstreams/upstreams';
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
    // Children the gateway spawns (yt-dlp) inherit this process's environment: one scenario runs
    // at a time per worker, so the fake yt-dlp's journal path and pace can be set here.
    process.env.FAKE_YTDLP_JOURNAL = env.FAKE_YTDLP_JOURNAL;
    process.env.FAKE_YTDLP_STEP_MS = env.FAKE_YTDLP_STEP_MS;
    const gateway = await buildGateway(readConfig(env), { clock, logStream: { write: (line: string) => logs.write(line) } });
    return { url: gateway.url, logs: () => logs.text(), stop: () => gateway.close(), loseDatabase: () => gateway.services.db.close() };
  }

  blockedCalls(): string[] {
    return this.guard.drain();
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
