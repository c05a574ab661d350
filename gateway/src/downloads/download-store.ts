import type { Db } from '../store/database';
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
  constructor(private readonly db: Db) {}

  /** Runs `work` in one transaction: the quota count, the duplicate check and the insert see the same rows. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  insert(download: NewDownload): Download {
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO downloads (user_id, url, video_id, status, progress, quality, format, created_at, updated_at)
         VALUES (?, ?, ?, 'queued', 0, ?, ?, ?, ?)`,
      )
      .run(download.userId, download.url, download.videoId, download.quality, download.format, download.createdAt, download.createdAt);
    return this.byId(Number(lastInsertRowid))!;
  }

  byId(id: number): Download | undefined {
    const row = this.db.prepare('SELECT * FROM downloads WHERE id = ?').get(id) as DownloadRow | undefined;
    return row && toDownload(row);
  }

  activeFor(userId: number, videoId: string): Download | undefined {
    const row = this.db.prepare(`SELECT * FROM downloads WHERE user_id = ? AND video_id = ? AND status IN ('queued', 'downloading')`).get(userId, videoId) as DownloadRow | undefined;
    return row && toDownload(row);
  }

  /** The creation times of the user's downloads since `since`, oldest first: the quota window. */
  createdSince(userId: number, since: number): number[] {
    return this.db.prepare('SELECT created_at FROM downloads WHERE user_id = ? AND created_at > ? ORDER BY created_at, id').pluck().all(userId, since) as number[];
  }

  page(userId: number, status: DownloadStatus | undefined, offset: number, limit: number): { items: Download[]; total: number } {
    const filter = status ? 'AND status = ?' : '';
    const args: unknown[] = status ? [userId, status] : [userId];
    const total = this.db.prepare(`SELECT COUNT(*) FROM downloads WHERE user_id = ? ${filter}`).pluck().get(...args) as number;
    const rows = this.db.prepare(`SELECT * FROM downloads WHERE user_id = ? ${filter} ORDER BY created_at, id LIMIT ? OFFSET ?`).all(...args, limit, offset) as DownloadRow[];
    return { items: rows.map(toDownload), total };
  }

  withStatus(status: DownloadStatus): Download[] {
    return (this.db.prepare('SELECT * FROM downloads WHERE status = ? ORDER BY created_at, id').all(status) as DownloadRow[]).map(toDownload);
  }

  /** Moves a download from one of `from` to `to`; false when it had already moved elsewhere. */
  move(id: number, from: DownloadStatus[], to: DownloadStatus, now: number, changes: { error?: string; file?: { name: string; size: number } } = {}): boolean {
    const placeholders = from.map(() => '?').join(', ');
    return (
      this.db
        .prepare(
          `UPDATE downloads SET status = ?, updated_at = ?,
             started_at = CASE WHEN ? = 'downloading' THEN ? ELSE started_at END,
             completed_at = CASE WHEN ? = 'completed' THEN ? ELSE completed_at END,
             progress = CASE WHEN ? = 'completed' THEN 100 ELSE progress END,
             error = COALESCE(?, error), file_name = COALESCE(?, file_name), file_size = COALESCE(?, file_size)
           WHERE id = ? AND status IN (${placeholders})`,
        )
        .run(to, now, to, now, to, now, to, changes.error ?? null, changes.file?.name ?? null, changes.file?.size ?? null, id, ...from).changes === 1
    );
  }

  setTitle(id: number, title: string, now: number): void {
    this.db.prepare('UPDATE downloads SET title = ?, updated_at = ? WHERE id = ?').run(title, now, id);
  }

  /** Progress only rises, and only while the download runs. */
  raiseProgress(id: number, percent: number, now: number): boolean {
    return this.db.prepare(`UPDATE downloads SET progress = ?, updated_at = ? WHERE id = ? AND status = 'downloading' AND progress < ?`).run(percent, now, id, percent).changes === 1;
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
