import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { LogTail } from './target';

const START_TIMEOUT_MS = 15_000;

/** A gateway child process (the compiled gateway/src/main.ts), listening at `url`. */
export interface GatewayProcess {
  url: string;
  /** What it logged, all of it or since `mark`. */
  logs(since?: number): string;
  /** The position in its log now. */
  logMark(): number;
  /** SIGTERM, as an orchestrator stops a process: the gateway closes its sockets and exits. */
  stop(): Promise<void>;
  /** SIGKILL: gone at once, nothing closed. */
  kill(): void;
}

/** Starts `main` with exactly `env` (and PATH) and resolves once it prints its `listening on` line. */
export function spawnGateway(main: string, env: Record<string, string>): Promise<GatewayProcess> {
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
        logs: (since) => logs.text(since),
        logMark: () => logs.mark(),
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
        kill: () => void child.kill('SIGKILL'),
      });
    });
  });
}
