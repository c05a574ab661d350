import { Given, Then, When } from '@cucumber/cucumber';
import { join } from 'node:path';
import { DownloadChecks } from '../../support/checks/downloads';
import { Downloads } from '../../support/tasks/download-videos';
import type { MediaNestWorld } from '../../support/world';

Given('the stall limit is {stallLimit}', function (this: MediaNestWorld, seconds?: string) {
  if (seconds) this.env.DOWNLOAD_STALL_SECONDS = seconds;
});

Given('yt-dlp is not installed where the gateway looks for it', function (this: MediaNestWorld) {
  this.env.YT_DLP_PATH = join(this.workDir, 'bin', 'yt-dlp');
});

Given('the installed yt-dlp is too old to know {string}', function (this: MediaNestWorld, option: string) {
  this.env.YT_DLP_PATH = Downloads.olderYtDlp(this, option);
});

Given('yt-dlp has stalled and ignores the request to stop', async function (this: MediaNestWorld) {
  await Downloads.stallStubbornly(this);
});

When('yt-dlp stays silent for {int} seconds', async function (this: MediaNestWorld, seconds: number) {
  await Downloads.stallFor(this, seconds);
});

Then('{persona}\'s download failed because yt-dlp stalled', async function (this: MediaNestWorld, name: string) {
  DownloadChecks.failedBecause(await DownloadChecks.standsAs(this, name, 'failed'), /stalled/);
});

Then('{persona}\'s download failed with {string}', async function (this: MediaNestWorld, name: string, text: string) {
  DownloadChecks.leftNoFile(await DownloadChecks.endedAs(this, name, 'failed', text));
});

Then('{persona}\'s download failed because yt-dlp could not be started', async function (this: MediaNestWorld, name: string) {
  DownloadChecks.leftNoFile(await DownloadChecks.endedAs(this, name, 'failed', /^yt-dlp could not be started: spawn \S+ ENOENT$/));
});

Then('{persona}\'s progress stream ended with that failure', async function (this: MediaNestWorld, name: string) {
  await DownloadChecks.endedWithFailure(this, name);
});

Then('{persona}\'s download completed with the video\'s title, in {word} as {word}', async function (this: MediaNestWorld, name: string, quality: string, format: string) {
  DownloadChecks.completedAsChosen(this, await DownloadChecks.endedAs(this, name, 'completed'), quality, format);
});

Then('the finished file is in the download folder', function (this: MediaNestWorld) {
  DownloadChecks.fileIsKept(this);
});

Then('the download folder holds only the merged file', function (this: MediaNestWorld) {
  DownloadChecks.onlyTheMergedFile(this);
});

Given('the downloads folder holds {video}\'s file under number {int}, left by an earlier database', function (this: MediaNestWorld, videoId: string, number: number) {
  Downloads.leaveEarlierFile(this, number, videoId);
});

Then('the earlier file is kept, untouched, in a folder beside the download\'s', function (this: MediaNestWorld) {
  DownloadChecks.earlierFileKeptAside(this);
});
