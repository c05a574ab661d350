import { UpstreamFailure, type UpstreamName } from './upstream-failure';

/** Bodies over this are refused (CONTRACT.md, "Upstream faults"). */
export const MAX_UPSTREAM_BODY_BYTES = 5 * 1024 * 1024;

/**
 * The body as text, or undefined when it is larger than the gateway accepts. An oversized body is
 * abandoned without awaiting its cancellation, which may never settle (a teed or stalled stream).
 */
export async function readBounded(response: Response): Promise<string | undefined> {
  if (Number(response.headers.get('content-length') ?? 0) > MAX_UPSTREAM_BODY_BYTES) {
    void response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks).toString('utf8');
    size += value.byteLength;
    if (size > MAX_UPSTREAM_BODY_BYTES) {
      void reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
}

export function parseJson<T>(text: string, response: Response, name: UpstreamName): T {
  if (text === '') return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) throw new UpstreamFailure(name, 'UPSTREAM_ERROR', `${name} answered ${type || 'something'} instead of JSON`, true);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new UpstreamFailure(name, 'UPSTREAM_ERROR', `${name} answered malformed JSON`, true);
  }
}

/** Refusals (404, 409, ...) are mapped by status; their body is read when it happens to be JSON. */
export function parseLeniently(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function isReset(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return ['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'].includes(cause?.code ?? '');
}
