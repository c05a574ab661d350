/**
 * A busy loop in its own process, taking one core for as long as a proof runs: what "a busy
 * machine" means in our bars. The proof that starts it ends it, by its own process id.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface CpuHog {
  pid: number;
  stop(): void;
}

export function startCpuHog(): CpuHog {
  const child: ChildProcess = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  // a proof that ends, fails or is interrupted must not leave the loop running
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  return { pid: child.pid!, stop };
}
