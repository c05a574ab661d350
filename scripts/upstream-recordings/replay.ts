/**
 * Replays the recordings with nock to the gateway's own upstream clients, proving they parse what
 * the services sent: each probe serves one exchange's recording (two for Uptime Kuma's page and
 * heartbeats), asks the client what the gateway would ask, and checks what it understood. Runs in
 * a process of its own (check-fakes.ts starts it): nock and msw do not share a process.
 */
import nock from 'nock';
import { systemClock } from '../../gateway/src/clock';
import { OverseerrApi } from '../../gateway/src/upstreams/overseerr';
import { PlexServerApi } from '../../gateway/src/upstreams/plex-server';
import { PlexTvApi } from '../../gateway/src/upstreams/plex-tv';
import { UpstreamClient } from '../../gateway/src/upstreams/upstream-client';
import { UptimeKumaApi } from '../../gateway/src/upstreams/uptime-kuma';
import { BreakerRegistry } from '../../gateway/src/resilience/breakers';
import { RECORDED_ORIGINS, UNKNOWN_PIN_ID, UNKNOWN_SLUG, UPSTREAM_NAMES, type UpstreamName } from './exchanges';
import { readRecordings, recordingOf, type Recording } from './recordings';

interface Probe {
  upstream: UpstreamName;
  exchanges: string[];
  /** Asks the gateway's client; says what it understood, or throws what it got wrong. */
  run(recorded: Recording[]): Promise<string>;
}

const CORRELATION_ID = 'check-fakes';
const TOKEN = 'recorded-secret';

function client(name: UpstreamName, path = ''): UpstreamClient {
  return new UpstreamClient({ name, baseUrl: RECORDED_ORIGINS[name] + path, timeoutMs: 5_000, clock: systemClock, breakers: new BreakerRegistry(systemClock) });
}
const plexTv = () => new PlexTvApi(client('plex-tv'), 'medianest-upstream-recorder');
const plexServer = () => new PlexServerApi(client('plex-server'));
const overseerr = () => new OverseerrApi(client('overseerr', '/api/v1'), TOKEN);
const uptimeKuma = (slug: string) => new UptimeKumaApi(client('uptime-kuma'), slug);

function must(condition: unknown, what: string): asserts condition {
  if (!condition) throw new Error(what);
}

/** The client refused the answer with this error code, as the gateway would answer its own caller. */
async function refusedWith(code: string, call: Promise<unknown>): Promise<string> {
  const outcome = await call.then(() => 'an answer', (error: { code?: string }) => error.code ?? String(error));
  must(outcome === code, `expected ${code}, the client made ${outcome} of it`);
  return `refused as ${code}`;
}

/** A segment of the recorded path: the id or key the plan took from an earlier answer. */
const segment = (recorded: Recording[], exchange: string, index: number) => recordingOf(recorded, exchange).recording.path.split('?')[0]!.split('/')[index]!;
const queryOf = (recorded: Recording[], exchange: string, name: string) => new URL(recordingOf(recorded, exchange).recording.path, 'http://x').searchParams.get(name)!;

