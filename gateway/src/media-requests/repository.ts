import { isUniqueViolation, type Sql } from '../store/sql';
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
  constructor(private readonly db: Sql) {}

  /**
   * Reserves the user's one live request for a title, recording which instance asks Overseerr;
   * undefined when one is live already. In a PostgreSQL transaction the collision ends the
   * transaction: the caller refuses at once.
   */
  async reserve(userId: number, mediaType: MediaType, tmdbId: number, instance: string, now: number): Promise<number | undefined> {
    try {
      return await this.db.value<number>(
        "INSERT INTO media_requests (user_id, media_type, tmdb_id, status, instance, created_at, updated_at) VALUES (?, ?, ?, 'creating', ?, ?, ?) RETURNING id",
        [userId, mediaType, tmdbId, instance, now, now],
      );
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
  }

  /** Fills in a reservation with what Overseerr holds. */
  async complete(id: number, fields: { title: string; seasons: number[]; status: RequestStatus; overseerrRequestId: number }, now: number): Promise<MediaRequest> {
    await this.db.run('UPDATE media_requests SET title = ?, seasons = ?, status = ?, overseerr_request_id = ?, updated_at = ? WHERE id = ?', [
      fields.title, JSON.stringify(fields.seasons), fields.status, fields.overseerrRequestId, now, id,
    ]);
    return (await this.byId(id))!;
  }

  /** A reservation whose outcome at Overseerr is unknown: kept as failed, with why. */
  async fail(id: number, title: string, reason: string, now: number): Promise<void> {
    await this.db.run("UPDATE media_requests SET status = 'failed', title = ?, reason = ?, updated_at = ? WHERE id = ?", [title, reason, now, id]);
  }

  /** Drops a reservation Overseerr refused or never received. */
  async discard(id: number): Promise<void> {
    await this.db.run("DELETE FROM media_requests WHERE id = ? AND status = 'creating'", [id]);
  }

  /**
   * Reservations this instance left when it stopped mid-call: their outcome at Overseerr is unknown.
   * Another instance's reservations are its live work, not touched.
   */
  async failInterrupted(instance: string, now: number): Promise<void> {
    await this.db.run(
      "UPDATE media_requests SET status = 'failed', reason = 'MediaNest stopped while Overseerr was being asked', updated_at = ? WHERE status = 'creating' AND instance = ?",
      [now, instance],
    );
  }

  async byId(id: number): Promise<MediaRequest | undefined> {
    const row = await this.db.get<Row>(`${SELECT} WHERE r.id = ? AND ${VISIBLE}`, [id]);
    return row && toRequest(row);
  }

  async byOverseerrId(overseerrRequestId: number): Promise<MediaRequest | undefined> {
    const row = await this.db.get<Row>(`${SELECT} WHERE r.overseerr_request_id = ? AND ${VISIBLE}`, [overseerrRequestId]);
    return row && toRequest(row);
  }

  async list(filter: RequestFilter): Promise<{ items: MediaRequest[]; total: number }> {
    const where = [VISIBLE];
    const values: unknown[] = [];
    if (filter.userId !== undefined) (where.push('r.user_id = ?'), values.push(filter.userId));
    if (filter.status) (where.push('r.status = ?'), values.push(filter.status));
    if (filter.mediaType) (where.push('r.media_type = ?'), values.push(filter.mediaType));
    const clause = where.join(' AND ');
    const total = (await this.db.value<number>(`SELECT COUNT(*) FROM media_requests r WHERE ${clause}`, values))!;
    const rows = await this.db.all<Row>(`${SELECT} WHERE ${clause} ORDER BY r.created_at, r.id LIMIT ? OFFSET ?`, [...values, filter.pageSize, (filter.page - 1) * filter.pageSize]);
    return { items: rows.map(toRequest), total };
  }

  async remove(id: number): Promise<void> {
    await this.db.run('DELETE FROM media_requests WHERE id = ?', [id]);
  }

  /**
   * Moves a request if its rules allow, in one transaction; undefined when they do not (a replay, a
   * late event). Moves of one request take turns, so two instances cannot both move it.
   */
  transition(id: number, to: RequestStatus, now: number, reason?: string): Promise<{ request: MediaRequest; previous: RequestStatus } | undefined> {
    return this.db.transaction(async (tx) => {
      await tx.lock(`media request ${id}`);
      const requests = new MediaRequestRepository(tx);
      const current = await requests.byId(id);
      if (!current || !canMove(current.status, to)) return undefined;
      await tx.run('UPDATE media_requests SET status = ?, reason = COALESCE(?, reason), updated_at = ? WHERE id = ?', [to, reason ?? null, now, id]);
      return { request: (await requests.byId(id))!, previous: current.status };
    });
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
