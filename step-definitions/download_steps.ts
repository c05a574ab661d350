import { After, defineParameterType, Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expectData } from '../support/checks/answers';
import { DownloadDesk } from '../support/tasks/download-videos';
import { VIDEO_PHRASES, VIDEOS, watchLink } from '../support/tasks/youtube-links';
import type { MediaNestWorld } from '../support/world';

/** "a short video", "a video that stalls", ...: the fake yt-dlp's video id for each (youtube-links.ts). */
defineParameterType({ name: 'video', regexp: VIDEO_PHRASES, transformer: (phrase: string) => VIDEOS[phrase]! });

After(function (this: MediaNestWorld) {
  DownloadDesk.of(this).closeAll();
});

When('{persona} downloads {video}', async function (this: MediaNestWorld, name: string, videoId: string) {
  await DownloadDesk.of(this).request(this.actor(name), { url: watchLink(videoId) }, videoId); // a refusal is for the Then to judge
});

Given('{persona} has started downloading {video}', async function (this: MediaNestWorld, name: string, videoId: string) {
  await DownloadDesk.of(this).start(this.actor(name), videoId);
});

When('{persona} downloads {video} and follows its progress', async function (this: MediaNestWorld, name: string, videoId: string) {
  const desk = DownloadDesk.of(this);
  const download = await desk.start(this.actor(name), videoId);
  await desk.untilEnded(await desk.follow(this.actor(name), download));
});

When(/^(\w+) downloads a short video (?:in (\d+p|the best quality) as (\w+)|without saying how)$/, async function (this: MediaNestWorld, name: string, quality?: string, format?: string) {
  const choice = quality ? { quality: quality === 'the best quality' ? 'best' : quality, format } : {};
  await DownloadDesk.of(this).start(this.actor(name), VIDEOS['a short video']!, choice);
});

Given('{persona} has downloaded {video}', async function (this: MediaNestWorld, name: string, videoId: string) {
  const desk = DownloadDesk.of(this);
  const download = await desk.outcome(this.actor(name), await desk.start(this.actor(name), videoId));
  assert.equal(download.status, 'completed', `the download ended ${download.status}: ${download.error ?? ''}`);
});

Given(/^(\w+) has downloaded (\d+) (?:more )?videos?$/, async function (this: MediaNestWorld, name: string, count: string) {
  const desk = DownloadDesk.of(this);
  const actor = this.actor(name);
  const downloads = [];
  for (let i = 0; i < Number(count); i++) downloads.push(await desk.start(actor, desk.freshClip()));
  for (const download of downloads) assert.equal((await desk.outcome(actor, download)).status, 'completed');
});

Given('{persona} is downloading {video}', async function (this: MediaNestWorld, name: string, videoId: string) {
  const desk = DownloadDesk.of(this);
  await desk.untilRunning(this.actor(name), await desk.start(this.actor(name), videoId));
});

Given('{persona} is downloading two videos that stall', async function (this: MediaNestWorld, name: string) {
  const desk = DownloadDesk.of(this);
  const first = await desk.start(this.actor(name), VIDEOS['a video that stalls']!);
  const second = await desk.start(this.actor(name), VIDEOS['a video that will not stop when asked']!);
  await Promise.all([desk.untilRunning(this.actor(name), first), desk.untilRunning(this.actor(name), second)]);
});

Given('{persona} has queued {video}', async function (this: MediaNestWorld, name: string, videoId: string) {
  const desk = DownloadDesk.of(this);
  const download = await desk.start(this.actor(name), videoId);
  assert.equal((await desk.look(this.actor(name), download)).status, 'queued');
  this.remember('the queued download', download);
});

When(/^(\w+) (?:follows|is following) its progress$/, async function (this: MediaNestWorld, name: string) {
  const desk = DownloadDesk.of(this);
  const stream = await desk.follow(this.actor(name), desk.latest(name));
  await desk.until(stream, (events) => events.length > 0, 'the first event');
});

Then(/^(\w+) saw it queued, then downloading, then completed$/, async function (this: MediaNestWorld, name: string) {
  const desk = DownloadDesk.of(this);
  const stream = desk.latestStream(name);
  await desk.untilEnded(stream);
  const statuses = stream.events.filter((event) => event.type === 'status').map((event) => event.data.status);
  assert.deepEqual(statuses, ['queued', 'downloading', 'completed']);
  const last = stream.events.at(-1)!;
  assert.equal(last.type, 'completed', 'the stream ends with the completion');
  assert.match(last.data.file.name, /\.mp4$/);
  assert.ok(last.data.file.size > 0);
  assert.deepEqual(stream.events.map((event) => event.id), stream.events.map((_, i) => i + 1), 'event ids count up from 1');
});

