import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DownloadDesk } from '../support/tasks/download-videos';
import type { MediaNestWorld } from '../support/world';

Given(/^the stall limit is (?:its default of 60|set to (\d+)) seconds$/, function (this: MediaNestWorld, seconds?: string) {
  if (seconds) this.env.DOWNLOAD_STALL_SECONDS = seconds;
});

Given('yt-dlp is not installed where the gateway looks for it', function (this: MediaNestWorld) {
  this.env.YT_DLP_PATH = join(this.workDir, 'bin', 'yt-dlp');
});

/** Moves the clock to a millisecond short of the limit (still running), then past it, and waits for the download to end. */
When('yt-dlp stays silent for {int} seconds', async function (this: MediaNestWorld, seconds: number) {
  const desk = DownloadDesk.of(this);
  const download = desk.started.at(-1)!;
  await this.clock.advance(seconds * 1000 - 1);
  assert.equal((await desk.look(this.actor(download.actor), download)).status, 'downloading', 'stopped before the stall limit');
  await this.clock.advance(1);
  await desk.untilEnded(await desk.follow(this.actor(download.actor), download));
});

Then(/^(\w+)'s download failed because yt-dlp stalled$/, async function (this: MediaNestWorld, name: string) {
  const desk = DownloadDesk.of(this);
  const download = await desk.look(this.actor(name), desk.latest(name));
  assert.equal(download.status, 'failed');
  assert.match(download.error, /stalled/);
});

Then(/^(\w+)'s download failed with "([^"]+)"$/, async function (this: MediaNestWorld, name: string, text: string) {
  const desk = DownloadDesk.of(this);
  const download = await desk.outcome(this.actor(name), desk.latest(name));
  assert.equal(download.status, 'failed');
  assert.ok(download.error.includes(text), `the error says "${download.error}"`);
  assert.equal(download.file, undefined);
});

Then(/^(\w+)'s progress stream ended with that failure$/, async function (this: MediaNestWorld, name: string) {
  const desk = DownloadDesk.of(this);
  const download = await desk.look(this.actor(name), desk.latest(name));
  const events = desk.latestStream(name).events;
  assert.deepEqual(events.at(-1), { id: events.length, type: 'failed', data: { error: download.error } });
  const percents = events.filter((event) => event.type === 'progress').map((event) => event.data.percent);
  assert.ok(percents.length > 0 && percents.at(-1) < 100 && percents.at(-1) === download.progress, `progress ${percents.join(', ')}`);
});

Then('yt-dlp only looked the video up', function (this: MediaNestWorld) {
  const desk = DownloadDesk.of(this);
  assert.deepEqual(desk.journal().spawnsFor(desk.latest(desk.started.at(-1)!.actor).videoId).map((run) => run.mode), ['metadata']);
});
