import { HttpResponse } from 'msw';
import type { ScenarioClock } from '../clock';

/**
 * The ways a faked upstream can misbehave (the rows of CONTRACT.md "Upstream faults"). Any of them
 * can be applied for good or to the next N calls, which makes an upstream that flaps: it fails N
 * times, then recovers. A refused connection ('down') for N calls is exact in-process only; on
 * loopback ports a counted 'down' can only drop an accepted connection, which reads as a reset.
 */
export type FaultKind =
  | { kind: 'down' }
  | { kind: 'slow'; ms: number }
  | { kind: 'silent' }
  | { kind: 'status'; status: number }
  | { kind: 'reset' }
  | { kind: 'cut-off' }
  | { kind: 'malformed-json' }
  | { kind: 'html' }
  | { kind: 'oversized' }
  | { kind: 'announces-oversized' }
  | { kind: 'untyped' }
  | { kind: 'padded'; bytes: number }
  | { kind: 'rate-limited'; retryAfterSeconds: number };

/** The words scenarios use for a fault, as in "Given Overseerr answers with malformed JSON". */
export const FAULT_WORDS = {
  'is down': { kind: 'down' },
  'stays silent': { kind: 'silent' },
  'answers every call with a server error': { kind: 'status', status: 500 },
  'answers with a server error': { kind: 'status', status: 500 },
  'is unavailable for maintenance': { kind: 'status', status: 503 },
  'breaks off its answers mid-way': { kind: 'reset' },
  'breaks the connection before answering': { kind: 'cut-off' },
  'answers with malformed JSON': { kind: 'malformed-json' },
  'answers with an HTML page instead of JSON': { kind: 'html' },
  'answers with a body over 5 MiB': { kind: 'oversized' },
  'announces a body over 5 MiB, then sends nothing': { kind: 'announces-oversized' },
  'answers with a body of exactly 5 MiB': { kind: 'padded', bytes: 5 * 1024 * 1024 },
  'answers with text that does not say what it is': { kind: 'untyped' },
  'asks MediaNest to slow down': { kind: 'rate-limited', retryAfterSeconds: 30 },
  'refuses MediaNest\'s credentials': { kind: 'status', status: 403 },
} as const satisfies Record<string, FaultKind>;

export type FaultWords = keyof typeof FAULT_WORDS;

export interface Fault {
  fault: FaultKind;
  /** How many requests it still affects; undefined: until the scenario ends or the fake recovers. */
  remaining?: number;
  /** Only requests with this method are affected ("everything it is asked to create": POST). */
  method?: string;
}

/** Bodies over this are refused by the gateway (CONTRACT.md: 5 MiB). */
const OVERSIZED_BYTES = 5 * 1024 * 1024 + 1024;

/**
 * The response a fault produces, or undefined when the request should then be answered normally
 * (a slow upstream answers in the end; a padded answer is the normal one, made longer by `padded`).
 */
export async function misbehave(fault: FaultKind, request: Request, clock: ScenarioClock): Promise<Response | undefined> {
  switch (fault.kind) {
    case 'down':
      return Response.error();
    case 'slow':
      // A caller that gave up gets nothing more: the connection is gone.
      return clock.sleep(fault.ms, request.signal).then(() => undefined, () => Response.error());
    case 'silent':
      await new Promise((resolve) => request.signal.addEventListener('abort', resolve));
      return Response.error();
    case 'status':
      // a server error that leaks its internals, as careless servers do: the gateway must not pass it on
      if (fault.status >= 500) return HttpResponse.json({ message: 'Internal Server Error', stack: 'at upstream internals' }, { status: fault.status });
      return HttpResponse.json({ message: `refused with ${fault.status}` }, { status: fault.status });
    case 'reset':
      return new Response(brokenStream('{"partial": '), { status: 200, headers: { 'content-type': 'application/json' } });
    case 'cut-off':
      return connectionReset();
    case 'malformed-json':
      return new Response('{"results": [{"id": 1,', { status: 200, headers: { 'content-type': 'application/json' } });
    case 'html':
      return new Response('<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>', {
        status: 200,
        headers: { 'content-type': 'text/html' },
      });
    case 'oversized':
      return new Response(`{"padding":"${'x'.repeat(OVERSIZED_BYTES)}"}`, {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    case 'announces-oversized':
      return new Response(silentStream(request.signal), {
        status: 200,
        headers: { 'content-type': 'application/json', 'content-length': String(OVERSIZED_BYTES) },
      });
    case 'untyped':
      // bytes, not a string: a string body would be labelled text/plain
      return new Response(new TextEncoder().encode('Service is starting'), { status: 200 });
    case 'padded':
      return undefined;
    case 'rate-limited':
      return HttpResponse.json(
        { message: 'Too Many Requests' },
        { status: 429, headers: { 'retry-after': String(fault.retryAfterSeconds) } },
      );
  }
}

/**
 * The normal answer, its JSON made exactly `bytes` long by a field no client reads, with the
 * Content-Length a server declares.
 */
export async function padded(response: Response, bytes: number): Promise<Response> {
  const body = JSON.stringify({ ...(await response.json()), padding: '' }); // ends with "padding":""}
  const text = `${body.slice(0, -2)}${'x'.repeat(bytes - Buffer.byteLength(body))}"}`;
  const headers = new Headers(response.headers);
  headers.set('content-length', String(Buffer.byteLength(text)));
  return new Response(text, { status: response.status, headers });
}

/**
 * The connection reset before any answer. In process, msw makes fetch reject with a TypeError whose
 * cause is this network-error response, where undici's rejection has the socket's error as its cause,
 * with the code ECONNRESET: so the response carries that code. On loopback ports the transport
 * destroys the socket instead, and the gateway's fetch sees the real thing.
 */
function connectionReset(): Response {
  return Object.assign(Response.error(), { code: 'ECONNRESET' });
}

/** A body that never comes, until the caller gives up. */
function silentStream(signal: AbortSignal): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      signal.addEventListener('abort', () => controller.error(signal.reason), { once: true });
    },
  });
}

/** A body that starts, then fails: the connection reset mid-response. */
function brokenStream(start: string): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(start));
      controller.error(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    },
  });
}
