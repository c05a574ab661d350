import type { Clock, TimerHandle } from '../../../gateway/src/clock';
import { BreakerRegistry } from '../../../gateway/src/resilience/breakers';
import { OverseerrApi } from '../../../gateway/src/upstreams/overseerr';
import { PlexServerApi } from '../../../gateway/src/upstreams/plex-server';
import { PlexTvApi } from '../../../gateway/src/upstreams/plex-tv';
import { UpstreamClient } from '../../../gateway/src/upstreams/upstream-client';
import { UptimeKumaApi } from '../../../gateway/src/upstreams/uptime-kuma';
import { RECORDED_ORIGINS, type UpstreamName } from '../exchanges';
import { recordingOf, type Recording } from '../recordings';

/**
 * A probe of one of the gateway's upstream clients: it is served one exchange's recording (two for
 * Uptime Kuma's page and heartbeats), asks what the gateway would ask, and checks what it understood.
 */
export interface Probe {
  upstream: UpstreamName;
  exchanges: string[];
  /** Asks the gateway's client; says what it understood, or throws what it got wrong. */
  run(recorded: Recording[]): Promise<string>;
}

export const CORRELATION_ID = 'check-fakes';
export const TOKEN = 'recorded-secret';

/** The system clock with timers that keep the process alive: a retry's backoff is all there is to wait for here. */
const clock: Clock = { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as TimerHandle, clearTimeout: (handle) => clearTimeout(handle as unknown as NodeJS.Timeout) };

function client(name: UpstreamName, path = ''): UpstreamClient {
  return new UpstreamClient({ name, baseUrl: RECORDED_ORIGINS[name] + path, timeoutMs: 3_000, clock, breakers: new BreakerRegistry(clock) });
}
export const plexTv = () => new PlexTvApi(client('plex-tv'), 'medianest-upstream-recorder');
export const plexServer = () => new PlexServerApi(client('plex-server'));
export const overseerr = () => new OverseerrApi(client('overseerr', '/api/v1'), TOKEN);
export const uptimeKuma = (slug: string) => new UptimeKumaApi(client('uptime-kuma'), slug);

export function must(condition: unknown, what: string): asserts condition {
  if (!condition) throw new Error(what);
}

/** The client refused the answer with this error code, as the gateway would answer its own caller. */
export async function refusedWith(code: string, call: Promise<unknown>): Promise<string> {
  const outcome = await call.then(() => 'an answer', (error: { code?: string }) => error.code ?? String(error));
  must(outcome === code, `expected ${code}, the client made ${outcome} of it`);
  return `refused as ${code}`;
}

/** A segment of the recorded path: the id or key the plan took from an earlier answer. */
export const segment = (recorded: Recording[], exchange: string, index: number) => recordingOf(recorded, exchange).recording.path.split('?')[0]!.split('/')[index]!;
export const queryOf = (recorded: Recording[], exchange: string, name: string) => new URL(recordingOf(recorded, exchange).recording.path, 'http://x').searchParams.get(name)!;
