import type { FastifyBaseLogger } from 'fastify';
import { ApiError, notFound } from '../http/errors';
import type { GatewayServices } from '../services';
import { DownloadEvents } from './download-events';
import { DownloadQueue } from './download-queue';
import { ACTIVE, DownloadStore, type Download } from './download-store';
import { parseYouTubeLink } from './youtube-link';
import type { Container, Quality } from './yt-dlp-args';

const QUOTA_WINDOW_MS = 60 * 60 * 1000;
/** The bus's stream of downloads a stopping instance left waiting their turn. */
const LEFT_WAITING = 'downloads:left-waiting';
export const INTERRUPTED = 'interrupted: the gateway stopped while this download was running';

export interface DownloadOrder {
  url: string;
  quality: Quality;
  format: Container;
}

/** The downloads domain: who may start what, the per-user quota, cancelling, and recovery at start-up. */
export class Downloads {
  readonly store: DownloadStore;
  readonly events: DownloadEvents;
  private readonly queue: DownloadQueue;
  private readonly stopFollowing: () => void;

  constructor(private readonly services: GatewayServices, log: FastifyBaseLogger) {
    const { config, clock, db } = services;
    this.store = new DownloadStore(db);
    this.events = new DownloadEvents(db, services.events, clock);
    this.queue = new DownloadQueue(
      { ytDlpPath: config.ytDlpPath, downloadDir: config.downloadDir, concurrency: config.downloadConcurrency, stallSeconds: config.downloadStallSeconds, instance: config.instanceName },
      this.store,
      this.events,
      clock,
      log,
    );
    // A cancel taken by another instance sharing the database stops the yt-dlp this one runs: the
    // bus relays every instance's download events (realtime/events.ts).
    const stopFollowingCancels = services.events.subscribe((event) => {
      if (event.type === 'download.status' && event.data.status === 'cancelled') this.queue.cancel(event.data.downloadId as number);
    });
    // what an instance that stops left waiting, another takes up (the first to start it runs it)
    const stopTakingUp = services.events.onStreamed<number>(LEFT_WAITING, (id) => this.queue.enqueue(id));
    this.stopFollowing = () => {
      stopFollowingCancels();
      stopTakingUp();
    };
  }

  /** Accepts a download or refuses it; a refused request stores nothing, so it never counts against the quota. */
  async create(userId: number, order: DownloadOrder): Promise<Download> {
    const link = parseYouTubeLink(order.url);
    if ('problem' in link) throw new ApiError('INVALID_URL', `Only https links to one YouTube video are accepted: ${link.problem}`);
    const now = this.services.clock.now();
    const download = await this.store.forUser(userId, async (store) => {
      const active = await store.activeFor(userId, link.videoId);
      if (active) throw new ApiError('DOWNLOAD_ACTIVE', 'This video is already being downloaded', { downloadId: active.id });
      refuseOverQuota(await store.createdSince(userId, now - QUOTA_WINDOW_MS), this.services.config.downloadQuotaPerHour, now);
      return store.insert({ userId, url: order.url, videoId: link.videoId, quality: order.quality, format: order.format, createdAt: now });
    });
    await this.events.status(download, null, 'queued');
    this.queue.enqueue(download.id);
    return download;
  }

  /** The caller's own download; anyone else's is "not found" so ids cannot be probed. */
  async owned(userId: number, id: number): Promise<Download> {
    const download = await this.store.byId(id);
    if (!download || download.userId !== userId) throw notFound('download');
    return download;
  }

  async cancel(userId: number, id: number): Promise<void> {
    const download = await this.owned(userId, id);
    if (!(await this.store.move(id, ACTIVE, 'cancelled', this.services.clock.now()))) {
      throw new ApiError('DOWNLOAD_FINISHED', `This download has already ended (${(await this.store.byId(id))!.status})`); // downloads are never deleted
    }
    await this.events.status(download, download.status, 'cancelled'); // which stops the process, on whichever instance runs it
  }

  /**
   * At start-up: what this instance's previous process left running failed with it (other
   * instances' running downloads are theirs); whatever is waiting, this instance may run.
   */
  async recover(): Promise<void> {
    for (const download of await this.store.runningOn(this.services.config.instanceName)) {
      if (await this.store.move(download.id, ['downloading'], 'failed', this.services.clock.now(), { error: INTERRUPTED })) {
        await this.events.status(download, 'downloading', 'failed', { error: INTERRUPTED });
      }
    }
    for (const download of await this.store.queued()) this.queue.enqueue(download.id);
  }

  shutdown(): void {
    this.stopFollowing();
    for (const id of this.queue.shutdown()) this.services.events.streamed(LEFT_WAITING, id);
  }
}

/** Refuses a download past the hourly quota, given the creation times of the user's downloads in the window, oldest first. */
function refuseOverQuota(recent: number[], limit: number, now: number): void {
  if (recent.length < limit) return;
  // A place frees up when the download that brings the count under the limit leaves the window.
  const retryAfter = Math.max(1, Math.ceil((recent[recent.length - limit]! + QUOTA_WINDOW_MS - now) / 1000));
  throw new ApiError(
    'QUOTA_EXCEEDED',
    `At most ${limit} downloads an hour: try again in ${retryAfter} seconds`,
    { limit, windowMinutes: 60, retryAfterSeconds: retryAfter },
    { 'retry-after': String(retryAfter) },
  );
}

/** A download as the API shows it (CONTRACT.md): optional fields are left out rather than null. */
export function presentDownload(download: Download) {
  const iso = (ms: number | null) => (ms === null ? undefined : new Date(ms).toISOString());
  return {
    id: download.id,
    url: download.url,
    videoId: download.videoId,
    ...(download.title === null ? {} : { title: download.title }),
    status: download.status,
    progress: download.progress,
    quality: download.quality,
    format: download.format,
    ...(download.file ? { file: download.file } : {}),
    ...(download.error === null ? {} : { error: download.error }),
    createdAt: iso(download.createdAt)!,
    startedAt: iso(download.startedAt), // undefined is left out of the answer
    completedAt: iso(download.completedAt),
  };
}
