import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { LiveConnection } from '../support/drivers/ws';
import { measureBroadcast, type BroadcastDelivery } from '../support/load/broadcast-delivery';
import { deliveryChart, deliveryTimes, describeDelivery } from '../support/load/delivery-times';
import { DownloadFollowers, peakYtDlpProcesses, type FollowedDownload } from '../support/load/download-followers';
import type { MediaNestWorld } from '../support/world';

/** Longer than any bound a scenario states, and under the 20 s step timeout, so a slow run still reports its figures. */
const FOLLOW_LIMIT_MS = 18_000;

// "Given 10 people are each watching service health on 20 connections" and "When Uptime Kuma's next
// check finds Plex down" are the fan-out steps (fan_out_steps.ts): this file only measures.

Then('each of the {int} connections is told exactly once that {service} is down, the last within {int} ms', async function (this: MediaNestWorld, count: number, service: string, boundMs: number) {
  const audience = this.recall<LiveConnection[]>('the audience');
  const { times, messagesPerConnection }: BroadcastDelivery = await measureBroadcast(audience, this.recall<number>('when the poll came round'), service, 'down', Math.max(5_000, boundMs * 5));
  const title = `One service.status broadcast to ${audience.length} sockets`;
  const notes = [`service.status messages per connection: ${JSON.stringify(messagesPerConnection)} (messages: connections)`, 'times are from the poll coming due to the message arriving'];
  this.attach(describeDelivery('Per-socket delivery time', times, notes, this.target.kind), { mediaType: 'text/plain', fileName: title });
  this.attach(Buffer.from(deliveryChart(title, times)), { mediaType: 'image/svg+xml', fileName: `${title} (chart)` });
  assert.deepEqual({ connections: audience.length, messagesPerConnection }, { connections: count, messagesPerConnection: { 1: count } });
  assert.ok(times.max < boundMs, `the last connection was told after ${times.max} ms`);
});

Given('MediaNest runs up to {int} downloads at once', function (this: MediaNestWorld, slots: number) {
  this.env.DOWNLOAD_CONCURRENCY = String(slots);
});

Given('{int} people have each started {int} downloads', async function (this: MediaNestWorld, people: number, each: number) {
  await DownloadFollowers.started(this, people, each);
});

When('all {int} downloads are followed at once, each on its own progress stream', async function (this: MediaNestWorld, count: number) {
  const followed = await DownloadFollowers.followAllAtOnce(this, FOLLOW_LIMIT_MS);
  assert.equal(followed.length, count, `${followed.length} downloads were started`);
  this.remember('the followed downloads', followed);
});

Then('every stream told its download\'s whole story in order, ending with the completion, within {int} seconds', async function (this: MediaNestWorld, seconds: number) {
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
  const late = followed.filter((each) => each.endedAfterMs === undefined || each.endedAfterMs >= seconds * 1000);
  assert.deepEqual(late.map((each) => each.download.id), [], `streams not done within ${seconds} s`);
});
