import { FetchInterceptor } from '@mswjs/interceptors/fetch';
import { http, HttpResponse, passthrough } from 'msw';
import { defineNetwork, InterceptorSource } from 'msw/experimental';
import type { FakeUpstream } from '../fake-upstream';
import { isLoopback, type NetworkGuard } from '../network-guard';

/**
 * Serves fakes to a gateway in this process: msw intercepts its outgoing fetch calls and hands each
 * to the fake that owns the origin. Started once per worker; each scenario attaches its own fakes.
 * Only fetch is intercepted: the suite's own drivers (node:http, ws) never pass through msw.
 */
export class InProcessTransport {
  private fakes = new Map<string, FakeUpstream>();
  private readonly network;

  constructor(private readonly guard: NetworkGuard) {
    this.network = defineNetwork({
      sources: [new InterceptorSource({ interceptors: [new FetchInterceptor() as never] })],
      handlers: [http.all('*', ({ request }) => this.route(request))],
      context: { quiet: true },
      onUnhandledFrame: 'error',
    });
    this.network.enable();
    this.refuseWhatFetchRefuses();
  }

  /**
   * msw's interceptor takes methods Node's fetch refuses: an empty one goes out as GET, TRACE and
   * TRACK go through, CONNECT fails inside msw. In front of it, fetch refuses them here as it does
   * without msw, with Node's own TypeError, so a gateway that names an invalid method fails
   * in-process as it would when spawned.
   */
  private refuseWhatFetchRefuses(): void {
    const intercepted = globalThis.fetch;
    const checked: typeof fetch = (input, init) => {
      try {
        if (init?.method !== undefined) new Request('http://localhost/', { method: init.method });
      } catch (error) {
        return Promise.reject(error);
      }
      return intercepted(input, init);
    };
    globalThis.fetch = checked;
    this.restoreFetch = () => {
      if (globalThis.fetch === checked) globalThis.fetch = intercepted;
    };
  }

  private restoreFetch = () => undefined as void;

  attach(fakes: FakeUpstream[]): void {
    this.fakes = new Map(fakes.map((fake) => [fake.origin, fake]));
  }

  close(): void {
    this.restoreFetch();
    this.network.disable();
  }

  private route(request: Request) {
    const url = new URL(request.url);
    const fake = this.fakes.get(url.origin);
    if (fake) return fake.handle(request);
    if (isLoopback(url.hostname)) return passthrough();
    this.guard.block(request);
    return HttpResponse.error();
  }
}
