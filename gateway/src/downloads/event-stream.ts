import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyReply } from 'fastify';
import type { Clock } from '../clock';
import { isTerminal, type DownloadEvents, type StreamEvent } from './download-events';

export const HEARTBEAT_MS = 15_000;

export interface EventStreamOptions {
  downloadId: number;
  /** The last event the client already has (its `Last-Event-ID`), 0 for none. */
  after: number;
  /** Whether the download has ended, so the stream ends once its story is told. */
  ended: boolean;
  events: DownloadEvents;
  clock: Clock;
  /** Open streams of this gateway, ended when it closes. */
  open: Set<() => void>;
}

/**
 * Serves a download's events as Server-Sent Events: first what the client missed, then each new
 * one as it happens, with a comment heartbeat on the clock so proxies keep the connection; the
 * stream ends after the terminal event.
 */
export async function serveEventStream(reply: FastifyReply, options: EventStreamOptions): Promise<void> {
  const { downloadId, events, clock, open } = options;
  // Listening starts before the replay is read, and what arrives meanwhile waits for it: no event
  // can fall between the two. A replay the database cannot give is refused before the stream opens.
  const arrived: StreamEvent[] = [];
  let deliver = (event: StreamEvent): void => void arrived.push(event);
  const unlisten = options.ended ? undefined : events.listen(downloadId, (event) => deliver(event));
  let replay: StreamEvent[];
  try {
    replay = await events.since(downloadId, options.after);
  } catch (error) {
    unlisten?.();
    throw error;
  }
  const raw = reply.raw;
  reply.hijack();
  raw.writeHead(200, {
    // the correlation id and the security headers set by the hooks (Fastify keeps no header undefined)
    ...(reply.getHeaders() as OutgoingHttpHeaders),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  raw.flushHeaders();

  let lastSent = options.after;
  let finished = false;
  // each step is harmless when repeated (the terminal event, then the client leaving, both finish)
  const finish = () => {
    finished = true;
    unlisten?.();
    open.delete(finish);
    raw.end();
  };
  const send = (event: StreamEvent) => {
    if (finished || event.id <= lastSent) return; // replay and live overlap: each id goes out once
    lastSent = event.id;
    raw.write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
    if (isTerminal(event)) finish();
  };
  // a heartbeat due after the stream finished does nothing and sets no other
  const beat = () => {
    clock.setTimeout(() => {
      if (finished) return;
      raw.write(': heartbeat\n\n');
      beat();
    }, HEARTBEAT_MS);
  };

  open.add(finish);
  raw.on('close', finish);
  if (raw.destroyed) return finish(); // the client left while the replay was read
  deliver = send;
  for (const event of [...replay, ...arrived]) send(event);
  if (options.ended) return finish();
  beat();
}
