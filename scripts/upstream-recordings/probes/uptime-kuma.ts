import { UNKNOWN_SLUG } from '../exchanges';
import { recordingOf } from '../recordings';
import { CORRELATION_ID, must, type Probe, refusedWith, segment, uptimeKuma } from './probe';

/** What Uptime Kuma's client must understand of the recordings. */
export const UPTIME_KUMA_PROBES: Probe[] = [
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
