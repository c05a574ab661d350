import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { expectData, expectError, expectStatus } from '../support/checks/answers';
import { DownloadDesk } from '../support/tasks/download-videos';
import { until } from '../support/tasks/while-time-passes';
import { ACCEPTED_LINKS, BAD_DOWNLOAD_BODIES, REFUSED_LINKS, VIDEOS, watchLink } from '../support/tasks/youtube-links';
import type { MediaNestWorld } from '../support/world';

/** A link phrase from any of the features' catalogues, with the video id it names when it names one. */
function linkFor(phrase: string): { link: string; videoId?: string } {
  if (phrase in VIDEOS) return { link: watchLink(VIDEOS[phrase]!), videoId: VIDEOS[phrase] };
  if (phrase in ACCEPTED_LINKS) return ACCEPTED_LINKS[phrase]!;
  assert.ok(phrase in REFUSED_LINKS, `no link is called "${phrase}"`);
  return { link: REFUSED_LINKS[phrase]! };
}

const who = (world: MediaNestWorld, name: string) => world.actor(/visitor/.test(name) ? 'a visitor' : name);

When(/^(a visitor|\w+) asks to download (.+)$/, async function (this: MediaNestWorld, name: string, phrase: string) {
  const { link, videoId } = linkFor(phrase);
  await DownloadDesk.of(this).request(who(this, name), { url: link }, videoId);
});

When(/^(\w+) sends (.+) to start a download$/, async function (this: MediaNestWorld, name: string, bad: string) {
  const body = BAD_DOWNLOAD_BODIES[bad];
  assert.ok(body, `no bad request is called "${bad}"`);
  await DownloadDesk.of(this).request(this.actor(name), body);
});

Then(/^nothing was stored for (\w+) and yt-dlp never ran$/, async function (this: MediaNestWorld, name: string) {
  const desk = DownloadDesk.of(this);
  assert.deepEqual(expectData(await desk.list(this.actor(name))), []);
  assert.deepEqual(desk.journal().spawns(), []);
});

Then("yt-dlp was given only the video's own link, after its options", async function (this: MediaNestWorld) {
  const desk = DownloadDesk.of(this);
  const { videoId } = desk.asked.at(-1)!;
  await until(() => desk.journal().spawnsFor(videoId!).length > 0, 'yt-dlp to look the video up');
  for (const { argv, urls } of desk.journal().spawns()) {
    assert.deepEqual(urls, [watchLink(videoId!)], 'yt-dlp is given the video by its own link, and nothing else');
    assert.deepEqual(argv.slice(-2), ['--', watchLink(videoId!)], 'the link comes last, after the end of the options');
    assert.ok(argv.slice(0, -2).every((arg) => !arg.includes(videoId!)), `the id reached an option: ${argv.join(' ')}`);
    // a link is one video, never the playlist it sits in, and no config file on the host adds options
    for (const flag of ['--no-playlist', '--ignore-config']) assert.ok(argv.includes(flag), `yt-dlp was not given ${flag}: ${argv.join(' ')}`);
  }
});

Then(/^yt-dlp was asked for (\S+) merged into (\w+), with the link after its options$/, function (this: MediaNestWorld, quality: string, format: string) {
  const desk = DownloadDesk.of(this);
  const [run] = desk.journal().downloads();
  assert.ok(run, 'yt-dlp never downloaded');
  const option = (name: string) => run.argv[run.argv.indexOf(name) + 1];
  const formats = option('-f') ?? '';
  if (quality === 'best') assert.doesNotMatch(formats, /height/);
  else assert.match(formats, new RegExp(`^bv\\*\\[height<=${quality.slice(0, -1)}\\]`));
  assert.equal(option('--merge-output-format'), format);
  assert.deepEqual(run.argv.slice(-2), ['--', watchLink(desk.started.at(-1)!.videoId)]);
});

When(/^(\w+) asks for the same video again$/, async function (this: MediaNestWorld, name: string) {
  const desk = DownloadDesk.of(this);
  const { videoId } = desk.latest(name);
  await desk.request(this.actor(name), { url: watchLink(videoId) }, videoId);
});

