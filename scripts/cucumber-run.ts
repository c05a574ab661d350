/** One cucumber-js run as a child process, its output kept in a file and its messages file copied aside. */
import { spawn } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { readRun, type RunOutcome } from './run-messages';

export interface CucumberRun extends RunOutcome {
  code: number;
  seconds: number;
  /** Where this run's messages and console output were kept. */
  messagesFile: string;
  outputFile: string;
}

/**
 * Runs cucumber-js with `args`; `messages` is where the chosen profile writes its messages file
 * (reports/<profile>/cucumber-messages.ndjson), copied to `keepAs` (+ `.log` for the output).
 */
export async function runCucumber(args: string[], messages: string, keepAs: string): Promise<CucumberRun> {
  mkdirSync(dirname(keepAs), { recursive: true });
  const outputFile = keepAs.replace(/\.ndjson$/, '.log');
  const output = createWriteStream(outputFile);
  const started = performance.now();
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ['node_modules/@cucumber/cucumber/bin/cucumber.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(output, { end: false });
    child.stderr.pipe(output, { end: false });
    child.on('close', (exit) => resolve(exit ?? 1));
  });
  output.end();
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  if (!existsSync(messages)) return { code, seconds, messagesFile: '', outputFile, scenarios: [], checks: [], success: false };
  copyFileSync(messages, keepAs);
  return { code, seconds, messagesFile: keepAs, outputFile, ...readRun(keepAs) };
}
