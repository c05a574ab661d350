import { Given, Then, When } from '@cucumber/cucumber';
import { LoadChecks } from '../../support/checks/load';
import { reportBroadcast } from '../../support/load/broadcast-delivery';
import { DownloadFollowers } from '../../support/load/download-followers';
import type { MediaNestWorld } from '../../support/world';

/** Longer than any bound a scenario states, and under the 20 s step timeout, so a slow run still reports its figures. */
const FOLLOW_LIMIT_MS = 18_000;

// "Given 10 people are each watching service health on 20 connections" and "When Uptime Kuma's next
// check finds Plex down" are the fan-out steps (step-definitions/realtime/fan_out.ts): this file only measures.

// Told first, timed second: a slow moment on a busy machine fails only the timing step.
Then('each of the {int} connections is told exactly once that {service} is down', async function (this: MediaNestWorld, count: number, service: string) {
  await reportBroadcast(this, service, 'down');
  LoadChecks.toldOnceEach(this, count);
});

Then('the last of them was told within {int} ms', function (this: MediaNestWorld, boundMs: number) {
  LoadChecks.lastToldWithin(this, boundMs);
});

Given('MediaNest runs up to {int} downloads at once', function (this: MediaNestWorld, slots: number) {
  this.env.DOWNLOAD_CONCURRENCY = String(slots);
});

// Setting up is not what is measured: signing 4 people in and starting 20 yt-dlp processes may take
// a busy machine longer than a step's usual 20 s.
Given('{int} people have each started {int} downloads', { timeout: 60_000 }, async function (this: MediaNestWorld, people: number, each: number) {
  await DownloadFollowers.started(this, people, each);
});

When('all {int} downloads are followed at once, each on its own progress stream', async function (this: MediaNestWorld, count: number) {
  await DownloadFollowers.followAllAtOnce(this, FOLLOW_LIMIT_MS);
  LoadChecks.followedCount(this, count);
});

Then('every stream told its download\'s whole story in order, ending with the completion', async function (this: MediaNestWorld) {
  DownloadFollowers.report(this);
  await LoadChecks.wholeStories(this);
});

Then('the last stream ended within {int} seconds', function (this: MediaNestWorld, seconds: number) {
  LoadChecks.lastStreamEndedWithin(this, seconds);
});
