import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { measureBroadcast, type BroadcastDelivery } from '../support/load/broadcast-delivery';
import { deliveryChart, deliveryTimes, describeDelivery } from '../support/load/delivery-times';
import { DownloadFollowers, peakYtDlpProcesses, type FollowedDownload } from '../support/load/download-followers';
import { checkLoad } from '../support/load/check';
import type { MediaNestWorld } from '../support/world';

/** How long (real time) the broadcast is awaited: far past any bound a scenario states, so a late delivery is measured, not lost. */
const BROADCAST_LIMIT_MS = 5_000;
/** Longer than any bound a scenario states, and under the 20 s step timeout, so a slow run still reports its figures. */
const FOLLOW_LIMIT_MS = 18_000;

// "Given 10 people are each watching service health on 20 connections" and "When Uptime Kuma's next
// check finds Plex down" are the fan-out steps (fan_out_steps.ts): this file only measures.

// Told first, timed second: a slow moment on a busy machine fails only the timing step.
Then('each of the {int} connections is told exactly once that {service} is down', async function (this: MediaNestWorld, count: number, service: string) {
  const { audience, pollAt } = this.notes.fanOut;
  const delivery = await measureBroadcast(audience, pollAt, service, 'down', BROADCAST_LIMIT_MS);
  this.remember('the broadcast', delivery);
  const title = `One service.status broadcast to ${audience.length} sockets`;
  const notes = [`service.status messages per connection: ${JSON.stringify(delivery.messagesPerConnection)} (messages: connections)`, 'times are from the poll coming due to the message arriving'];
  this.attach(describeDelivery('Per-socket delivery time', delivery.times, notes, this.target.kind), { mediaType: 'text/plain', fileName: title });
  this.attach(Buffer.from(deliveryChart(title, delivery.times)), { mediaType: 'image/svg+xml', fileName: `${title} (chart)` });
  assert.deepEqual({ connections: audience.length, messagesPerConnection: delivery.messagesPerConnection }, { connections: count, messagesPerConnection: { 1: count } });
});

Then('the last of them was told within {int} ms', function (this: MediaNestWorld, boundMs: number) {
  const { times } = this.recall<BroadcastDelivery>('the broadcast');
  checkLoad(this, 'time for the last socket to be told', times.max, 'at most', boundMs, 'ms');
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
  const followed = await DownloadFollowers.followAllAtOnce(this, FOLLOW_LIMIT_MS);
  assert.equal(followed.length, count, `${followed.length} downloads were started`);
  this.remember('the followed downloads', followed);
});

Then('every stream told its download\'s whole story in order, ending with the completion', async function (this: MediaNestWorld) {
  const followed = this.recall<FollowedDownload[]>('the followed downloads');
  const ended = followed.flatMap((each) => (each.endedAfterMs === undefined ? [] : [each.endedAfterMs]));
  const events = followed.map((each) => each.stream.events.length);
  const progress = followed.map((each) => each.stream.events.filter((event) => event.type === 'progress').length);
  const title = `${followed.length} progress streams followed at once`;
  if (ended.length) {
    const times = deliveryTimes(ended);
    const notes = [
      `streams that ended ${ended.length} of ${followed.length}`,
      `events per stream ${Math.min(...events)} to ${Math.max(...events)} (${events.reduce((sum, n) => sum + n, 0)} in all), progress events per stream ${Math.min(...progress)} to ${Math.max(...progress)}`,
      `yt-dlp processes running at once, at most ${peakYtDlpProcesses(this)}`,
      'times are from the streams opening to each one\'s completion',
    ];
    this.attach(describeDelivery('Time for a stream to tell the whole story', times, notes, this.target.kind), { mediaType: 'text/plain', fileName: title });
    this.attach(Buffer.from(deliveryChart(title, times)), { mediaType: 'image/svg+xml', fileName: `${title} (chart)` });
  }
  assert.deepEqual(await DownloadFollowers.problems(this, followed), []);
});

Then('the last stream ended within {int} seconds', function (this: MediaNestWorld, seconds: number) {
  const followed = this.recall<FollowedDownload[]>('the followed downloads');
  const slowest = Math.max(...followed.map((each) => each.endedAfterMs ?? Infinity));
  const late = followed.filter((each) => each.endedAfterMs === undefined || each.endedAfterMs >= seconds * 1000);
  checkLoad(this, 'time for the last progress stream to end', Math.round(slowest), 'at most', seconds * 1000, 'ms', `streams not done in time: ${late.map((each) => each.download.id).join(', ') || 'none'}`);
});
