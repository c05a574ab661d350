import { EventSource, type EventSourceFetchInit } from 'eventsource';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { checkedAgainstContract, flatten, parse, type HttpExchange } from '../api/exchange';

export interface ReceivedEvent {
  id: number;
  type: string;
  data: any;
}

export interface StreamOptions {
  /** The session token, sent as a bearer header through the EventSource's own fetch. */
  token?: string;
  /** Resumes after this event, as a reconnecting EventSource does (any text, to try bad ones). */
  lastEventId?: number | string;
  /** The event types the stream carries. */
  types: string[];
  /** After such an event the stream is over: once the gateway ends it, the client does not reconnect. */
  terminal: (event: ReceivedEvent) => boolean;
  /** The scenario clock, read as events arrive and when the stream opens. */
  now?: () => number;
  /** The connection breaks off right after this many events, as a dropped network would: nothing later is seen. */
  breakAfter?: number;
}

/**
 * One Server-Sent Events connection through the `eventsource` package. Its fetch is node:http (the
 * suite's own clients never pass through msw), which also shows what EventSource hides: the answer
 * to a refused connection, and comment lines (heartbeats).
 */
export class EventStream {
  readonly events: ReceivedEvent[] = [];
  /** When each event arrived, on the scenario clock and in real time (performance.now()), for the report. */
  readonly arrivals: Array<{ at: number; realAt: number }> = [];
  readonly comments: string[] = [];
  closed = false;
  private answer?: { status: number; headers: Record<string, string> };
  private transcript = '';
  private readonly source: EventSource;
  readonly opened = performance.now();
  /** When the stream was opened on the scenario clock. */
  readonly openedOnClock: number;
  /** Conditions steps wait for, looked at again whenever the stream receives something or ends. */
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly url: string,
    readonly actor: string,
    private readonly options: StreamOptions,
    private readonly record: (exchange: HttpExchange) => void,
  ) {
    this.openedOnClock = this.now();
    this.source = new EventSource(url, { fetch: (input, init) => this.fetch(input, init) });
    // A refused connection closes the source; after the terminal event the gateway ends the body, and
    // rather than reconnect (as EventSource would) the client is done.
    this.source.addEventListener('error', () => {
      // eventsource sets its reconnect timer after dispatching 'error': closing on the next tick clears it,
      // where closing here would leave a 3 s timer holding the process open.
      if (this.source.readyState === EventSource.CLOSED || this.events.some(options.terminal)) setImmediate(() => this.close());
    });
    for (const type of options.types) {
      this.source.addEventListener(type, (message: MessageEvent) => {
        if (this.closed) return; // the source may still dispatch the rest of a chunk that arrived with the last event seen
        this.events.push({ id: Number(message.lastEventId), type, data: JSON.parse(message.data) });
        this.arrivals.push({ at: this.now(), realAt: performance.now() });
        if (this.events.length === options.breakAfter) this.close();
        this.changed();
      });
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** The id of the last event received: what a reconnecting client sends back as Last-Event-ID. */
  get lastEventId(): number | undefined {
    return this.events.at(-1)?.id;
  }

  /** The status the gateway answered the connection with, once it has. */
  get status(): number | undefined {
    return this.answer?.status;
  }

  /**
   * Resolves once `condition` holds, looked at as each event or comment arrives and when the stream
   * ends (no polling: a waiting step costs nothing while yt-dlp works); fails after `limitMs` of real time.
   */
  until(condition: () => boolean, what: string, limitMs: number): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!condition()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`waited ${limitMs} ms for ${what}`));
      }, limitMs);
      this.waiters.add(check);
    });
  }

  private changed(): void {
    for (const check of [...this.waiters]) check();
  }

  /** Ends the connection and records it among the scenario's exchanges, for the report and the steps. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.source.close();
    this.record(checkedAgainstContract({
      actor: this.actor,
      request: { method: 'GET', path: new URL(this.url).pathname, headers: this.headers({}) },
      response: { status: this.answer?.status ?? 0, headers: this.answer?.headers ?? {}, text: this.transcript, body: parse(this.transcript) },
      durationMs: performance.now() - this.opened,
      at: this.openedOnClock,
      realAt: this.opened,
      asserted: false,
    }));
    this.changed();
  }

  private headers(fromSource: Record<string, string>): Record<string, string> {
    const headers: Record<string, string> = {};
    if (this.options.lastEventId !== undefined) headers['Last-Event-ID'] = String(this.options.lastEventId);
    Object.assign(headers, fromSource); // EventSource's own Last-Event-ID wins once it has seen events
    if (this.options.token) headers.Authorization = `Bearer ${this.options.token}`;
    return headers;
  }

  private fetch(input: string | URL, init: EventSourceFetchInit): Promise<Response> {
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(input, { method: 'GET', headers: this.headers(init.headers), signal: init.signal }, (incoming) => {
        const status = incoming.statusCode ?? 0;
        this.answer = { status, headers: flatten(incoming.headers) };
        const headers = new Headers(Object.entries(this.answer.headers));
        if (status !== 200) {
          // EventSource never reads a refusal's body: read it here, so a step can check the envelope.
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () => {
            this.transcript = Buffer.concat(chunks).toString('utf8');
            resolve(new Response([204, 205, 304].includes(status) ? null : this.transcript, { status, headers }));
          });
          return;
        }
        resolve(new Response(this.tap(incoming), { status, headers }));
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
  }

  /** The body as a web stream for EventSource, noting comment lines and the raw text on the way. */
  private tap(incoming: IncomingMessage): ReadableStream<Uint8Array> {
    let pending = '';
    let open = true;
    return new ReadableStream<Uint8Array>({
      start: (controller) => {
        const end = (error?: Error) => {
          if (!open) return;
          open = false;
          if (error) controller.error(error);
          else controller.close();
        };
        incoming.on('data', (chunk: Buffer) => {
          const text = chunk.toString('utf8');
          this.transcript += text;
          const lines = (pending + text).split('\n');
          pending = lines.pop() ?? '';
          for (const line of lines) if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
          if (open) controller.enqueue(new Uint8Array(chunk));
          this.changed();
        });
        incoming.on('end', () => end());
        incoming.on('error', (error) => end(error));
        incoming.on('close', () => end());
      },
      cancel: () => {
        open = false;
        incoming.destroy();
      },
    });
  }
}

