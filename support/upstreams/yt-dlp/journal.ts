import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The executable the gateway is given as YT_DLP_PATH: the fake yt-dlp, a Perl script (README.md). */
export const FAKE_YT_DLP_PATH = path.join(__dirname, 'fake-yt-dlp.pl');

/** The environment the fake reads: where to journal, and optionally its pause between lines. */
export function fakeYtDlpEnv(journalPath: string, stepMs?: number): Record<string, string> {
  return { FAKE_YTDLP_JOURNAL: journalPath, ...(stepMs === undefined ? {} : { FAKE_YTDLP_STEP_MS: String(stepMs) }) };
}

interface Stamp {
  pid: number;
  /** The child's own wall clock (ms): it does not follow a scenario's virtual clock. */
  at: number;
}

/** One line of the fake's journal (README.md beside this file). */
export type YtDlpJournalEntry =
  | (Stamp & { event: 'start'; argv: string[]; cwd: string })
  | (Stamp & { event: 'signal'; signal: 'SIGTERM' | 'SIGINT'; ignored?: true })
  | (Stamp & { event: 'output'; path: string; existing?: true })
  | (Stamp & { event: 'exit'; code: number });

/** One run of the fake, put together from its journal lines. */
export interface YtDlpSpawn {
  pid: number;
  at: number;
  argv: string[];
  cwd: string;
  /** What followed `--` (or, failing that, the non-option words). */
  urls: string[];
  mode: 'metadata' | 'download';
  signals: Array<{ signal: 'SIGTERM' | 'SIGINT'; ignored: boolean; at: number }>;
  /** Absolute path of the media file it left, if it finished one. */
  output?: string;
  /** Undefined while it runs, or when it was SIGKILLed. */
  exitCode?: number;
}

/** Every entry in `file`, oldest first; none when the fake never ran. A torn last line is skipped. */
export function readYtDlpJournal(file: string): YtDlpJournalEntry[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as YtDlpJournalEntry];
      } catch {
        return [];
      }
    });
}

/** The fake's journal for one scenario; every question reads the file afresh. */
export class YtDlpJournal {
  constructor(readonly file: string) {}

  entries(): YtDlpJournalEntry[] {
    return readYtDlpJournal(this.file);
  }

  spawns(): YtDlpSpawn[] {
    const runs = new Map<number, YtDlpSpawn>();
    for (const entry of this.entries()) {
      if (entry.event === 'start') {
        runs.set(entry.pid, { pid: entry.pid, at: entry.at, argv: entry.argv, cwd: entry.cwd, urls: urlsOf(entry.argv), mode: modeOf(entry.argv), signals: [] });
        continue;
      }
      const run = runs.get(entry.pid);
      if (!run) continue;
      if (entry.event === 'signal') run.signals.push({ signal: entry.signal, ignored: entry.ignored === true, at: entry.at });
      else if (entry.event === 'output') run.output = entry.path;
      else run.exitCode = entry.code;
    }
    return [...runs.values()];
  }

  downloads(): YtDlpSpawn[] {
    return this.spawns().filter((run) => run.mode === 'download');
  }

  metadataLookups(): YtDlpSpawn[] {
    return this.spawns().filter((run) => run.mode === 'metadata');
  }

  /** Runs of the given video id (matched in their URLs). */
  spawnsFor(videoId: string): YtDlpSpawn[] {
    return this.spawns().filter((run) => run.urls.some((url) => url.includes(videoId)));
  }

  signalsReceived(): Array<{ pid: number; signal: 'SIGTERM' | 'SIGINT'; ignored: boolean; at: number }> {
    return this.spawns().flatMap((run) => run.signals.map((signal) => ({ pid: run.pid, ...signal })));
  }

  /** The most runs going at the same moment (a run without an exit line, killed, counts to the end). */
  mostAtOnce(): number {
    const moments = this.entries().flatMap((entry) => (entry.event === 'start' ? [{ at: entry.at, change: 1 }] : entry.event === 'exit' ? [{ at: entry.at, change: -1 }] : []));
    moments.sort((a, b) => a.at - b.at || a.change - b.change);
    let [running, peak] = [0, 0];
    for (const moment of moments) peak = Math.max(peak, (running += moment.change));
    return peak;
  }

  /** Runs with no exit line: still running, or ended by SIGKILL. */
  unfinished(): YtDlpSpawn[] {
    return this.spawns().filter((run) => run.exitCode === undefined);
  }
}

const VALUED = new Set(['-f', '--format', '-o', '--output', '--merge-output-format', '-P', '--paths', '--remux-video', '--recode-video', '--socket-timeout', '-R', '--retries', '--fragment-retries', '-N', '--concurrent-fragments']);

function urlsOf(argv: string[]): string[] {
  const separator = argv.indexOf('--');
  if (separator >= 0) return argv.slice(separator + 1);
  return argv.filter((arg, i) => !arg.startsWith('-') && !VALUED.has(argv[i - 1] ?? ''));
}

function modeOf(argv: string[]): 'metadata' | 'download' {
  const dumps = argv.includes('--dump-json') || argv.includes('-j');
  const simulates = argv.includes('--simulate') || argv.includes('-s');
  return (dumps && !argv.includes('--no-simulate')) || simulates ? 'metadata' : 'download';
}