Then(/^(\w+)'s download is accepted$/, function (this: MediaNestWorld, name: string) {
  const exchange = this.lastExchangeOf(name);
  const download = expectData(exchange, 202);
  assert.equal(exchange.response.headers.location, `/api/v1/youtube/downloads/${download.id}`);
  assert.ok(['queued', 'downloading'].includes(download.status));
});

Then('yt-dlp downloaded that video only once', function (this: MediaNestWorld) {
  const desk = DownloadDesk.of(this);
  assert.equal(desk.journal().spawnsFor(desk.asked.at(-1)!.videoId!).filter((run) => run.mode === 'download').length, 1);
});

When(/^(\w+) tries to (look at|cancel|follow) (\w+)'s download$/, async function (this: MediaNestWorld, name: string, action: string, owner: string) {
  const desk = DownloadDesk.of(this);
  const download = desk.latest(owner);
  const actor = this.actor(name);
  if (action === 'look at') await actor.call('GET', `/api/v1/youtube/downloads/${download.id}`);
  else if (action === 'cancel') await desk.cancel(actor, download);
  else await desk.untilEnded(await desk.follow(actor, download));
});

Then(/^(\w+)'s download carries on$/, async function (this: MediaNestWorld, name: string) {
  const desk = DownloadDesk.of(this);
  const download = desk.latest(name);
  assert.equal((await desk.look(this.actor(name), download)).status, 'downloading');
  assert.deepEqual(desk.journal().spawnsFor(download.videoId).flatMap((run) => run.signals), [], 'yt-dlp was never told to stop');
});

Then(/^(\w+) is told (?:he|she) may download again in (\d+) minutes$/, function (this: MediaNestWorld, name: string, minutes: string) {
  const exchange = this.lastExchangeOf(name);
  expectError(exchange, 429, 'QUOTA_EXCEEDED');
  assert.equal(exchange.response.headers['retry-after'], String(Number(minutes) * 60));
});

Then(/^(\w+) is told when (?:he|she) may download again$/, function (this: MediaNestWorld, name: string) {
  const exchange = this.lastExchangeOf(name);
  expectError(exchange, 429, 'QUOTA_EXCEEDED');
  const seconds = Number(exchange.response.headers['retry-after']);
  assert.ok(Number.isInteger(seconds) && seconds >= 1 && seconds <= 3600, `Retry-After: ${exchange.response.headers['retry-after']}`);
});

When(/^(\w+) asks for (\d+) more videos$/, async function (this: MediaNestWorld, name: string, count: string) {
  const desk = DownloadDesk.of(this);
  for (let i = 0; i < Number(count); i++) {
    const videoId = desk.freshClip();
    await desk.request(this.actor(name), { url: watchLink(videoId) }, videoId);
  }
});

Then(/^only the first of them is accepted$/, function (this: MediaNestWorld) {
  const [first, second] = this.exchanges.filter((exchange) => exchange.request.method === 'POST').slice(-2);
  expectStatus(first!, 202);
  expectError(second!, 429, 'QUOTA_EXCEEDED');
});

Then(/^all (\d+) are accepted$/, function (this: MediaNestWorld, count: string) {
  const posts = this.exchanges.filter((exchange) => exchange.request.method === 'POST' && exchange.request.path.endsWith('/downloads'));
  posts.slice(-Number(count)).forEach((exchange) => expectStatus(exchange, 202));
});

Given(/^(\w+) has been refused (\d+) links? that (?:is|are) not YouTube videos?$/, async function (this: MediaNestWorld, name: string, count: string) {
  const links = Object.values(REFUSED_LINKS).slice(0, Number(count));
  for (const link of links) expectError(await DownloadDesk.of(this).request(this.actor(name), { url: link }), 400, 'INVALID_URL');
});

Given(/^(\w+) has been refused the video (?:he|she) is already downloading$/, async function (this: MediaNestWorld, name: string) {
  const desk = DownloadDesk.of(this);
  const { videoId } = desk.latest(name);
  expectError(await desk.request(this.actor(name), { url: watchLink(videoId) }, videoId), 409, 'DOWNLOAD_ACTIVE');
});
