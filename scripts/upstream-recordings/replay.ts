/**
 * Replays the recordings with nock to the gateway's own upstream clients (the probes of ./probes),
 * proving they parse what the services sent. Runs in a process of its own (check-fakes.ts starts
 * it): nock and msw do not share a process.
 */
import nock from 'nock';
import { UPSTREAM_NAMES } from './exchanges';
import { OVERSEERR_PROBES } from './probes/overseerr';
import { PLEX_SERVER_PROBES } from './probes/plex-server';
import { PLEX_TV_PROBES } from './probes/plex-tv';
import { must, type Probe } from './probes/probe';
import { UPTIME_KUMA_PROBES } from './probes/uptime-kuma';
import { readRecordings, recordingOf, type Recording } from './recordings';

const PROBES: Probe[] = [...PLEX_TV_PROBES, ...PLEX_SERVER_PROBES, ...OVERSEERR_PROBES, ...UPTIME_KUMA_PROBES];

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
  process.exitCode = 1; // a replay that ends without a verdict is a failure
  const { lines, failed } = await replayToGatewayClients(UPSTREAM_NAMES.flatMap(readRecordings));
  for (const line of lines) console.log(line);
  process.exit(failed ? 1 : 0);
}

if (require.main === module) void main(); // the tests import the replay without running it
