import type { Clock } from '../clock';
import type { BreakerRegistry } from '../resilience/breakers';
import { isReset, parseJson, parseLeniently, readBounded } from '../resilience/upstream-answers';
import { withRetries } from '../resilience/retry';
import { UpstreamFailure, type UpstreamName } from '../resilience/upstream-failure';

export { MAX_UPSTREAM_BODY_BYTES } from '../resilience/upstream-answers';

export interface UpstreamRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | number>;
  headers?: Record<string, string>;
  body?: unknown;
  correlationId: string;
  /** Answers the route maps itself (401, 404, 409, ...); any other 4xx is an upstream error. */
  expectedStatuses?: number[];
  /** Whether a failed attempt may be repeated: by default GETs only. A GET that changes something says false. */
  retry?: boolean;
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
 * The one way the gateway calls an upstream: the correlation id, a bounded JSON body, the fault
 * table of CONTRACT.md, retries for reads, one deadline on the clock for the whole operation
 * (retries included, so a client never waits longer than the upstream's timeout) and the
 * upstream's breaker around it, which sees one outcome per operation.
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
    const retry = request.retry ?? (request.method ?? 'GET') === 'GET';
    return this.withinDeadline((signal) =>
      breakers.execute(name, () => {
        const once = () => this.attempt<T>(request, signal);
        return retry ? withRetries(clock, once, signal) : once();
      }, signal),
    );
  }

  /** The deadline covers the whole operation: a wait for a probe's verdict, every attempt and every backoff. */
  private async withinDeadline<T>(operation: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const { name, clock, timeoutMs } = this.settings;
    const controller = new AbortController();
    const timeout = new UpstreamFailure(name, 'UPSTREAM_TIMEOUT', `${name} did not answer within ${timeoutMs / 1000} s`, true, {}, false);
    const timer = clock.setTimeout(() => controller.abort(timeout), timeoutMs);
    try {
      return await operation(controller.signal);
    } catch (error) {
      // whatever the abort broke (the fetch, the body, a backoff, a wait), the client is told it timed out
      throw controller.signal.aborted ? timeout : error;
    } finally {
      clock.clearTimeout(timer);
    }
  }

  private async attempt<T>(request: UpstreamRequest, signal: AbortSignal): Promise<UpstreamResponse<T>> {
    const { name } = this.settings;
    let response: Response;
    try {
      // fetch's own defaults: GET without a method, no body when `body` is undefined
      response = await fetch(this.url(request), {
        method: request.method,
        headers: {
          accept: 'application/json',
          ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...request.headers,
          'x-correlation-id': request.correlationId,
        },
        body: JSON.stringify(request.body),
        signal,
      });
    } catch (error) {
      throw isReset(error)
        ? new UpstreamFailure(name, 'UPSTREAM_ERROR', `${name} broke the connection`, true)
        : new UpstreamFailure(name, 'SERVICE_UNAVAILABLE', `${name} is unreachable`, true);
    }
    if (response.status === 429) {
      void response.body?.cancel().catch(() => undefined);
      const retryAfter = response.headers.get('retry-after');
      throw new UpstreamFailure(name, 'SERVICE_UNAVAILABLE', `${name} is rate limiting us`, false, retryAfter ? { 'retry-after': retryAfter } : {}, false);
    }
    if (!response.ok && !request.expectedStatuses?.includes(response.status)) {
      void response.body?.cancel().catch(() => undefined);
      const serverError = response.status >= 500;
      throw new UpstreamFailure(name, 'UPSTREAM_ERROR', `${name} answered ${response.status}`, serverError, {}, serverError);
    }
    const text = await readBounded(response).catch(() => {
      throw new UpstreamFailure(name, 'UPSTREAM_ERROR', `${name} broke off its answer`, true);
    });
    if (text === undefined) throw new UpstreamFailure(name, 'UPSTREAM_ERROR', `${name} answered with a body too large`, true);
    if (!response.ok) return { status: response.status, headers: response.headers, body: parseLeniently(text) as T };
    return { status: response.status, headers: response.headers, body: parseJson<T>(text, response, name) };
  }

  private url(request: UpstreamRequest): string {
    const url = new URL(this.settings.baseUrl + request.path);
    for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, String(value));
    return url.toString();
  }
}
