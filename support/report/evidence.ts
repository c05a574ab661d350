/**
 * The evidence of one scenario, attached as `application/vnd.medianest.evidence+json`: what the
 * people sent the gateway, what the gateway sent the upstreams and what came back live, on the
 * scenario clock (ms since the scenario started), with credentials masked. The living
 * documentation reads it; this file is the shape both sides share.
 */
export const EVIDENCE_MEDIA_TYPE = 'application/vnd.medianest.evidence+json';

/**
 * Every event has `at`, ms on the scenario clock since the scenario started (what a reader sees:
 * moved time shows), and `t`, real ms since the scenario started, which orders events the
 * virtual clock sees at the same instant.
 */
export interface Stamped {
  at: number;
  t: number;
}

/** A body as text, cut at the report's size limit; `size` is the original length in characters. */
export interface ClippedBody {
  text: string;
  size: number;
  clipped: boolean;
}

export interface ExchangeEvidence extends Stamped {
  actor: string;
  method: string;
  path: string;
  status: number;
  ms: number;
  request: { headers: Record<string, string>; body?: ClippedBody };
  response: { headers: Record<string, string>; body?: ClippedBody };
}

/** Lanes of the sequence diagram beyond the people and the gateway. */
export type Service = 'plex.tv' | 'Plex' | 'Overseerr' | 'Uptime Kuma' | 'yt-dlp';

export interface UpstreamCallEvidence extends Stamped {
  service: Service;
  method: string;
  /** Path and query string (masked). */
  path: string;
  headers: Record<string, string>;
  body?: ClippedBody;
}

export interface LiveEvidence extends Stamped {
  channel: 'WebSocket' | 'SSE';
  actor: string;
  /** The message type, or what happened to the connection: `opened`, `refused 401`, `closed 1000`. */
  type: string;
  data?: unknown;
}

export interface LogLineEvidence {
  time?: number;
  level: string;
  msg: string;
  correlationId?: string;
  /** The rest of the line, for the curious. */
  details: Record<string, unknown>;
}

export interface ClockMove extends Stamped {
  ms: number;
}

/** Scenario-clock order, then real order for what the clock saw at the same instant. */
export function byTime(a: Stamped, b: Stamped): number {
  return a.at - b.at || a.t - b.t;
}

export interface Evidence {
  clock: 'virtual' | 'real';
  exchanges: ExchangeEvidence[];
  upstream: UpstreamCallEvidence[];
  live: LiveEvidence[];
  moves: ClockMove[];
  log?: LogLineEvidence[];
}

/** Beyond this a body is clipped: a 5 MB answer must not make a 5 MB report. */
export const BODY_LIMIT = 16_384;

export function clipBody(body: unknown, limit = BODY_LIMIT): ClippedBody | undefined {
  if (body === undefined || body === '') return undefined;
  // Compact: the page pretty-prints JSON, and indentation would double the messages file.
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > limit ? { text: text.slice(0, limit), size: text.length, clipped: true } : { text, size: text.length, clipped: false };
}

const PINO_LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** pino's JSON lines as table rows; a line that is not JSON is kept as its message. */
export function parseLog(text: string): LogLineEvidence[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        const { time, level, msg, reqId, correlationId, pid: _pid, hostname: _host, ...details } = JSON.parse(line);
        return {
          time: typeof time === 'number' ? time : undefined,
          level: PINO_LEVELS[level] ?? String(level ?? ''),
          msg: String(msg ?? ''),
          correlationId: correlationId ?? reqId,
          details,
        };
      } catch {
        return { level: '', msg: line, details: {} };
      }
    });
}
