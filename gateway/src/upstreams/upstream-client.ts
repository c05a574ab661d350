import type { Clock } from '../clock';
import type { BreakerRegistry } from '../resilience/breakers';
import { withRetries } from '../resilience/retry';
import { UpstreamFailure, type UpstreamName } from '../resilience/upstream-failure';

export const MAX_UPSTREAM_BODY_BYTES = 5 * 1024 * 1024;

export interface UpstreamRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  body?: unknown;
  correlationId: string;
  /** Answers the route maps itself (401, 404, 409, ...); any other 4xx is an upstream error. */
  expectedStatuses?: number[];
}

export interface UpstreamResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

export interface UpstreamSettings {
  name: UpstreamName;
  baseUrl: string | undefined;
  timeoutMs: number;
  clock: Clock;
  breakers: BreakerRegistry;
}

/**
 * The one way the gateway calls an upstream: a timeout on the clock, the correlation id, a bounded
 * JSON body, the fault table of CONTRACT.md, retries for reads and the upstream's breaker around it.
 */
export class UpstreamClient {
  constructor(private readonly settings: UpstreamSettings) {}

  get name(): UpstreamName {
    return this.settings.name;
  }

  get configured(): boolean {
    return this.settings.baseUrl !== undefined;
  }

  async call<T>(request: UpstreamRequest): Promise<UpstreamResponse<T>> {
    const { name, clock, breakers } = this.settings;
    if (!this.configured) throw new UpstreamFailure(name, 'SERVICE_UNAVAILABLE', `${name} is not configured`, false);
    const once = () => this.attempt<T>(request);
    const idempotent = (request.method ?? 'GET') === 'GET';
    return breakers.execute(name, () => (idempotent ? withRetries(clock, once) : once()));
  }

  private async attempt<T>(request: UpstreamRequest): Promise<UpstreamResponse<T>> {
    const { name, clock, timeoutMs } = this.settings;
    const controller = new AbortController();
    let timedOut = false;
    const timer = clock.setTimeout(() => {
      timedOut = true;
      controller.abort(new Error('timeout'));
    }, timeoutMs);
    const fail = (code: 'UPSTREAM_ERROR' | 'SERVICE_UNAVAILABLE', message: string) =>
      timedOut
        ? new UpstreamFailure(name, 'UPSTREAM_TIMEOUT', `${name} did not answer within ${timeoutMs / 1000} s`, true)
        : new UpstreamFailure(name, code, message, true);
    try {
      let response: Response;
      try {
        response = await fetch(this.url(request), {
          method: request.method ?? 'GET',
          headers: {
            accept: 'application/json',
            'x-correlation-id': request.correlationId,
            ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...request.headers,
          },
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
          signal: controller.signal,
        });
      } catch (error) {
        throw isReset(error) ? fail('UPSTREAM_ERROR', `${name} broke the connection`) : fail('SERVICE_UNAVAILABLE', `${name} is unreachable`);
      }
      if (response.status === 429) {
        void response.body?.cancel();
        const retryAfter = response.headers.get('retry-after');
        throw new UpstreamFailure(name, 'SERVICE_UNAVAILABLE', `${name} is rate limiting us`, false, retryAfter ? { 'retry-after': retryAfter } : {}, false);
      }
      const expected = response.ok || request.expectedStatuses?.includes(response.status);
      if (!expected) {
        void response.body?.cancel();
        throw new UpstreamFailure(name, 'UPSTREAM_ERROR', `${name} answered ${response.status}`, response.status >= 500, {}, response.status >= 500);
      }
      const text = await readBounded(response).catch(() => {
        throw fail('UPSTREAM_ERROR', `${name} broke off its answer`);
      });
      if (text === undefined) throw new UpstreamFailure(name, 'UPSTREAM_ERROR', `${name} answered with a body too large`, true);
      if (!response.ok) return { status: response.status, headers: response.headers, body: parseLeniently(text) as T };
      return { status: response.status, headers: response.headers, body: parseJson<T>(text, response, name) };
    } finally {
      clock.clearTimeout(timer);
    }
  }

  private url(request: UpstreamRequest): string {
    const url = new URL(this.settings.baseUrl + request.path);
    for (const [key, value] of Object.entries(request.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    return url.toString();
  }
}

/** The body as text, or undefined when it is larger than the gateway accepts. */
async function readBounded(response: Response): Promise<string | undefined> {
  if (Number(response.headers.get('content-length') ?? 0) > MAX_UPSTREAM_BODY_BYTES) {
    void response.body?.cancel();
    return undefined;
  }
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_UPSTREAM_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson<T>(text: string, response: Response, name: UpstreamName): T {
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
function parseLeniently(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isReset(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return ['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'].includes(cause?.code ?? '');
}
