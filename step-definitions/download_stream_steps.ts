import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { expectStatus } from '../support/checks/answers';
import { DownloadDesk } from '../support/tasks/download-videos';
import type { MediaNestWorld } from '../support/world';

Given(/^(\w+)'s progress stream broke off after (\d+) events$/, async function (this: MediaNestWorld, name: string, count: string) {
  const desk = DownloadDesk.of(this);
  const stream = await desk.follow(this.actor(name), desk.latest(name), undefined, Number(count));
  await desk.until(stream, (events) => events.length >= Number(count), `${count} events`);
  this.remember('the last event seen', stream.events[Number(count) - 1]!.id);
});

When(/^(\w+) reconnects with the last event (?:he|she) saw$/, async function (this: MediaNestWorld, name: string) {
  const desk = DownloadDesk.of(this);
  let lastSeen: number | undefined;
  try {
    lastSeen = this.recall<number>('the last event seen'); // where the stream broke off
  } catch {
    lastSeen = desk.latestStream(name).lastEventId; // else the end of the last stream followed
  }
  await desk.untilEnded(await desk.follow(this.actor(name), desk.latest(name), lastSeen));
});

Then(/^(\w+) has seen every event of the download exactly once, in order$/, async function (this: MediaNestWorld, name: string) {
  const desk = DownloadDesk.of(this);
  const [before, after] = desk.streams.filter((stream) => stream.actor === name).slice(-2);
  const seen = [...before!.events, ...after!.events];
  const whole = await desk.follow(this.actor(name), desk.latest(name));
  await desk.untilEnded(whole);
  assert.equal(after!.events[0]?.id, before!.events.at(-1)!.id + 1, 'the replay starts right after the last event seen');
  assert.deepEqual(seen, whole.events, 'the two connections together saw the whole story, once');
  assert.equal(seen.at(-1)?.type, 'completed');
});

Then(/^(\w+) is told there is nothing more to follow$/, function (this: MediaNestWorld, name: string) {
  const stream = DownloadDesk.of(this).latestStream(name);
  assert.ok(stream.closed);
  expectStatus(this.exchanges.findLast((exchange) => exchange.actor === name && exchange.request.path.endsWith('/events'))!, 204);
  assert.deepEqual(stream.events, []);
});

Then(/^(\w+)'s stream received (\d+) heartbeats and nothing else$/, async function (this: MediaNestWorld, name: string, count: string) {
  const stream = DownloadDesk.of(this).latestStream(name);
  const eventsBefore = this.recall<number>('events before the quiet time');
  await stream.until(() => stream.comments.length >= Number(count), `${count} heartbeats`, 5_000);
  assert.deepEqual(stream.comments, Array(Number(count)).fill('heartbeat'));
  assert.equal(stream.events.length, eventsBefore, 'no event came while yt-dlp was silent');
});

Given(/^(\w+) is watching its quiet progress stream$/, async function (this: MediaNestWorld, name: string) {
  const desk = DownloadDesk.of(this);
  const stream = await desk.follow(this.actor(name), desk.latest(name));
  await desk.until(stream, (events) => events.some((event) => event.type === 'progress'), 'the progress so far');
  this.remember('events before the quiet time', stream.events.length);
});

When(/^(\w+) resumes its progress stream from an event id that is not a number$/, async function (this: MediaNestWorld, name: string) {
  const desk = DownloadDesk.of(this);
  await desk.untilEnded(await desk.follow(this.actor(name), desk.latest(name), '3; DROP TABLE downloads'));
});
