import type { Db } from '../store/database';
import type { MediaType } from '../upstreams/overseerr';
import { canMove, type RequestStatus } from './lifecycle';

export interface MediaRequest {
  id: number;
  userId: number;
  username: string;
  mediaType: MediaType;
  tmdbId: number;
  title: string;
  seasons: number[];
  status: RequestStatus;
  overseerrRequestId: number | null;
  reason: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface RequestFilter {
  userId?: number;
  status?: RequestStatus;
  mediaType?: MediaType;
  page: number;
  pageSize: number;
}

interface Row {
  id: number;
  user_id: number;
  username: string;
  media_type: MediaType;
  tmdb_id: number;
  title: string;
  seasons: string;
  status: RequestStatus;
  overseerr_request_id: number | null;
  reason: string | null;
  created_at: number;
  updated_at: number;
}

const SELECT = 'SELECT r.*, u.username FROM media_requests r JOIN users u ON u.id = r.user_id';
// a reserved row is the gateway's own bookkeeping while Overseerr is asked: nobody sees it
const VISIBLE = "r.status <> 'creating'";

/** Media requests as the gateway keeps them, beside Overseerr's own. */
export class MediaRequestRepository {
  constructor(private readonly db: Db) {}

  /** Reserves the user's one live request for a title; undefined when one is live already. */
  reserve(userId: number, mediaType: MediaType, tmdbId: number, now: number): number | undefined {
    try {
      const { lastInsertRowid } = this.db
        .prepare("INSERT INTO media_requests (user_id, media_type, tmdb_id, status, created_at, updated_at) VALUES (?, ?, ?, 'creating', ?, ?)")
        .run(userId, mediaType, tmdbId, now, now);
      return Number(lastInsertRowid);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return undefined;
      throw error;
    }
  }

  /** Fills in a reservation with what Overseerr holds. */
  complete(id: number, fields: { title: string; seasons: number[]; status: RequestStatus; overseerrRequestId: number }, now: number): MediaRequest {
    this.db
      .prepare('UPDATE media_requests SET title = ?, seasons = ?, status = ?, overseerr_request_id = ?, updated_at = ? WHERE id = ?')
      .run(fields.title, JSON.stringify(fields.seasons), fields.status, fields.overseerrRequestId, now, id);
    return this.byId(id)!;
  }

  /** A reservation whose outcome at Overseerr is unknown: kept as failed, with why. */
  fail(id: number, title: string, reason: string, now: number): void {
    this.db.prepare("UPDATE media_requests SET status = 'failed', title = ?, reason = ?, updated_at = ? WHERE id = ?").run(title, reason, now, id);
  }

  /** Drops a reservation Overseerr refused or never received. */
  discard(id: number): void {
    this.db.prepare("DELETE FROM media_requests WHERE id = ? AND status = 'creating'").run(id);
  }

  /** Reservations left by a process that stopped mid-call: their outcome at Overseerr is unknown. */
  failInterrupted(now: number): void {
    this.db
      .prepare("UPDATE media_requests SET status = 'failed', reason = 'MediaNest stopped while Overseerr was being asked', updated_at = ? WHERE status = 'creating'")
      .run(now);
  }

  byId(id: number): MediaRequest | undefined {
    const row = this.db.prepare(`${SELECT} WHERE r.id = ? AND ${VISIBLE}`).get(id) as Row | undefined;
    return row && toRequest(row);
  }

  byOverseerrId(overseerrRequestId: number): MediaRequest | undefined {
    const row = this.db.prepare(`${SELECT} WHERE r.overseerr_request_id = ? AND ${VISIBLE}`).get(overseerrRequestId) as Row | undefined;
    return row && toRequest(row);
  }

  list(filter: RequestFilter): { items: MediaRequest[]; total: number } {
    const where = [VISIBLE];
    const values: unknown[] = [];
    if (filter.userId !== undefined) (where.push('r.user_id = ?'), values.push(filter.userId));
    if (filter.status) (where.push('r.status = ?'), values.push(filter.status));
    if (filter.mediaType) (where.push('r.media_type = ?'), values.push(filter.mediaType));
    const clause = where.join(' AND ');
    const total = this.db.prepare(`SELECT COUNT(*) FROM media_requests r WHERE ${clause}`).pluck().get(...values) as number;
    const rows = this.db
      .prepare(`${SELECT} WHERE ${clause} ORDER BY r.created_at, r.id LIMIT ? OFFSET ?`)
      .all(...values, filter.pageSize, (filter.page - 1) * filter.pageSize) as Row[];
    return { items: rows.map(toRequest), total };
  }

  remove(id: number): void {
    this.db.prepare('DELETE FROM media_requests WHERE id = ?').run(id);
  }

  /** Moves a request if its rules allow, in one transaction; undefined when they do not (a replay, a late event). */
  transition(id: number, to: RequestStatus, now: number, reason?: string): { request: MediaRequest; previous: RequestStatus } | undefined {
    return this.db.transaction(() => {
      const current = this.byId(id);
      if (!current || !canMove(current.status, to)) return undefined;
      this.db.prepare('UPDATE media_requests SET status = ?, reason = COALESCE(?, reason), updated_at = ? WHERE id = ?').run(to, reason ?? null, now, id);
      return { request: this.byId(id)!, previous: current.status };
    })();
  }
}

function toRequest(row: Row): MediaRequest {
  return {
    id: row.id,
    userId: row.user_id,
    username: row.username,
    mediaType: row.media_type,
    tmdbId: row.tmdb_id,
    title: row.title,
    seasons: JSON.parse(row.seasons) as number[],
    status: row.status,
    overseerrRequestId: row.overseerr_request_id,
    reason: row.reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
