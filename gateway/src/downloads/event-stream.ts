import type { FastifyReply } from 'fastify';
import type { Clock, TimerHandle } from '../clock';
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
  const already = Object.entries(reply.getHeaders()).filter((entry): entry is [string, string | number | string[]] => entry[1] !== undefined);
  raw.writeHead(200, {
    ...Object.fromEntries(already), // the correlation id and the security headers set by the hooks
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  raw.flushHeaders();

  let lastSent = options.after;
  let heartbeat: TimerHandle | undefined;
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    unlisten?.();
    if (heartbeat) clock.clearTimeout(heartbeat);
    open.delete(finish);
    if (!raw.writableEnded) raw.end();
  };
  const send = (event: StreamEvent) => {
    if (finished || event.id <= lastSent) return; // replay and live overlap: each id goes out once
    lastSent = event.id;
    raw.write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
    if (isTerminal(event)) finish();
  };
  const beat = () => {
    heartbeat = clock.setTimeout(() => {
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
  if (finished) return;
  if (options.ended) return finish();
  beat();
}
