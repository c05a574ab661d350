import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createInterface } from 'node:readline';

const START_TIMEOUT_MS = 30_000;

/** A server program run as a child of this process, started again and again on the same settings. */
export class ServerProcess {
  private child: ChildProcess | undefined;
  private output: string[] = [];

  constructor(
    private readonly name: string,
    private readonly command: string,
    private readonly args: string[],
    private readonly options: SpawnOptions,
    /** The line the server prints once it accepts connections. */
    private readonly ready: RegExp,
  ) {}

  /** Starts the server and resolves once it says it is ready. */
  start(): Promise<void> {
    if (this.child) return Promise.resolve();
    this.output = [];
    const child = spawn(this.command, this.args, { ...this.options, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    return new Promise((resolve, reject) => {
      const fail = (problem: string) => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        this.child = undefined;
        reject(new Error(`${this.name} ${problem}:\n${this.output.slice(-20).join('\n')}`));
      };
      const timer = setTimeout(() => fail(`did not start within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
      const exitedEarly = (code: number | null) => fail(`exited with code ${code} before it was ready`);
      child.once('error', (error) => fail(`could not be started (${error.message})`));
      child.once('exit', exitedEarly);
      child.once('exit', () => {
        if (this.child === child) this.child = undefined;
      });
      for (const stream of [child.stdout!, child.stderr!]) {
        createInterface({ input: stream }).on('line', (line) => {
          this.output.push(line);
          if (this.output.length > 200) this.output.shift();
          if (!this.ready.test(line)) return;
          clearTimeout(timer);
          child.off('exit', exitedEarly);
          resolve();
        });
      }
    });
  }

  /** Stops the server (`signal` chooses how: each server names its fast, clean shutdown). */
  async stop(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
  }

  /** Ends the server at once, for process exit, where nothing can be awaited. */
  kill(): void {
    this.child?.kill('SIGKILL');
  }
}
