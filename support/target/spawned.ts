import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { ScenarioClock } from '../clock';
import type { FakeUpstream } from '../upstreams/fake-upstream';
import { LoopbackTransport } from '../upstreams/transports/loopback';
import { UPSTREAM_NAMES, type Origins } from '../upstreams/upstreams';
import { compiledGatewayMain } from './compiled-gateway';
import { LogTail, type RunningGateway, type Target } from './target';

const START_TIMEOUT_MS = 15_000;

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

function spawnGateway(main: string, env: Record<string, string>): Promise<RunningGateway> {
  const logs = new LogTail();
  const child = spawn(process.execPath, [main], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stderr.on('data', (chunk) => logs.write(chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`the gateway did not start within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${logs.text()}`));
    };
    const exitedEarly = (code: number | null) => fail(new Error(`the gateway exited with code ${code} before listening`));
    child.once('exit', exitedEarly);
    createInterface({ input: child.stdout }).on('line', (line) => {
      logs.write(line);
      const match = /^listening on (\S+)/.exec(line);
      if (!match) return;
      clearTimeout(timer);
      child.off('exit', exitedEarly);
      resolve({
        url: match[1]!,
        logs: () => logs.text(),
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
