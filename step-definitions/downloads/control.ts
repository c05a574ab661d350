import { Given, Then, When } from '@cucumber/cucumber';
import { join } from 'node:path';
import { DownloadChecks } from '../../support/checks/downloads';
import { expectStatus } from '../../support/checks/answers';
import { Downloads } from '../../support/tasks/download-videos';
import type { MediaNestWorld } from '../../support/world';

Given('the gateway runs {few} download(s) at a time', function (this: MediaNestWorld, count: number) {
  this.env.DOWNLOAD_CONCURRENCY = String(count);
});

Given('the gateway keeps its data in a file and runs one download at a time', function (this: MediaNestWorld) {
  Object.assign(this.env, { DATABASE_PATH: join(this.workDir, 'medianest.db'), DOWNLOAD_CONCURRENCY: '1' });
});

Given('{persona} has queued {video}', async function (this: MediaNestWorld, name: string, videoId: string) {
  await DownloadChecks.standsAs(this, name, 'queued', await Downloads.queue(this, name, videoId));
});

When('{persona} cancels {whichDownload}', async function (this: MediaNestWorld, name: string, videoId?: string) {
  await Downloads.cancel(this, videoId ? Downloads.ofVideo(this, name, videoId) : Downloads.latest(this, name));
});

Given('{persona} has cancelled the download', async function (this: MediaNestWorld, name: string) {
  expectStatus(await Downloads.cancel(this, Downloads.latest(this, name)), 204);
});

Then('{persona}\'s download is cancelled', async function (this: MediaNestWorld, name: string) {
  await DownloadChecks.cancelled(this, name);
});

Then('{persona}\'s download is still completed', async function (this: MediaNestWorld, name: string) {
  await DownloadChecks.standsAs(this, name, 'completed');
});

Then('{persona}\'s progress stream ended with the cancellation', async function (this: MediaNestWorld, name: string) {
  await DownloadChecks.endedWithCancellation(this, name);
});

When('yt-dlp holds out for {int} seconds', async function (this: MediaNestWorld, seconds: number) {
  await Downloads.holdOut(this, seconds);
});

Then('{persona}\'s download waits in the queue', async function (this: MediaNestWorld, name: string) {
  DownloadChecks.notStarted(await DownloadChecks.standsAs(this, name, 'queued'));
});

Then('{persona}\'s queued download completes', async function (this: MediaNestWorld, name: string) {
  DownloadChecks.completed(await Downloads.outcome(this, this.notes.downloads.queued!), name);
});

When('the gateway restarts', async function (this: MediaNestWorld) {
  await this.stopGateway();
  await this.gateway();
});

Then('{persona}\'s stalled download failed because the gateway restarted', async function (this: MediaNestWorld, name: string) {
  await DownloadChecks.failedAsInterrupted(this, name, Downloads.ofVideo(this, name, 'stallsVideo'));
});
