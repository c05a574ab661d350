import { getResponse, HttpResponse, type HttpHandler } from 'msw';
import type { ScenarioClock } from '../clock';
import { misbehave, padded, type Fault, type FaultKind } from './faults';
import { Journal } from './journal';

export type UpstreamName = 'plex-tv' | 'plex-server' | 'overseerr' | 'uptime-kuma';

/**
 * A faked upstream: a small stateful model (in the subclass) answered through msw handlers built
 * for the fake's origin, a journal of what it received, and named fault overrides.
 */
export abstract class FakeUpstream {
  readonly journal = new Journal();
  private faults: Fault[] = [];
  private built?: { origin: string; handlers: HttpHandler[] };
  private availabilityListeners: Array<(up: boolean) => void> = [];

  constructor(
    readonly name: UpstreamName,
    public origin: string,
    protected readonly clock: ScenarioClock,
  ) {}

  /** The healthy upstream's routes, built for `origin`. */
  protected abstract handlers(origin: string): HttpHandler[];

  async handle(request: Request): Promise<Response> {
    const fault = this.takeFault(request.method);
    if (fault?.kind === 'down') return Response.error(); // refused: nothing reached the service
    await this.journal.record(request, this.clock.now());
    if (fault) {
      const faulty = await misbehave(fault, request, this.clock);
      if (faulty) return faulty;
    }
    const response = (await getResponse(this.routes(), request)) ?? HttpResponse.json({ message: 'Not Found' }, { status: 404 });
    return fault?.kind === 'padded' ? padded(response, fault.bytes) : response;
  }

  get isUp(): boolean {
    return !this.faults.some((f) => f.fault.kind === 'down' && f.remaining === undefined && f.method === undefined);
  }

  /** Applies a fault to every request until `recovers()`, or to the next `times` requests. */
  fails(fault: FaultKind, times?: number): void {
    const wasUp = this.isUp;
    this.faults.push({ fault, remaining: times });
    if (wasUp !== this.isUp) this.availabilityListeners.forEach((listener) => listener(this.isUp));
  }

  /** Answers every call, but only after `ms` on the scenario clock. */
  answersAfter(ms: number): void {
    this.fails({ kind: 'slow', ms });
  }

  /** Accepts every call and never answers, until the caller gives up. */
  staysSilent(): void {
    this.fails({ kind: 'silent' });
  }

  /** Fails the next `times` calls (with a server error unless told otherwise), then answers normally. */
  flaps(times: number, fault: FaultKind = { kind: 'status', status: 500 }): void {
    this.fails(fault, times);
  }

  recovers(): void {
    const wasUp = this.isUp;
    this.faults = [];
    if (wasUp !== this.isUp) this.availabilityListeners.forEach((listener) => listener(this.isUp));
  }

  /** A transport that must open or close a port when the fake goes down or comes back listens here. */
  onAvailabilityChange(listener: (up: boolean) => void): void {
    this.availabilityListeners.push(listener);
  }

  /** Only calls with `method` fail ("fails everything it is asked to create": POST); others are answered normally. */
  failsOnly(method: string, fault: FaultKind): void {
    this.faults.push({ fault, method });
  }

  private takeFault(method: string): FaultKind | undefined {
    const active = this.faults.find((candidate) => !candidate.method || candidate.method === method);
    if (!active) return undefined;
    if (active.remaining !== undefined && --active.remaining <= 0) this.faults.splice(this.faults.indexOf(active), 1);
    return active.fault;
  }

  private routes(): HttpHandler[] {
    if (this.built?.origin !== this.origin) this.built = { origin: this.origin, handlers: withoutDeclarationSites(() => this.handlers(this.origin)) };
    return this.built.handlers;
  }
}

/**
 * msw notes where each handler was declared by capturing a stack trace, which the suite's source
 * maps then translate frame by frame: each scenario's fakes build their handlers afresh, and that
 * note (shown only when msw prints its handlers, which the fakes never do) was most of the cost.
 */
function withoutDeclarationSites<T>(build: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return build();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
