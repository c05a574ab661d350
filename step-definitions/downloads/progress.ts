import { Given, Then, When } from '@cucumber/cucumber';
import { DownloadChecks } from '../../support/checks/downloads';
import { Downloads } from '../../support/tasks/download-videos';
import type { MediaNestWorld } from '../../support/world';

When('{persona} downloads {video} and follows its progress', async function (this: MediaNestWorld, name: string, videoId: string) {
  await Downloads.followToEnd(this, await Downloads.start(this, name, videoId));
});

When('{persona} (is )follow(s)(ing) its progress', async function (this: MediaNestWorld, name: string) {
  await Downloads.followLatest(this, name);
});

Then('{persona} saw it queued, then downloading, then completed', async function (this: MediaNestWorld, name: string) {
  await DownloadChecks.sawTheWholeStory(this, name);
});

Then('the progress {persona} saw only rose, up to 100 percent', function (this: MediaNestWorld, name: string) {
  DownloadChecks.progressOnlyRose(Downloads.latestStream(this, name));
});

Then('{persona} saw each percent yt-dlp printed', function (this: MediaNestWorld, name: string) {
  DownloadChecks.sawThePercentsPrinted(Downloads.latestStream(this, name));
});

Then('the picture filled the first 90 percent and the sound the rest', function (this: MediaNestWorld) {
  DownloadChecks.pictureThenSound(Downloads.latestStream(this, Downloads.last(this).actor));
});

Given('{persona}\'s progress stream broke off after {int} events', async function (this: MediaNestWorld, name: string, count: number) {
  await Downloads.followUntilBroken(this, name, count);
});

When('{persona} reconnects with the last event he/she saw', async function (this: MediaNestWorld, name: string) {
  await Downloads.reconnect(this, name);
});

Then('{persona} has seen every event of the download exactly once, in order', async function (this: MediaNestWorld, name: string) {
  await DownloadChecks.sawEveryEventOnce(this, name);
});

Then('{persona} is told there is nothing more to follow', function (this: MediaNestWorld, name: string) {
  DownloadChecks.nothingToFollow(this, name);
});

Given('{persona} is watching its quiet progress stream', async function (this: MediaNestWorld, name: string) {
  await Downloads.watchQuietly(this, name);
});

Then('{persona}\'s stream received {int} heartbeats and nothing else', async function (this: MediaNestWorld, name: string, count: number) {
  await DownloadChecks.onlyHeartbeats(this, name, count);
});

When('{persona} resumes its progress stream from an event id that is not a number', async function (this: MediaNestWorld, name: string) {
  await Downloads.followToEnd(this, Downloads.latest(this, name), name, '3; DROP TABLE downloads');
});

Then('{persona}\'s progress stream was sent as a stream no proxy caches or holds back', function (this: MediaNestWorld, name: string) {
  DownloadChecks.notHeldBackOnTheWay(this, name);
});

Then('{persona}\'s progress stream carries the browser protections and a correlation id', function (this: MediaNestWorld, name: string) {
  DownloadChecks.protectedAndCorrelated(this, name);
});

Then('{persona}\'s progress stream held nothing but numbered events', function (this: MediaNestWorld, name: string) {
  DownloadChecks.onlyNumberedEvents(this, name);
});
