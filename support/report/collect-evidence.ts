import { join } from 'node:path';
import type { HttpExchange } from '../api/exchange';
import { JWT_SECRET, WEBHOOK_SECRET } from '../target/environment';
import type { UpstreamName } from '../upstreams/fake-upstream';
import { OVERSEERR_API_KEY } from '../upstreams/upstreams';
import { readYtDlpJournal } from '../upstreams/yt-dlp/journal';
import type { MediaNestWorld } from '../world';
import { byTime, clipBody, parseLog, type Evidence, type LiveEvidence, type Service, type UpstreamCallEvidence } from './evidence';
import { Masker } from './mask';

const SERVICE: Record<UpstreamName, Service> = { 'plex-tv': 'plex.tv', 'plex-server': 'Plex', overseerr: 'Overseerr', 'uptime-kuma': 'Uptime Kuma' };

/** Every credential the scenario is known to have handled, so none reaches a report. */
export function scenarioMasker(world: MediaNestWorld): Masker {
  const masker = new Masker([JWT_SECRET, WEBHOOK_SECRET, OVERSEERR_API_KEY, ...world.upstreams.plexTv.model.issuedTokens]);
  for (const [name, value] of Object.entries(world.env)) if (/SECRET|KEY|TOKEN/.test(name)) masker.learn(value);
  for (const exchange of world.exchanges) {
    masker.learnHeaders(exchange.request.headers);
    masker.learnHeaders(exchange.response.headers);
    masker.learnFields(exchange.request.body);
    masker.learnFields(exchange.response.body);
  }
  for (const fake of world.upstreams.all()) for (const entry of fake.journal.entries) masker.learnHeaders(entry.headers);
  return masker;
}

/** Converts the clock readings and real-time readings of one scenario into times since it started. */
interface Stamps {
  at(clockReading: number): number;
  t(realReading: number): number;
}

/** The scenario's evidence on its clock, masked; `logText` is the gateway log, given on failure. */
export function collectEvidence(world: MediaNestWorld, masker: Masker, logText?: string): Evidence {
  const stamps: Stamps = { at: (reading) => reading - world.startedAt, t: (reading) => Math.round((reading - world.realStartedAt) * 1000) / 1000 };
  return {
    clock: world.clock.virtual ? 'virtual' : 'real',
    exchanges: world.exchanges.map((exchange) => describeExchange(exchange, stamps, masker)),
    upstream: [...fakeCalls(world, stamps, masker), ...ytDlpRuns(world, stamps)].sort(byTime),
    live: liveMessages(world, stamps, masker).sort(byTime),
    moves: world.clock.moves.map(({ from, ms, realAt }) => ({ at: stamps.at(from), t: stamps.t(realAt), ms })),
    ...(logText === undefined ? {} : { log: masker.json(parseLog(logText)) }),
  };
}

function describeExchange(exchange: HttpExchange, stamps: Stamps, masker: Masker) {
  const { request, response } = exchange;
  return {
    actor: exchange.actor,
    method: request.method,
    path: masker.text(request.path),
    status: response.status,
    ms: Math.round(exchange.durationMs * 10) / 10,
    at: stamps.at(exchange.at),
    t: stamps.t(exchange.realAt),
    request: { headers: masker.headers(request.headers), body: maskedBody(request.body, masker) },
    response: { headers: masker.headers(response.headers), body: maskedBody(response.body ?? response.text, masker) },
  };
}

function maskedBody(body: unknown, masker: Masker) {
  const clipped = clipBody(typeof body === 'string' ? body : masker.json(body));
  return clipped && { ...clipped, text: masker.text(clipped.text) };
}

function fakeCalls(world: MediaNestWorld, stamps: Stamps, masker: Masker): UpstreamCallEvidence[] {
  return world.upstreams.all().flatMap((fake) =>
    fake.journal.entries.map((entry) => {
      const query = new URLSearchParams(entry.query).toString();
      return {
        service: SERVICE[fake.name],
        method: entry.method,
        path: masker.text(`${entry.path}${query ? `?${query}` : ''}`),
        at: stamps.at(entry.at),
        t: stamps.t(entry.realAt),
        headers: masker.headers(entry.headers),
        body: maskedBody(entry.body, masker),
      };
    }),
  );
}

/**
 * yt-dlp runs in a child process on its own wall clock: each line is placed in real time since the
 * scenario started, and on the scenario clock at the time the clock showed then.
 */
function ytDlpRuns(world: MediaNestWorld, stamps: Stamps): UpstreamCallEvidence[] {
  const journal = world.env.FAKE_YTDLP_JOURNAL ?? join(world.workDir, 'yt-dlp-journal.ndjson');
  const wallStart = performance.timeOrigin + world.realStartedAt;
  const clockAt = (t: number) =>
    world.clock.virtual ? world.clock.moves.filter((move) => stamps.t(move.realAt) <= t).reduce((sum, move) => sum + move.ms, 0) : t;
  return readYtDlpJournal(journal).flatMap((entry) => {
    const t = Math.max(0, entry.at - wallStart);
    const call = (method: string, path: string) => [{ service: 'yt-dlp' as const, method, path, at: clockAt(t), t, headers: {} }];
    if (entry.event === 'start') return call('run', entry.argv.join(' '));
    if (entry.event === 'signal') return call(entry.signal, entry.ignored ? '(ignored)' : '');
    if (entry.event === 'exit') return call('exit', `code ${entry.code}`);
    return [];
  });
}

function liveMessages(world: MediaNestWorld, stamps: Stamps, masker: Masker): LiveEvidence[] {
  const sockets = world.live.all.flatMap((connection): LiveEvidence[] => {
    const channel = 'WebSocket' as const;
    const actor = connection.owner;
    const opened = connection.refused ? `refused ${connection.refused.status}` : 'opened';
    return [
      { channel, actor, type: opened, at: stamps.at(connection.openedOnClock), t: stamps.t(connection.openedAt) },
      ...connection.messages.map((message) => ({ channel, actor, type: message.type, at: stamps.at(message.at), t: stamps.t(message.receivedAt), data: masker.json(message.data) })),
      ...(connection.closed && connection.closedOnClock !== undefined && connection.closedAt !== undefined && !connection.refused
        ? [{ channel, actor, type: `closed ${connection.closed.code}`, at: stamps.at(connection.closedOnClock), t: stamps.t(connection.closedAt) }]
        : []),
    ];
  });
  const streams = world.eventStreams.flatMap((stream): LiveEvidence[] => {
    const channel = 'SSE' as const;
    const opened = stream.status === undefined || stream.status === 200 ? 'opened' : `refused ${stream.status}`;
    return [
      { channel, actor: stream.actor, type: opened, at: stamps.at(stream.openedOnClock), t: stamps.t(stream.opened) },
      ...stream.events.map((event, index) => {
        const arrival = stream.arrivals[index]!;
        return { channel, actor: stream.actor, type: event.type, at: stamps.at(arrival.at), t: stamps.t(arrival.realAt), data: masker.json(event.data) };
      }),
    ];
  });
  return [...sockets, ...streams];
}