Then(/^the progress (\w+) saw only rose, up to 100 percent$/, function (this: MediaNestWorld, name: string) {
  const percents = DownloadDesk.of(this).latestStream(name).events.filter((event) => event.type === 'progress').map((event) => event.data.percent);
  assert.ok(percents.length >= 3, `only ${percents.length} progress events`);
  percents.slice(1).forEach((percent, i) => assert.ok(percent > percents[i]!, `progress went from ${percents[i]} to ${percent}`));
  assert.equal(percents.at(-1), 100);
});

Then('the picture filled the first 90 percent and the sound the rest', function (this: MediaNestWorld) {
  const desk = DownloadDesk.of(this);
  const percents = desk.latestStream(desk.started.at(-1)!.actor).events.filter((event) => event.type === 'progress').map((event) => event.data.percent);
  assert.ok(percents.includes(90), `the picture's run ends at 90 percent: ${percents.join(', ')}`);
  assert.ok(percents.filter((percent) => percent > 90 && percent < 100).length >= 2, `the sound's run moves from 90 to 100 percent: ${percents.join(', ')}`);
});

Then('the finished file is in the download folder', function (this: MediaNestWorld) {
  const desk = DownloadDesk.of(this);
  const download = desk.started.at(-1)!;
  const { file } = desk.latestStream(download.actor).events.at(-1)!.data;
  const path = join(desk.downloadDir(), String(download.id), file.name);
  assert.ok(existsSync(path), `no file at ${path}`);
  assert.equal(statSync(path).size, file.size);
});

Then('the download folder holds only the merged file', function (this: MediaNestWorld) {
  const desk = DownloadDesk.of(this);
  const download = desk.started.at(-1)!;
  const { file } = desk.latestStream(download.actor).events.at(-1)!.data;
  assert.deepEqual(readdirSync(join(desk.downloadDir(), String(download.id))), [file.name]);
});

Then(/^(\w+)'s download completed with the video's title, in (\S+) as (\w+)$/, async function (this: MediaNestWorld, name: string, quality: string, format: string) {
  const desk = DownloadDesk.of(this);
  const download = await desk.outcome(this.actor(name), desk.latest(name));
  assert.equal(download.status, 'completed', download.error);
  assert.equal(download.title, 'Big Buck Bunny - Short Film', 'the title comes from the video\'s metadata');
  assert.equal(download.quality, quality);
  assert.equal(download.format, format);
  assert.equal(download.progress, 100);
  assert.equal(download.file.name, `${download.videoId}.${format}`);
  assert.ok(Date.parse(download.startedAt) >= Date.parse(download.createdAt) && Date.parse(download.completedAt) >= Date.parse(download.startedAt));
});

When(/^(\w+) lists (?:his|her) (failed )?downloads$/, async function (this: MediaNestWorld, name: string, failed?: string) {
  await DownloadDesk.of(this).list(this.actor(name), failed ? '?status=failed' : '');
});

Then(/^(\w+) sees (?:his|her) own (\d+) downloads, oldest first$/, function (this: MediaNestWorld, name: string, count: string) {
  const exchange = this.lastExchangeOf(name);
  const mine = DownloadDesk.of(this).started.filter((download) => download.actor === name).map((download) => download.id);
  assert.deepEqual(expectData(exchange).map((download: { id: number }) => download.id), mine);
  assert.equal(mine.length, Number(count));
  assert.deepEqual(exchange.response.body.meta, { page: 1, pageSize: 20, total: Number(count), totalPages: 1 });
});

Then(/^(\w+) sees only (?:his|her) failed download$/, function (this: MediaNestWorld, name: string) {
  const list = expectData(this.lastExchangeOf(name));
  assert.deepEqual(list.map((download: { status: string }) => download.status), ['failed']);
  assert.equal(list[0].videoId, VIDEOS['a video that fails midway']);
});

Given('{persona} has tried to download {video}', async function (this: MediaNestWorld, name: string, videoId: string) {
  const desk = DownloadDesk.of(this);
  await desk.outcome(this.actor(name), await desk.start(this.actor(name), videoId));
});

/** One after another: the same video cannot run twice at once, but may be tried again once it has ended. */
Given(/^(\w+) has tried (\d+) times to download (.+)$/, async function (this: MediaNestWorld, name: string, times: string, phrase: string) {
  const videoId = VIDEOS[phrase];
  assert.ok(videoId, `no video is called "${phrase}"`);
  const desk = DownloadDesk.of(this);
  for (let i = 0; i < Number(times); i++) await desk.outcome(this.actor(name), await desk.start(this.actor(name), videoId));
});

/** Accepted downloads count against the quota from the moment they are accepted: no need to wait for them. */
Given(/^(\w+) has started (\d+) (?:more )?downloads$/, async function (this: MediaNestWorld, name: string, count: string) {
  const desk = DownloadDesk.of(this);
  for (let i = 0; i < Number(count); i++) await desk.start(this.actor(name), desk.freshClip());
});
