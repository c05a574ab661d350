import { spawn } from 'node:child_process';
import type { Clock, TimerHandle } from '../clock';

export type StopReason = 'cancelled' | 'stalled';

export interface RunOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** What it printed on stdout, up to 8 MiB (the metadata lookup's is its JSON). */
  stdout: string;
  /** The end of what it printed on stderr, where yt-dlp's `ERROR:` lines go. */
  stderr: string;
  stoppedFor?: StopReason;
  /** Set when the process could not be started at all (no such file, not executable). */
  spawnError?: string;
}

export interface RunOptions {
  executable: string;
  args: string[];
  clock: Clock;
  /** No output for this long is a stall: the run is stopped. */
  stallMs: number;
  /** After SIGTERM, how long yt-dlp has to exit before SIGKILL. */
  killAfterMs: number;
  onLine?: (line: string) => void;
}

const STDERR_KEPT = 16 * 1024;
const STDOUT_KEPT = 8 * 1024 * 1024;

/**
 * One yt-dlp process, never through a shell. Its timers (stall, SIGKILL) run on the gateway's clock,
 * so virtual time drives them in tests while the process itself runs in real time.
 */
export class YtDlpRun {
  readonly finished: Promise<RunOutcome>;
  private readonly child;
  private stallTimer?: TimerHandle;
  private killTimer?: TimerHandle;
  private stoppedFor?: StopReason;
  private done = false;
  /** Set once the gateway closes: nothing the process still prints may reach a closed database. */
  private abandoned = false;

  constructor(private readonly options: RunOptions) {
    // The environment passes through whole: yt-dlp reads proxies and its cache location from it.
    this.child = spawn(options.executable, options.args, { env: process.env, stdio: ['ignore', 'pipe', 'pipe'], shell: false });
    let stdout = '';
    let stderr = '';
    let partial = '';
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (this.abandoned) return;
      this.heardFrom();
      if (stdout.length < STDOUT_KEPT) stdout += chunk; // only the metadata lookup's is read
      const lines = (partial + chunk).split(/\r\n|\r|\n/);
      partial = lines.pop()!; // split always gives one; with --newline yt-dlp ends every line, so a piece left at exit was cut off
      for (const line of lines) options.onLine?.(line);
    });
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      this.heardFrom();
      stderr = (stderr + chunk).slice(-STDERR_KEPT);
    });
    this.finished = new Promise((resolve) => {
      // settled once or twice (a process that cannot start reports an error, then closes): the same outcome
      const settle = (outcome: Omit<RunOutcome, 'stdout' | 'stderr' | 'stoppedFor'>) => {
        this.done = true;
        this.clearTimers();
        resolve({ ...outcome, stdout, stderr, stoppedFor: this.stoppedFor });
      };
      this.child.once('error', (error) => {
        if (this.child.pid === undefined) settle({ code: null, signal: null, spawnError: error.message });
      });
      this.child.once('close', (code, signal) => settle({ code, signal }));
    });
    this.heardFrom();
  }

  /** Asks yt-dlp to stop (SIGTERM) and kills it if it is still there after the grace period. */
  stop(reason: StopReason): void {
    if (this.done || this.stoppedFor) return;
    this.stoppedFor = reason;
    this.clearTimers();
    this.child.kill('SIGTERM');
    this.killTimer = this.options.clock.setTimeout(() => this.child.kill('SIGKILL'), this.options.killAfterMs); // cleared when it exits
  }

  /** The gateway is closing: no grace period, nobody will be left to wait for it. */
  kill(): void {
    this.abandoned = true;
    this.clearTimers();
    if (!this.done) this.child.kill('SIGKILL');
  }

  /** A stall timer armed after a stop or the end is harmless: stop() does nothing then, and the end clears it. */
  private heardFrom(): void {
    this.options.clock.clearTimeout(this.stallTimer);
    this.stallTimer = this.options.clock.setTimeout(() => this.stop('stalled'), this.options.stallMs);
  }

  private clearTimers(): void {
    this.options.clock.clearTimeout(this.stallTimer);
    this.options.clock.clearTimeout(this.killTimer);
    this.stallTimer = this.killTimer = undefined;
  }
}
