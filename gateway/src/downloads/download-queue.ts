import { existsSync, statSync } from 'node:fs';
import { readdir, rename } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock';
import type { DownloadEvents } from './download-events';
import type { Download, DownloadStore } from './download-store';
import { canonicalVideoLink } from './youtube-link';
import { downloadArgs, metadataArgs } from './yt-dlp-args';
import { errorText, OverallProgress, parseMetadata, parseOutputLine } from './yt-dlp-output';
import { YtDlpRun, type RunOutcome } from './yt-dlp-run';

/** SIGTERM, then SIGKILL this long after (CONTRACT.md). */
export const KILL_AFTER_MS = 5_000;

export interface QueueSettings {
  ytDlpPath: string;
  downloadDir: string;
  concurrency: number;
  stallSeconds: number;
  /** The instance that runs what this queue starts (its start-up recovery settles them). */
  instance: string;
}

interface Job {
  run?: YtDlpRun;
  cancelled?: true;
}

/**
 * Runs queued downloads in order, at most `concurrency` at a time. A slot covers the whole job
 * (metadata lookup, then the download), so there are never more yt-dlp processes than slots.
 */
export class DownloadQueue {
  private readonly waiting: number[] = [];
  private readonly jobs = new Map<number, Job>();
  private closing = false;

  constructor(
    private readonly settings: QueueSettings,
    private readonly store: DownloadStore,
    private readonly events: DownloadEvents,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
  ) {}

  enqueue(id: number): void {
    this.waiting.push(id);
    this.pump();
  }

  /**
   * Stops the download's process (the status was already set by the caller). A download still
   * waiting its turn stays in line: when its turn comes, it starts only if still queued.
   */
  cancel(id: number): void {
    const job = this.jobs.get(id);
    if (!job) return;
    job.cancelled = true;
    job.run?.stop('cancelled');
  }

  /**
   * The gateway is closing: kill what runs and start nothing; start-up recovery deals with the rows.
   * Returns the downloads that were waiting their turn: still queued, any instance may run them.
   */
  shutdown(): number[] {
    this.closing = true;
    const waiting = this.waiting.splice(0);
    for (const job of this.jobs.values()) job.run?.kill();
    return waiting;
  }

  private pump(): void {
    while (!this.closing && this.jobs.size < this.settings.concurrency && this.waiting.length) {
      const id = this.waiting.shift()!;
      const job: Job = {};
      this.jobs.set(id, job);
      this.process(id, job)
        .catch((error) => this.log.error({ err: error, downloadId: id }, 'download job failed unexpectedly'))
        .finally(() => {
          this.jobs.delete(id);
          this.pump();
        });
    }
  }

  private async process(id: number, job: Job): Promise<void> {
    const download = await this.store.byId(id);
    if (!download || !(await this.store.start(id, this.settings.instance, this.clock.now()))) return;
    await this.events.status(download, 'queued', 'downloading');
    const link = canonicalVideoLink(download.videoId);

    const lookup = await this.step(job, metadataArgs(link, download.quality, download.format), {});
    if (!lookup) return;
    if (!succeeded(lookup)) return this.fail(download, this.failure(lookup));
    const metadata = parseMetadata(lookup.stdout);
    if (!metadata) return this.fail(download, 'yt-dlp printed no metadata for this video');
    if (metadata.title) await this.store.setTitle(id, metadata.title, this.clock.now());

    const folder = join(resolve(this.settings.downloadDir), String(id));
    const setAside = await this.setAsideEarlierFiles(id, folder);
    if (setAside) return this.fail(download, setAside);
    const progress = new OverallProgress(metadata.runs);
    let file: string | undefined;
    // yt-dlp's lines arrive faster than the database answers: progress is written in their order, one after another
    let progressWritten = Promise.resolve();
    const raise = (percent: number) => {
      progressWritten = progressWritten
        .then(async () => {
          if (await this.store.raiseProgress(id, percent, this.clock.now())) await this.events.progress(download, percent);
        })
        .catch((error) => this.log.error({ err: error, downloadId: id }, 'download progress not recorded'));
    };
    const run = await this.step(job, downloadArgs(link, download.quality, download.format, folder), {
      onLine: (line) => {
        const parsed = parseOutputLine(line);
        if (parsed.kind === 'progress') return raise(progress.update(parsed.percent));
        if (parsed.kind === 'other') return;
        file = parsed.path;
        if (parsed.kind === 'destination') progress.nextRun();
      },
    });
    await progressWritten;
    if (!run) return;
    if (!succeeded(run)) return this.fail(download, this.failure(run));
    const found = locateFile(file, folder);
    if (!found) return this.fail(download, 'yt-dlp finished but left no file');
    raise(100); // everything is on disk
    await progressWritten;
    if (await this.store.move(id, ['downloading'], 'completed', this.clock.now(), { file: found })) await this.events.status(download, 'downloading', 'completed', { file: found });
  }

