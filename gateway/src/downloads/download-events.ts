import type { Clock } from '../clock';
import type { GatewayEvents } from '../realtime/events';
import type { Sql } from '../store/sql';
import type { DownloadStatus } from './download-store';

/** One event of a download's stream, numbered from 1 per download (the SSE `id`). */
export interface StreamEvent {
  id: number;
  type: 'status' | 'progress' | 'completed' | 'failed';
  data: Record<string, unknown>;
}

interface Owned {
  id: number;
  userId: number;
}

/** After these, nothing more happens to a download: its stream ends. */
export function isTerminal(event: StreamEvent): boolean {
  return event.type === 'completed' || event.type === 'failed' || event.data.status === 'cancelled'; // only status events carry a status
}

/**
 * Everything that happens to a download, kept in the database so a reconnecting client can be
 * replayed exactly what it missed (even across a restart), handed to open streams, and published
 * on the gateway's bus for the WebSocket.
 */
export class DownloadEvents {
  constructor(
    private readonly db: Sql,
    private readonly bus: GatewayEvents,
    private readonly clock: Clock,
  ) {}

  async status(download: Owned, previous: DownloadStatus | null, status: DownloadStatus, detail: { error?: string; file?: { name: string; size: number } } = {}): Promise<void> {
    await this.append(download.id, 'status', { status });
    // only a completion carries its file, and every failure its error
    if (detail.file) await this.append(download.id, 'completed', { file: detail.file });
    if (status === 'failed') await this.append(download.id, 'failed', { error: detail.error });
    const data = { downloadId: download.id, status, previous, ...(detail.error ? { error: detail.error } : {}) };
    this.bus.publish({ topic: 'downloads', type: 'download.status', data, audience: { userId: download.userId } });
  }

  async progress(download: Owned, percent: number): Promise<void> {
    await this.append(download.id, 'progress', { percent });
    this.bus.publish({ topic: 'downloads', type: 'download.progress', data: { downloadId: download.id, percent }, audience: { userId: download.userId } });
  }

  /** The events after `lastId`, in order. */
  async since(downloadId: number, lastId: number): Promise<StreamEvent[]> {
    const rows = await this.db.all<{ seq: number; type: StreamEvent['type']; data: string }>('SELECT seq, type, data FROM download_events WHERE download_id = ? AND seq > ? ORDER BY seq', [downloadId, lastId]);
    return rows.map((row) => ({ id: row.seq, type: row.type, data: JSON.parse(row.data) }));
  }

  async lastId(downloadId: number, db: Sql = this.db): Promise<number> {
    return (await db.value<number>('SELECT COALESCE(MAX(seq), 0) FROM download_events WHERE download_id = ?', [downloadId]))!;
  }

  /** Calls `listener` with each new event of the download; returns the way to stop. */
  listen(downloadId: number, listener: (event: StreamEvent) => void): () => void {
    return this.bus.onStreamed(`download:${downloadId}`, listener); // through the bus: also what other instances append
  }

  /** Numbers the event after the download's last one; appends to one download take turns, on every instance. */
  private async append(downloadId: number, type: StreamEvent['type'], data: Record<string, unknown>): Promise<void> {
    const id = await this.db.transaction(async (tx) => {
      await tx.lock(`download events ${downloadId}`);
      const next = (await this.lastId(downloadId, tx)) + 1;
      await tx.run('INSERT INTO download_events (download_id, seq, type, data, created_at) VALUES (?, ?, ?, ?, ?)', [downloadId, next, type, JSON.stringify(data), this.clock.now()]);
      return next;
    });
    this.bus.streamed(`download:${downloadId}`, { id, type, data } satisfies StreamEvent);
  }
}
