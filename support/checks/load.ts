import { expect } from './chai';
import { checkLoad, latencyBound, percentOf } from '../load/check';
import { DownloadFollowers } from '../load/download-followers';
import { answersPerProcessorSecond } from '../load/driver';
import { gatewayRuns, loadSeries } from '../load/record';
import { ROUNDS } from '../load/rounds';
import type { MediaNestWorld } from '../world';

/** Questions about a load run: what every call was answered (behaviour), and how fast (figures, attached before they are judged). */
export const LoadChecks = {
  noCallFailed(world: MediaNestWorld): void {
    for (const [run, gateway] of gatewayRuns(world).entries()) {
      const failed = { errors: gateway.errors, timeouts: gateway.timeouts, statuses: Object.keys(gateway.statuses).filter((status) => !status.startsWith('2')) };
      expect(failed, `Expected no call of run ${run + 1} to fail, but it was answered ${JSON.stringify(gateway.statuses)}`).to.deep.equal({ errors: 0, timeouts: 0, statuses: [] });
    }
  },

  everyAnswer(world: MediaNestWorld, status: string): void {
    for (const [run, { statuses, errors, timeouts }] of gatewayRuns(world).entries()) {
      expect({ failed: errors + timeouts, statuses: Object.keys(statuses) }, `Expected every call of run ${run + 1} answered ${status}, but it was answered ${JSON.stringify(statuses)} with ${errors + timeouts} connection errors and timeouts`).to.deep.equal({ failed: 0, statuses: [status] });
    }
  },

  burstAnswered(world: MediaNestWorld, admitted: number, refused: number): void {
    const { statuses, errors } = loadSeries(world, 'gateway beside').figures;
    expect({ errors, statuses }, `Expected ${admitted} answered and ${refused} told to retry later`).to.deep.equal({ errors: 0, statuses: { '200': admitted, '429': refused } });
  },

  throughputAgainstBareRoute(world: MediaNestWorld, percent: number): void {
    const rounds = (name: string) => loadSeries(world, name).rounds!;
    const [gateway, baseline] = [answersPerProcessorSecond(rounds('gateway')), answersPerProcessorSecond(rounds('baseline'))];
    checkLoad(world, "gateway answers per processor second against the bare route's", percentOf(gateway, baseline), 'at least', percent, '%', `${gateway} against ${baseline} answers per processor second`);
  },

  /** A percentile of the gateway's latency against a multiple of the bare route's beside it, never below the floor. */
  latencyAgainstBareRoute(world: MediaNestWorld, percentile: 'p50' | 'p99', times: number, floorMs: number): void {
    const [gateway, baseline] = [loadSeries(world, 'gateway beside').figures.latencyMs[percentile], loadSeries(world, 'bare route beside').figures.latencyMs[percentile]];
    checkLoad(world, `gateway ${percentile} latency against the bare route's beside it`, gateway, 'at most', latencyBound(baseline, times, floorMs), 'ms', `bare route ${percentile} ${baseline} ms, times ${times}, floor ${floorMs} ms`);
  },

  driverAgainstCommandLine(world: MediaNestWorld, percent: number): void {
    const [driver, cli] = [loadSeries(world, 'in-suite driver').figures, loadSeries(world, 'command line').figures];
    checkLoad(world, "in-suite driver throughput against the command line's", percentOf(driver.requestsPerSecond, cli.requestsPerSecond), 'at least', percent, '%', `${driver.requestsPerSecond} against ${cli.requestsPerSecond} req/s, best of ${ROUNDS} rounds each`);
  },

  toldOnceEach(world: MediaNestWorld, count: number): void {
    const { audience } = world.notes.fanOut;
    const { messagesPerConnection } = world.notes.load.broadcast!;
    expect({ connections: audience.length, messagesPerConnection }, `Expected each of ${count} connections told exactly once, but the counts were ${JSON.stringify(messagesPerConnection)} (messages: connections)`).to.deep.equal({ connections: count, messagesPerConnection: { 1: count } });
  },

  lastToldWithin(world: MediaNestWorld, boundMs: number): void {
    checkLoad(world, 'time for the last socket to be told', world.notes.load.broadcast!.times.max, 'at most', boundMs, 'ms');
  },

  followedCount(world: MediaNestWorld, count: number): void {
    const followed = world.notes.load.followed ?? [];
    expect(followed.length, `Expected ${count} downloads followed, but ${followed.length} were started`).to.equal(count);
  },

  async wholeStories(world: MediaNestWorld): Promise<void> {
    const followed = world.notes.load.followed ?? [];
    expect(await DownloadFollowers.problems(world, followed), "Expected every stream to tell its download's whole story in order").to.deep.equal([]);
  },

  lastStreamEndedWithin(world: MediaNestWorld, seconds: number): void {
    const followed = world.notes.load.followed ?? [];
    const slowest = Math.max(...followed.map((each) => each.endedAfterMs ?? Infinity));
    const late = followed.filter((each) => each.endedAfterMs === undefined || each.endedAfterMs >= seconds * 1000);
    checkLoad(world, 'time for the last progress stream to end', Math.round(slowest), 'at most', seconds * 1000, 'ms', `streams not done in time: ${late.map((each) => each.download.id).join(', ') || 'none'}`);
  },
};