  /**
   * A download's folder is named by its number, so files already in it were left by a database
   * since replaced (DOWNLOAD_DIR outlived it). yt-dlp would take a file of the same name for this
   * video, whatever its quality: the folder is kept under another name and the download starts in
   * an empty one. Returns why the download cannot go on, if the folder could not be moved.
   */
  private async setAsideEarlierFiles(id: number, folder: string): Promise<string | undefined> {
    const held = await readdir(folder).catch(() => []);
    if (!held.length) return undefined;
    const keptAs = `${folder}.earlier-${new Date(this.clock.now()).toISOString().replace(/[:.]/g, '-')}`;
    try {
      await rename(folder, keptAs);
    } catch (error) {
      return `the download folder holds files of an earlier download that could not be set aside: ${(error as Error).message}`;
    }
    this.log.warn({ downloadId: id, folder, keptAs }, 'the download folder held files of an earlier database; they were kept under another name');
    return undefined;
  }

  /** Runs one yt-dlp process for the job; undefined when the job was cancelled or the gateway closed meanwhile. */
  private async step(job: Job, args: string[], options: { onLine?: (line: string) => void }): Promise<RunOutcome | undefined> {
    if (job.cancelled || this.closing) return undefined;
    job.run = new YtDlpRun({
      executable: this.settings.ytDlpPath,
      args,
      clock: this.clock,
      stallMs: this.settings.stallSeconds * 1000,
      killAfterMs: KILL_AFTER_MS,
      ...options,
    });
    const outcome = await job.run.finished;
    job.run = undefined;
    return job.cancelled || this.closing ? undefined : outcome; // a run stopped for a cancel is a cancelled job's
  }

  private failure(outcome: RunOutcome): string {
    if (outcome.spawnError) return `yt-dlp could not be started: ${outcome.spawnError}`;
    if (outcome.stoppedFor === 'stalled') return `yt-dlp stalled: no output for ${this.settings.stallSeconds} seconds`;
    const stated = errorText(outcome.stderr);
    if (stated) return stated;
    return outcome.signal ? `yt-dlp was ended by ${outcome.signal}` : `yt-dlp exited with status ${outcome.code}`;
  }

  private async fail(download: Download, error: string): Promise<void> {
    if (await this.store.move(download.id, ['downloading'], 'failed', this.clock.now(), { error })) await this.events.status(download, 'downloading', 'failed', { error });
  }
}

function succeeded(outcome: RunOutcome): boolean {
  return !outcome.spawnError && !outcome.stoppedFor && outcome.code === 0;
}

/**
 * The file yt-dlp said it wrote last (its `Destination:` or `[Merger]` line), if it is there. Each
 * download starts in an empty folder of its own, named by its id, so yt-dlp never finds a file
 * there already (its "has already been downloaded" names no file of this download).
 */
function locateFile(reported: string | undefined, folder: string): { name: string; size: number } | undefined {
  if (reported === undefined) return undefined;
  const path = resolve(folder, reported);
  return existsSync(path) ? { name: basename(path), size: statSync(path).size } : undefined;
}
