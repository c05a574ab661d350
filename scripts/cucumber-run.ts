/** One cucumber-js run as a child process, with its own messages file and its output kept beside it. */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { readRun, type RunOutcome } from './run-messages';

export interface CucumberRun extends RunOutcome {
  code: number;
  seconds: number;
  /** This run's messages, and its console output. */
  messagesFile: string;
  outputFile: string;
}

export interface RunOptions {
  /** Added to this process's environment. */
  env?: Record<string, string>;
  /** The profile itself writes its messages to `messagesFile`: no formatter is added. */
  profileWritesMessages?: boolean;
}

/**
 * Runs cucumber-js with `args` and the profile's own formatters, adding a messages formatter that
 * writes to `messagesFile` (Cucumber adds command-line formats to a profile's), so the run is read
 * back from a file no other run writes. Its console output goes to the same name ending in `.log`.
 */
export async function runCucumber(args: string[], messagesFile: string, { env = {}, profileWritesMessages = false }: RunOptions = {}): Promise<CucumberRun> {
  mkdirSync(dirname(messagesFile), { recursive: true });
  const outputFile = messagesFile.replace(/\.ndjson$/, '.log');
  const output = createWriteStream(outputFile);
  const started = performance.now();
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ['node_modules/@cucumber/cucumber/bin/cucumber.js', ...args, ...(profileWritesMessages ? [] : ['--format', `message:${messagesFile}`])], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    child.stdout.pipe(output, { end: false });
    child.stderr.pipe(output, { end: false });
    const stop = () => child.kill(); // an interrupted check leaves no run behind
    process.once('exit', stop);
    child.on('close', (exit) => {
      process.off('exit', stop);
      resolve(exit ?? 1);
    });
  });
  output.end();
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const outcome = existsSync(messagesFile) ? readRun(messagesFile) : { scenarios: [], checks: [], success: false };
  return { code, seconds, messagesFile, outputFile, ...outcome };
}