const PROBES: Probe[] = [
  {
    upstream: 'plex-tv',
    exchanges: ['pin-created'],
    run: async () => {
      const pin = await plexTv().createPin(CORRELATION_ID);
      must(Number.isInteger(pin.id) && typeof pin.code === 'string' && pin.code.length > 0, `a PIN needs an integer id and a code, got ${JSON.stringify(pin)}`);
      must(Number.isFinite(Date.parse(pin.expiresAt)), `expiresAt is not a date: ${pin.expiresAt}`);
      return `PIN ${pin.id}, code of ${pin.code.length} characters, expires ${pin.expiresAt}`;
    },
  },
  {
    upstream: 'plex-tv',
    exchanges: ['pin-read'],
    run: async (recorded) => {
      const id = Number(segment(recorded, 'pin-read', 4));
      const pin = await plexTv().pin(id, CORRELATION_ID);
      must(pin?.id === id, `expected PIN ${id}, got ${JSON.stringify(pin)}`);
      return `PIN ${id} read, ${pin.authToken === null ? 'not yet approved' : 'approved'}`;
    },
  },
  {
    upstream: 'plex-tv',
    exchanges: ['pin-unknown'],
    run: async () => {
      must((await plexTv().pin(UNKNOWN_PIN_ID, CORRELATION_ID)) === undefined, 'an unknown PIN should read as gone');
      return 'an unknown PIN reads as gone';
    },
  },
  {
    upstream: 'plex-tv',
    exchanges: ['account'],
    run: async () => {
      const account = await plexTv().account(TOKEN, CORRELATION_ID);
      must(Number.isInteger(account.id) && typeof account.username === 'string', `an account needs an integer id and a username, got ${JSON.stringify(account)}`);
      return `account ${account.id} (${account.username})`;
    },
  },
  { upstream: 'plex-tv', exchanges: ['account-refused'], run: () => refusedWith('PLEX_TOKEN_INVALID', plexTv().account('refused', CORRELATION_ID)) },
  {
    upstream: 'plex-server',
    exchanges: ['sections'],
    run: async () => {
      const sections = await plexServer().sections(TOKEN, CORRELATION_ID);
      must(sections.length > 0 && sections.every((s) => typeof s.key === 'string' && typeof s.title === 'string'), `libraries need string keys and titles: ${JSON.stringify(sections)}`);
      return `${sections.length} libraries: ${sections.map((s) => `${s.key} ${s.title} (${s.type})`).join(', ')}`;
    },
  },
  {
    upstream: 'plex-server',
    exchanges: ['section-items'],
    run: async (recorded) => {
      const { items, total } = await plexServer().items(TOKEN, segment(recorded, 'section-items', 3), 0, 50, CORRELATION_ID);
      must(items.length > 0 && items.every((item) => typeof item.ratingKey === 'string' && typeof item.title === 'string'), 'items need string rating keys and titles');
      must(Number.isInteger(total) && total >= items.length, `the total (${total}) should count at least the ${items.length} items listed`);
      return `${items.length} of ${total} items, first "${items[0]!.title}"`;
    },
  },
  {
    upstream: 'plex-server',
    exchanges: ['recently-added'],
    run: async () => {
      const items = await plexServer().recentlyAdded(TOKEN, 50, CORRELATION_ID);
      must(items.every((item) => typeof item.ratingKey === 'string'), 'recent items need string rating keys');
      return `${items.length} recently added`;
    },
  },
  {
    upstream: 'plex-server',
    exchanges: ['hub-search'],
    run: async (recorded) => {
      const query = queryOf(recorded, 'hub-search', 'query');
      const found = await plexServer().search(TOKEN, query, 10, CORRELATION_ID);
      must(found.length > 0 && found.every((item) => typeof item.title === 'string'), `searching "${query}" should find the library item it was taken from`);
      return `"${query}" found ${found.length}`;
    },
  },
  {
    upstream: 'plex-server',
    exchanges: ['collections'],
    run: async (recorded) => {
      const collections = await plexServer().collections(TOKEN, segment(recorded, 'collections', 3), CORRELATION_ID);
      must(collections.every((c) => typeof c.ratingKey === 'string' && typeof c.title === 'string'), 'collections need string rating keys and titles');
      return `${collections.length} collections`;
    },
  },
  { upstream: 'plex-server', exchanges: ['token-refused'], run: () => refusedWith('PLEX_TOKEN_INVALID', plexServer().sections('refused', CORRELATION_ID)) },
  {
    upstream: 'overseerr',
    exchanges: ['search'],
    run: async (recorded) => {
      const found = await overseerr().search(queryOf(recorded, 'search', 'query'), 1, CORRELATION_ID);
      must(Number.isInteger(found.totalResults) && found.results.length > 0, 'a search needs a total and results');
      must(found.results.every((result) => Number.isInteger(result.id) && typeof result.mediaType === 'string'), 'results need tmdb ids and media types');
      return `${found.results.length} of ${found.totalResults} results`;
    },
  },
  {
    upstream: 'overseerr',
    exchanges: ['movie'],
    run: async (recorded) => {
      const details = await overseerr().details('movie', Number(segment(recorded, 'movie', 4)), CORRELATION_ID);
      must(typeof details.title === 'string', 'film details need a title');
      return `"${details.title}", ${details.mediaInfo ? `media status ${details.mediaInfo.status}` : 'never requested'}`;
    },
  },
  {
    upstream: 'overseerr',
    exchanges: ['users'],
    run: async (recorded) => {
      const first = (recordingOf(recorded, 'users').recording.response as { results: Array<{ id: number; email: string }> }).results[0]!;
      const user = await overseerr().userFor({ email: first.email, username: '' }, CORRELATION_ID);
      must(user?.id === first.id, `the user with email ${first.email} should be user ${first.id}, got ${JSON.stringify(user)}`);
      return `user ${user.id} found by email`;
    },
  },
  { upstream: 'overseerr', exchanges: ['key-refused'], run: (recorded) => refusedWith('UPSTREAM_ERROR', overseerr().search(queryOf(recorded, 'key-refused', 'query'), 1, CORRELATION_ID)) },
  {
    upstream: 'uptime-kuma',
    exchanges: ['status-page', 'heartbeats'],
    run: async (recorded) => {
      const readings = await uptimeKuma(decodeURIComponent(segment(recorded, 'status-page', 3))).read(CORRELATION_ID);
      const listed = (recordingOf(recorded, 'status-page').recording.response as { publicGroupList: Array<{ monitorList: Array<{ id: number; name: string }> }> }).publicGroupList.flatMap((group) => group.monitorList);
      const beats = (recordingOf(recorded, 'heartbeats').recording.response as { heartbeatList: Record<string, unknown[]> }).heartbeatList;
      must(readings.size === listed.length, `the page lists ${listed.length} monitors, the client read ${readings.size}`);
      for (const monitor of listed.filter((candidate) => beats[String(candidate.id)]?.length)) {
        const reading = readings.get(monitor.name);
        must(reading?.state !== undefined && reading.checkedAt !== null, `${monitor.name} has heartbeats, the client read no state or time: ${JSON.stringify(reading)}`);
      }
      const read = [...readings.values()];
      must(read.every((reading) => reading.uptime24h === null || (reading.uptime24h >= 0 && reading.uptime24h <= 1)), 'uptimes are fractions');
      return read.map((reading) => `${reading.name} ${reading.state ?? 'no heartbeat'} ${reading.pingMs ?? '-'} ms`).join(', ');
    },
  },
  { upstream: 'uptime-kuma', exchanges: ['unknown-page', 'unknown-heartbeats'], run: () => refusedWith('UPSTREAM_ERROR', uptimeKuma(UNKNOWN_SLUG).read(CORRELATION_ID)) },
];

/** Runs every probe; the lines to print, and how many failed. */
export async function replayToGatewayClients(recordings: Recording[]): Promise<{ lines: string[]; failed: number }> {
  nock.disableNetConnect();
  const lines: string[] = [];
  let failed = 0;
  for (const probe of PROBES) {
    nock.cleanAll();
    const recorded = recordings.filter((recording) => recording.upstream === probe.upstream);
    nock.define(probe.exchanges.map((exchange) => recordingOf(recorded, exchange).recording));
    const about = `${probe.upstream} ${probe.exchanges.join(' + ')}`;
    try {
      const understood = await probe.run(recorded);
      must(nock.isDone(), `the client did not ask for ${nock.pendingMocks().join(', ')}`);
      lines.push(`ok      ${about}: ${understood}`);
    } catch (error) {
      failed++;
      lines.push(`FAILED  ${about}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  nock.cleanAll();
  nock.enableNetConnect();
  return { lines, failed };
}

async function main(): Promise<void> {
  const { lines, failed } = await replayToGatewayClients(UPSTREAM_NAMES.flatMap(readRecordings));
  for (const line of lines) console.log(line);
  process.exit(failed ? 1 : 0);
}

if (require.main === module) void main();
