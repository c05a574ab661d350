import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { expectStatus } from '../support/checks/answers';
import { DownloadDesk, type StartedDownload } from '../support/tasks/download-videos';
import { until } from '../support/tasks/while-time-passes';
import { VIDEOS } from '../support/tasks/youtube-links';
import type { MediaNestWorld } from '../support/world';

const STALLS = VIDEOS['a video that stalls']!;

Given(/^the gateway runs (one|two) downloads? at a time$/, function (this: MediaNestWorld, count: string) {
  this.env.DOWNLOAD_CONCURRENCY = count === 'one' ? '1' : '2';
});

Given('the gateway keeps its data in a file and runs one download at a time', function (this: MediaNestWorld) {
  this.env.DATABASE_PATH = join(this.workDir, 'medianest.db');
  this.env.DOWNLOAD_CONCURRENCY = '1';
});

/** "the download" is the latest one; "the first stalled download" the first of two that stall. */
function which(world: MediaNestWorld, name: string, label: string): StartedDownload {
  const desk = DownloadDesk.of(world);
  return label === 'the first stalled download' ? desk.ofVideo(name, STALLS) : desk.latest(name);
}

When(/^(\w+) cancels (the download|the queued download|the first stalled download)$/, async function (this: MediaNestWorld, name: string, label: string) {
  await DownloadDesk.of(this).cancel(this.actor(name), which(this, name, label));
});

Given(/^(\w+) has cancelled the download$/, async function (this: MediaNestWorld, name: string) {
  const desk = DownloadDesk.of(this);
  expectStatus(await desk.cancel(this.actor(name), desk.latest(name)), 204);
});

Then(/^(\w+)'s download is (cancelled|still completed)$/, async function (this: MediaNestWorld, name: string, state: string) {
  const desk = DownloadDesk.of(this);
  const exchange = this.lastExchangeOf(name);
  if (exchange.request.method === 'DELETE' && state === 'cancelled') expectStatus(exchange, 204);
  const download = await desk.look(this.actor(name), desk.latest(name));
  assert.equal(download.status, state.replace('still ', ''));
});

Then(/^(\w+)'s progress stream ended with the cancellation$/, async function (this: MediaNestWorld, name: string) {
  const desk = DownloadDesk.of(this);
  const stream = desk.latestStream(name);
  await desk.untilEnded(stream);
  assert.deepEqual(stream.events.at(-1)?.data, { status: 'cancelled' });
});

Then('yt-dlp was asked to stop', async function (this: MediaNestWorld) {
  const desk = DownloadDesk.of(this);
  const { videoId } = desk.started.at(-1)!;
  const stopped = () => desk.journal().spawnsFor(videoId).filter((run) => run.signals.some((signal) => signal.signal === 'SIGTERM') && run.exitCode === 143);
  await until(() => stopped().length > 0, 'yt-dlp to note SIGTERM and exit');
  assert.equal(stopped().length, 1);
});

When('yt-dlp holds out for {int} seconds', async function (this: MediaNestWorld, seconds: number) {
  const desk = DownloadDesk.of(this);
  const { videoId } = desk.started.at(-1)!;
  await until(() => desk.journal().signalsReceived().some((signal) => signal.ignored), 'yt-dlp to note the SIGTERM it ignores');
  const [run] = desk.journal().spawnsFor(videoId).filter((candidate) => candidate.mode === 'download');
  await this.clock.advance(seconds * 1000 - 1);
  assert.ok(isAlive(run!.pid), `yt-dlp was killed before ${seconds} seconds had passed`);
  await this.clock.advance(1);
  this.remember('the stubborn process', run!.pid);
});

Then('yt-dlp was killed', async function (this: MediaNestWorld) {
  const pid = this.recall<number>('the stubborn process');
  await until(() => !isAlive(pid), 'yt-dlp to be killed');
  const run = DownloadDesk.of(this).journal().spawns().find((candidate) => candidate.pid === pid)!;
  assert.equal(run.exitCode, undefined, 'it never exited by itself');
  assert.deepEqual(run.signals.map((signal) => signal.signal), ['SIGTERM']);
});

Then(/^(\w+)'s download waits in the queue$/, async function (this: MediaNestWorld, name: string) {
  const desk = DownloadDesk.of(this);
  const download = await desk.look(this.actor(name), desk.latest(name));
  assert.equal(download.status, 'queued');
  assert.equal(download.startedAt, undefined);
});

Then(/^yt-dlp never ran for it$/, function (this: MediaNestWorld) {
  const desk = DownloadDesk.of(this);
  const { videoId } = desk.asked.at(-1)!;
  assert.deepEqual(desk.journal().spawnsFor(videoId!), []);
});

Then(/^(\w+)'s queued download completes$/, async function (this: MediaNestWorld, name: string) {
  const download = await DownloadDesk.of(this).outcome(this.actor(name), this.recall<StartedDownload>('the queued download'));
  assert.equal(download.status, 'completed', download.error);
});

Then('yt-dlp never ran more than {int} at once', function (this: MediaNestWorld, most: number) {
  const runs = DownloadDesk.of(this).journal().spawns();
  const moments = runs.flatMap((run) => [{ at: run.at, change: 1 }, { at: exitOf(this, run.pid) ?? Infinity, change: -1 }]);
  moments.sort((a, b) => a.at - b.at || a.change - b.change);
  let running = 0;
  for (const moment of moments) assert.ok((running += moment.change) <= most, `${running} yt-dlp processes ran at once`);
});

When('the gateway restarts', async function (this: MediaNestWorld) {
  await this.stopGateway();
  await this.gateway();
});

Then(/^(\w+)'s stalled download failed because the gateway restarted$/, async function (this: MediaNestWorld, name: string) {
  const desk = DownloadDesk.of(this);
  const download = await desk.look(this.actor(name), desk.ofVideo(name, STALLS));
  assert.equal(download.status, 'failed');
  assert.match(download.error, /interrupted/);
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function exitOf(world: MediaNestWorld, pid: number): number | undefined {
  const entry = DownloadDesk.of(world).journal().entries().find((candidate) => candidate.pid === pid && candidate.event === 'exit');
  return entry?.at;
}
