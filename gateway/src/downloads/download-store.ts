import type { Sql } from '../store/sql';
import type { Container, Quality } from './yt-dlp-args';

export type DownloadStatus = 'queued' | 'downloading' | 'completed' | 'failed' | 'cancelled';
export const ACTIVE: DownloadStatus[] = ['queued', 'downloading'];

export interface Download {
  id: number;
  userId: number;
  url: string;
  videoId: string;
  title: string | null;
  status: DownloadStatus;
  progress: number;
  quality: Quality;
  format: Container;
  file: { name: string; size: number } | null;
  error: string | null;
  createdAt: number;
  startedAt: number | null;
  completedAt: number | null;
}

interface DownloadRow {
  id: number;
  user_id: number;
  url: string;
  video_id: string;
  title: string | null;
  status: DownloadStatus;
  progress: number;
  quality: Quality;
  format: Container;
  file_name: string | null;
  file_size: number | null;
  error: string | null;
  created_at: number;
  started_at: number | null;
  completed_at: number | null;
}

export type NewDownload = Pick<Download, 'userId' | 'url' | 'videoId' | 'quality' | 'format' | 'createdAt'>;

/** Downloads and their status moves. Each move names the statuses it may leave, so a late move (a cancel racing the end) changes nothing. */
export class DownloadStore {
  constructor(private readonly db: Sql) {}

  /**
   * Runs `work` in one transaction holding the user's lock: the quota count, the duplicate check
   * and the insert see the same rows, and no other instance's creation for the user runs between them.
   */
  forUser<T>(userId: number, work: (store: DownloadStore) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.lock(`downloads of user ${userId}`);
      return work(new DownloadStore(tx));
    });
  }

  async insert(download: NewDownload): Promise<Download> {
    const id = await this.db.value<number>(
      `INSERT INTO downloads (user_id, url, video_id, status, progress, quality, format, created_at, updated_at)
       VALUES (?, ?, ?, 'queued', 0, ?, ?, ?, ?) RETURNING id`,
      [download.userId, download.url, download.videoId, download.quality, download.format, download.createdAt, download.createdAt],
    );
    return (await this.byId(id!))!;
  }

  async byId(id: number): Promise<Download | undefined> {
    const row = await this.db.get<DownloadRow>('SELECT * FROM downloads WHERE id = ?', [id]);
    return row && toDownload(row);
  }

  async activeFor(userId: number, videoId: string): Promise<Download | undefined> {
    const row = await this.db.get<DownloadRow>(`SELECT * FROM downloads WHERE user_id = ? AND video_id = ? AND status IN ('queued', 'downloading')`, [userId, videoId]);
    return row && toDownload(row);
  }

  /** The creation times of the user's downloads since `since`, oldest first: the quota window. */
  async createdSince(userId: number, since: number): Promise<number[]> {
    const rows = await this.db.all<{ created_at: number }>('SELECT created_at FROM downloads WHERE user_id = ? AND created_at > ? ORDER BY created_at, id', [userId, since]);
    return rows.map((row) => row.created_at);
  }

  async page(userId: number, status: DownloadStatus | undefined, offset: number, limit: number): Promise<{ items: Download[]; total: number }> {
    const filter = status ? 'AND status = ?' : '';
    const args: unknown[] = status ? [userId, status] : [userId];
    const total = (await this.db.value<number>(`SELECT COUNT(*) FROM downloads WHERE user_id = ? ${filter}`, args))!;
    const rows = await this.db.all<DownloadRow>(`SELECT * FROM downloads WHERE user_id = ? ${filter} ORDER BY created_at, id LIMIT ? OFFSET ?`, [...args, limit, offset]);
    return { items: rows.map(toDownload), total };
  }

  async queued(): Promise<Download[]> {
    return (await this.db.all<DownloadRow>("SELECT * FROM downloads WHERE status = 'queued' ORDER BY created_at, id")).map(toDownload);
  }

  /** What `instance` was running: after it stopped, nobody is. */
  async runningOn(instance: string): Promise<Download[]> {
    return (await this.db.all<DownloadRow>("SELECT * FROM downloads WHERE status = 'downloading' AND instance = ? ORDER BY created_at, id", [instance])).map(toDownload);
  }

  /** Takes a queued download for `instance` to run; false when it had moved already (another instance took it, or it was cancelled). */
  async start(id: number, instance: string, now: number): Promise<boolean> {
    return (await this.db.run("UPDATE downloads SET status = 'downloading', instance = ?, started_at = ?, updated_at = ? WHERE id = ? AND status = 'queued'", [instance, now, now, id])) === 1;
  }

  /** Moves a download from one of `from` to an end `to`; false when it had already moved elsewhere. */
  async move(id: number, from: DownloadStatus[], to: DownloadStatus, now: number, changes: { error?: string; file?: { name: string; size: number } } = {}): Promise<boolean> {
    const placeholders = from.map(() => '?').join(', ');
    const changed = await this.db.run(
      `UPDATE downloads SET status = ?, updated_at = ?,
         completed_at = CASE WHEN ? = 'completed' THEN ? ELSE completed_at END,
         progress = CASE WHEN ? = 'completed' THEN 100 ELSE progress END,
         error = COALESCE(?, error), file_name = COALESCE(?, file_name), file_size = COALESCE(?, file_size)
       WHERE id = ? AND status IN (${placeholders})`,
      [to, now, to, now, to, changes.error ?? null, changes.file?.name ?? null, changes.file?.size ?? null, id, ...from],
    );
    return changed === 1;
  }

  async setTitle(id: number, title: string, now: number): Promise<void> {
    await this.db.run('UPDATE downloads SET title = ?, updated_at = ? WHERE id = ?', [title, now, id]);
  }

  /** Progress only rises, and only while the download runs. */
  async raiseProgress(id: number, percent: number, now: number): Promise<boolean> {
    return (await this.db.run(`UPDATE downloads SET progress = ?, updated_at = ? WHERE id = ? AND status = 'downloading' AND progress < ?`, [percent, now, id, percent])) === 1;
  }
}

function toDownload(row: DownloadRow): Download {
  return {
    id: row.id,
    userId: row.user_id,
    url: row.url,
    videoId: row.video_id,
    title: row.title,
    status: row.status,
    progress: row.progress,
    quality: row.quality,
    format: row.format,
    file: row.file_name === null ? null : { name: row.file_name, size: row.file_size ?? 0 },
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    completedAt: row.completed_at,
  };
}
