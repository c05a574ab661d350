import { HttpResponse } from 'msw';
import type { ScenarioClock } from '../clock';

/** The ways a faked upstream can misbehave, named as a scenario would say them. */
export type FaultKind =
  | { kind: 'down' }
  | { kind: 'slow'; ms: number }
  | { kind: 'silent' }
  | { kind: 'status'; status: number }
  | { kind: 'reset' }
  | { kind: 'malformed-json' }
  | { kind: 'html' }
  | { kind: 'oversized' }
  | { kind: 'rate-limited'; retryAfterSeconds: number };

export interface Fault {
  fault: FaultKind;
  /** How many requests it still affects; undefined: until the scenario ends or the fake recovers. */
  remaining?: number;
}

/** Bodies over this are refused by the gateway (CONTRACT.md: 5 MiB). */
const OVERSIZED_BYTES = 5 * 1024 * 1024 + 1024;

/**
 * The response a fault produces, or undefined when the request should then be answered normally
 * (a slow upstream answers in the end).
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
      return HttpResponse.json({ message: 'Internal Server Error', stack: 'at upstream internals' }, { status: fault.status });
    case 'reset':
      return new Response(brokenStream('{"partial": '), { status: 200, headers: { 'content-type': 'application/json' } });
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
    case 'rate-limited':
      return HttpResponse.json(
        { message: 'Too Many Requests' },
        { status: 429, headers: { 'retry-after': String(fault.retryAfterSeconds) } },
      );
  }
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
