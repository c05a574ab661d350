import type { Clock } from '../clock';
import type { GatewayEvents } from '../realtime/events';
import type { Db } from '../store/database';
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
  return event.type === 'completed' || event.type === 'failed' || (event.type === 'status' && event.data.status === 'cancelled');
}

/**
 * Everything that happens to a download, kept in the database so a reconnecting client can be
 * replayed exactly what it missed (even across a restart), handed to open streams, and published
 * on the gateway's bus for the WebSocket.
 */
export class DownloadEvents {
  constructor(
    private readonly db: Db,
    private readonly bus: GatewayEvents,
    private readonly clock: Clock,
  ) {}

  status(download: Owned, previous: DownloadStatus | null, status: DownloadStatus, detail: { error?: string; file?: { name: string; size: number } } = {}): void {
    this.append(download.id, 'status', { status });
    if (status === 'completed' && detail.file) this.append(download.id, 'completed', { file: detail.file });
    if (status === 'failed') this.append(download.id, 'failed', { error: detail.error ?? 'the download failed' });
    const data = { downloadId: download.id, status, previous, ...(detail.error ? { error: detail.error } : {}) };
    this.bus.publish({ topic: 'downloads', type: 'download.status', data, audience: { userId: download.userId } });
  }

  progress(download: Owned, percent: number): void {
    this.append(download.id, 'progress', { percent });
    this.bus.publish({ topic: 'downloads', type: 'download.progress', data: { downloadId: download.id, percent }, audience: { userId: download.userId } });
  }

  /** The events after `lastId`, in order. */
  since(downloadId: number, lastId: number): StreamEvent[] {
    const rows = this.db.prepare('SELECT seq, type, data FROM download_events WHERE download_id = ? AND seq > ? ORDER BY seq').all(downloadId, lastId) as Array<{ seq: number; type: StreamEvent['type']; data: string }>;
    return rows.map((row) => ({ id: row.seq, type: row.type, data: JSON.parse(row.data) }));
  }

  lastId(downloadId: number): number {
    return this.db.prepare('SELECT COALESCE(MAX(seq), 0) FROM download_events WHERE download_id = ?').pluck().get(downloadId) as number;
  }

  /** Calls `listener` with each new event of the download; returns the way to stop. */
  listen(downloadId: number, listener: (event: StreamEvent) => void): () => void {
    return this.bus.onStreamed(`download:${downloadId}`, listener); // through the bus: also what other instances append
  }

  private append(downloadId: number, type: StreamEvent['type'], data: Record<string, unknown>): void {
    const id = this.db.transaction(() => {
      const next = this.lastId(downloadId) + 1;
      this.db.prepare('INSERT INTO download_events (download_id, seq, type, data, created_at) VALUES (?, ?, ?, ?, ?)').run(downloadId, next, type, JSON.stringify(data), this.clock.now());
      return next;
    })();
    this.bus.streamed(`download:${downloadId}`, { id, type, data } satisfies StreamEvent);
  }
}
