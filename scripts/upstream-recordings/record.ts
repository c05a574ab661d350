/**
 * `npm run record-upstreams`: records, with nock's recorder, what a real plex.tv, Plex Media Server,
 * Overseerr and Uptime Kuma answer to the exchanges of exchanges.ts (reads, and one PIN request),
 * into support/upstreams/<name>/recorded/. The install is named by RECORD_* variables (README,
 * "Keeping the fakes honest"); `--stand-in` records from the stand-ins of ./stand-in instead,
 * which is where the shipped recordings come from.
 */
import nock from 'nock';
import { EXCHANGES, RECORDED_ORIGINS, UPSTREAM_NAMES, type Answers, type Install, type UpstreamName } from './exchanges';
import { installFromEnvironment } from './install';
import { kept, writeRecordings, type NockDefinition, type Recording } from './recordings';
import { STAND_IN_CREDENTIALS, startStandIns } from './stand-in/serve';

const STAND_IN_SOURCE = 'the stand-in of scripts/upstream-recordings/stand-in, written from UPSTREAMS.md';

/** Runs every exchange against the install in order, with nock's recorder on; nothing is written if one fails. */
async function record(install: Install, source: string): Promise<Recording[]> {
  const answers: Answers = {};
  const recordings: Recording[] = [];
  nock.recorder.rec({ output_objects: true, dont_print: true });
  try {
    for (const exchange of EXCHANGES) {
      const request = exchange.request(install, answers);
      const response = await fetch(install.origins[exchange.upstream] + request.path, { method: request.method, headers: request.headers });
      const text = await response.text();
      answers[exchange.name] = { status: response.status, body: parsed(text) };
      const [definition, ...more] = nock.recorder.play() as NockDefinition[];
      nock.recorder.clear();
      if (!definition || more.length > 0) throw new Error(`${exchange.upstream} ${exchange.name}: expected one recorded call, got ${more.length + (definition ? 1 : 0)}`);
      recordings.push({ upstream: exchange.upstream, exchange: exchange.name, source, recording: kept(relocated(definition, exchange.upstream, install)) });
      console.log(`${exchange.upstream.padEnd(12)} ${exchange.name.padEnd(19)} ${request.method} ${request.path.split('?')[0]} -> ${response.status}`);
    }
  } finally {
    nock.restore();
  }
  return recordings;
}

/** Recorded against the recording origin, the path as the gateway's client would ask it, whatever the install's address. */
function relocated(definition: NockDefinition, upstream: UpstreamName, install: Install): NockDefinition {
  const base = new URL(install.origins[upstream]).pathname.replace(/\/$/, '');
  const path = base && definition.path.startsWith(base) ? definition.path.slice(base.length) : definition.path;
  return { ...definition, scope: RECORDED_ORIGINS[upstream], path };
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function main(): Promise<void> {
  let install: Install;
  let source: string;
  let stop: () => Promise<void> = async () => undefined;
  if (process.argv.includes('--stand-in')) {
    const standIns = await startStandIns();
    install = { origins: standIns.origins, ...STAND_IN_CREDENTIALS, overseerrQuery: 'matrix' };
    source = STAND_IN_SOURCE;
    stop = standIns.close;
  } else {
    const found = installFromEnvironment(process.env);
    if ('missing' in found) {
      console.error(`record-upstreams records from a real install (a team's staging one); set ${found.missing.join(', ')}.`);
      console.error('Or run it with --stand-in to record from the stand-ins written from UPSTREAMS.md.');
      process.exit(2);
    }
    install = found;
    source = `the install at ${UPSTREAM_NAMES.map((name) => found.origins[name]).join(', ')}`;
  }
  try {
    const recordings = await record(install, source);
    for (const upstream of UPSTREAM_NAMES) writeRecordings(upstream, recordings.filter((recording) => recording.upstream === upstream));
    console.log(`\n${recordings.length} exchanges recorded into support/upstreams/<name>/recorded/ from ${source}`);
  } finally {
    await stop();
  }
}

if (require.main === module) void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
