/**
 * Reading yt-dlp's own output (UPSTREAMS.md section 5): `--dump-json` metadata, `[download]`
 * progress lines printed with `--newline`, where the file went, and `ERROR:` lines.
 */

export interface VideoMetadata {
  title?: string;
  /** How many files yt-dlp downloads before merging: 2 when video and audio come separately. */
  runs: number;
}

export type OutputLine =
  | { kind: 'destination'; path: string }
  | { kind: 'progress'; percent: number }
  | { kind: 'merged'; path: string }
  | { kind: 'other' };

const PROGRESS = /^\[download\]\s+(\d{1,3}(?:\.\d+)?)% of /;
const DESTINATION = /^\[download\] Destination: (.+)$/;
const MERGER = /^\[Merger\] Merging formats into "(.+)"$/;

export function parseOutputLine(line: string): OutputLine {
  let match = PROGRESS.exec(line);
  if (match) return { kind: 'progress', percent: Math.min(100, Number(match[1])) };
  if ((match = DESTINATION.exec(line))) return { kind: 'destination', path: match[1]! };
  if ((match = MERGER.exec(line))) return { kind: 'merged', path: match[1]! };
  return { kind: 'other' };
}

/** What `--dump-json` printed for one video (one JSON line; warnings go to stderr); undefined when it printed none. */
export function parseMetadata(stdout: string): VideoMetadata | undefined {
  try {
    const info = JSON.parse(stdout) as { title?: unknown; format_id?: unknown };
    const formatId = typeof info.format_id === 'string' ? info.format_id : '';
    return { title: typeof info.title === 'string' ? info.title : undefined, runs: Math.max(1, formatId.split('+').length) };
  } catch {
    return undefined;
  }
}

/** The text of yt-dlp's last `ERROR:` line (or its usage error), without the prefix. */
export function errorText(stderr: string): string | undefined {
  const lines = stderr.split(/\r?\n/);
  const error = lines.filter((line) => line.startsWith('ERROR:')).at(-1);
  if (error) return error.slice('ERROR:'.length).trim();
  return lines.filter((line) => line.startsWith('yt-dlp: error:')).at(-1);
}

/**
 * Turns the percent of the current run into the download's overall progress: with separate video and
 * audio the first run covers 0-90 % and the second 90-100 %. Whether it rose is the store's to say
 * (DownloadStore.raiseProgress keeps only a rise, so the progress never goes down).
 */
export class OverallProgress {
  private run = -1;

  constructor(private readonly runs: number) {}

  /** A new file started (a `Destination:` line). */
  nextRun(): void {
    this.run = Math.min(this.run + 1, this.runs - 1);
  }

  /** The overall percent, to one decimal. */
  update(runPercent: number): number {
    const run = Math.max(this.run, 0);
    if (this.runs === 1) return tenths(runPercent);
    if (run === 0) return tenths(runPercent * 0.9);
    // the later runs (audio) share the last 10 %
    return tenths(90 + (run - 1 + runPercent / 100) * (10 / (this.runs - 1)));
  }
}

function tenths(percent: number): number {
  return Math.round(percent * 10) / 10;
}
