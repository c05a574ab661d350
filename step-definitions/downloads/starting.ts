import { After, Given, Then, When } from '@cucumber/cucumber';
import { DownloadChecks } from '../../support/checks/downloads';
import { Downloads, type DownloadChoice } from '../../support/tasks/download-videos';
import { VIDEOS } from '../../support/tasks/youtube-links';
import type { MediaNestWorld } from '../../support/world';

After(function (this: MediaNestWorld) {
  Downloads.closeAll(this);
});

When('{persona} downloads {video}', async function (this: MediaNestWorld, name: string, videoId: string) {
  await Downloads.ask(this, name, videoId); // a refusal is for the Then to judge
});

Given('{persona} has started downloading {video}', async function (this: MediaNestWorld, name: string, videoId: string) {
  await Downloads.start(this, name, videoId);
});

When('{persona} downloads a short video {downloadChoice}', async function (this: MediaNestWorld, name: string, choice: DownloadChoice) {
  await Downloads.start(this, name, VIDEOS['a short video']!, choice);
});

Given('{persona} has downloaded {video}', async function (this: MediaNestWorld, name: string, videoId: string) {
  DownloadChecks.completed(await Downloads.startAndFinish(this, name, videoId), name);
});

Given('{persona} has downloaded {int} (more )video(s)', async function (this: MediaNestWorld, name: string, count: number) {
  for (const download of await Downloads.downloadClips(this, name, count)) DownloadChecks.completed(download, name);
});

Given('{persona} has tried to download {video}', async function (this: MediaNestWorld, name: string, videoId: string) {
  await Downloads.startAndFinish(this, name, videoId);
});

Given('{persona} has tried {int} times to download {video}', async function (this: MediaNestWorld, name: string, times: number, videoId: string) {
  await Downloads.tryRepeatedly(this, name, videoId, times);
});

/** Accepted downloads count against the quota from the moment they are accepted: no need to wait for them. */
Given('{persona} has started {int} (more )downloads', async function (this: MediaNestWorld, name: string, count: number) {
  await Downloads.startClips(this, name, count);
});

Given('{persona} is downloading {video}', async function (this: MediaNestWorld, name: string, videoId: string) {
  await Downloads.startRunning(this, name, videoId);
});

Given('{persona} is downloading two videos that stall', async function (this: MediaNestWorld, name: string) {
  await Downloads.startAllRunning(this, name, [VIDEOS['a video that stalls']!, VIDEOS['a video that will not stop when asked']!]);
});

When('{persona} asks for the same video again', async function (this: MediaNestWorld, name: string) {
  await Downloads.ask(this, name, Downloads.latest(this, name).videoId);
});

When('{persona} asks for {int} more videos', async function (this: MediaNestWorld, name: string, count: number) {
  await Downloads.askForClips(this, name, count);
});

Then('{persona}\'s download is accepted', function (this: MediaNestWorld, name: string) {
  DownloadChecks.accepted(this, name);
});

Then('only the first of them is accepted', function (this: MediaNestWorld) {
  DownloadChecks.answeredInTurn(this, [true, false]);
});

Then('all {int} are accepted', function (this: MediaNestWorld, count: number) {
  DownloadChecks.answeredInTurn(this, Array(count).fill(true));
});

Then('{persona} is told he/she may download again in {duration}', function (this: MediaNestWorld, name: string, ms: number) {
  DownloadChecks.toldToWait(this, name, [ms / 1000, ms / 1000]);
});

Then('{persona} is told when he/she may download again', function (this: MediaNestWorld, name: string) {
  DownloadChecks.toldToWait(this, name, [1, 3600]);
});
