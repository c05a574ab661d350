import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type nock from 'nock';
import type { UpstreamName } from './exchanges';

/** A nock definition as nock's recorder writes it (`output_objects`) and `nock.define` reads it. */
export interface NockDefinition {
  scope: string;
  method: string;
  path: string;
  body?: string;
  status: number;
  response?: nock.ReplyBody;
  rawHeaders?: Record<string, string> | string[];
  responseIsBinary?: boolean;
}

/** One recorded exchange: what the upstream answered, and where the answer came from. */
export interface Recording {
  upstream: UpstreamName;
  exchange: string;
  source: string;
  recording: NockDefinition;
}

const folder = (upstream: UpstreamName) => join('support', 'upstreams', upstream, 'recorded');

export function readRecordings(upstream: UpstreamName): Recording[] {
  return readdirSync(folder(upstream))
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(folder(upstream), file), 'utf8')) as Recording);
}

export function recordingOf(recordings: Recording[], exchange: string): Recording {
  const found = recordings.find((candidate) => candidate.exchange === exchange);
  if (!found) throw new Error(`no recording of ${exchange}: run npm run record-upstreams`);
  return found;
}

/** Replaces an upstream's recordings with these. */
export function writeRecordings(upstream: UpstreamName, recordings: Recording[]): void {
  rmSync(folder(upstream), { recursive: true, force: true });
  mkdirSync(folder(upstream), { recursive: true });
  for (const recording of recordings) writeFileSync(join(folder(upstream), `${recording.exchange}.json`), `${JSON.stringify(recording, null, 2)}\n`);
}

/** Headers that differ on every call, or that would no longer be true of a trimmed body. */
const UNKEPT_HEADERS = new Set(['date', 'set-cookie', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'etag']);
const SECRET_FIELD = /token|apikey|password/i;
const KEPT_PER_LIST = 5;

/**
 * What a recording may hold: no credential (a field named like one keeps its type, not its value),
 * no cookie, and at most the last five entries of a list (Uptime Kuma sends up to 100 heartbeats per
 * monitor). The shape, which is what the checks read, is unchanged.
 */
export function kept(definition: NockDefinition): NockDefinition {
  const headers = Object.entries(asObject(definition.rawHeaders)).filter(([name]) => !UNKEPT_HEADERS.has(name.toLowerCase()));
  return { ...definition, response: scrubbed(definition.response), rawHeaders: Object.fromEntries(headers) };
}

function scrubbed<Value>(value: Value): Value;
function scrubbed(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice(-KEPT_PER_LIST).map(scrubbed);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, SECRET_FIELD.test(key) && typeof field === 'string' ? 'recorded-secret' : scrubbed(field)]),
  );
}

function asObject(headers: NockDefinition['rawHeaders']): Record<string, string> {
  if (!Array.isArray(headers)) return headers ?? {};
  const pairs: Record<string, string> = {};
  for (let i = 0; i + 1 < headers.length; i += 2) pairs[headers[i]!] = headers[i + 1]!;
  return pairs;
}

/** The content type of a recorded answer, as sent. */
export function recordedContentType(definition: NockDefinition): string {
  const entry = Object.entries(asObject(definition.rawHeaders)).find(([name]) => name.toLowerCase() === 'content-type');
  return entry?.[1] ?? '';
}
