import { expect } from './chai';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { EventStream, ReceivedEvent } from '../drivers/sse';
import type { HttpExchange } from '../api/exchange';
import { expectData, expectError, expectStatus } from './answers';
import { missingBrowserProtections } from './browser-protections';
import { Downloads, type StartedDownload } from '../tasks/download-videos';
import { VIDEOS } from '../tasks/youtube-links';
import type { MediaNestWorld } from '../world';

const statusesOf = (events: ReceivedEvent[]) => events.filter((event) => event.type === 'status').map((event) => event.data.status);
const percentsOf = (events: ReceivedEvent[]) => events.filter((event) => event.type === 'progress').map((event) => event.data.percent);
const told = (events: ReceivedEvent[]) => events.map((event) => `${event.id}:${event.type}`).join(', ') || 'nothing';

/** Questions about a person's downloads, answered from the gateway and the person's progress streams. */
export const DownloadChecks = {
  /** The download as it stands, once it has ended (followed to its end first). */
  /** With `error` a string, the download's error is exactly that text. */
  async endedAs(world: MediaNestWorld, name: string, status: string, error?: RegExp | string): Promise<any> {
    const download = await Downloads.outcome(world, Downloads.latest(world, name));
    expect(download.status, `Expected ${name}'s download to end ${status}, but it ended ${download.status} (${download.error ?? 'no error'})`).to.equal(status);
    const says = `Expected ${name}'s download to fail with "${error}", but the error says "${download.error}"`;
    if (typeof error === 'string') expect(download.error, says).to.equal(error);
    else if (error) expect(download.error, says).to.match(error);
    return download;
  },

  /** The download as it stands now, without waiting. */
  async standsAs(world: MediaNestWorld, name: string, status: string, which = Downloads.latest(world, name)): Promise<any> {
    const download = await Downloads.look(world, which, name);
    expect(download.status, `Expected ${name}'s download to be ${status}, but it is ${download.status}`).to.equal(status);
    return download;
  },

  /** Cancelled: the cancel (if that was the person's last call) answered 204, and the download stands cancelled. */
  async cancelled(world: MediaNestWorld, name: string): Promise<void> {
    const exchange = world.lastExchangeOf(name);
    if (exchange.request.method === 'DELETE') expectStatus(exchange, 204);
    await DownloadChecks.standsAs(world, name, 'cancelled');
  },

  /** Never started: the download shows only what was asked (no title, start, end, file or error yet). */
  notStarted(download: any): void {
    expect(download.startedAt, `Expected the download never to have started, but it started at ${download.startedAt}`).to.equal(undefined);
    expect(Object.keys(download).sort(), `Expected the waiting download to show only what was asked: ${JSON.stringify(download)}`).to.deep.equal(['createdAt', 'format', 'id', 'progress', 'quality', 'status', 'url', 'videoId']);
  },

  failedBecause(download: any, reason: RegExp): void {
    expect(download.error, `Expected the download to fail as ${reason}, but the error says "${download.error}"`).to.match(reason);
  },

  leftNoFile(download: any): void {
    expect(download.file, `Expected the failed download to leave no file, but it left ${JSON.stringify(download.file)}`).to.equal(undefined);
  },

  completed(download: any, name: string): void {
    expect(download.status, `Expected ${name}'s download of ${download.videoId} to complete, but it ended ${download.status} (${download.error ?? 'no error'})`).to.equal('completed');
  },

  /** As chosen, complete, and its file as large as the one in the download folder. */
  completedAsChosen(world: MediaNestWorld, download: any, quality: string, format: string): void {
    expect(download.title, "Expected the download to carry the video's title from its metadata").to.equal('Big Buck Bunny - Short Film');
    const name = `${download.videoId}.${format}`;
    const onDisk = join(Downloads.downloadDir(world), String(download.id), name);
    expect({ quality: download.quality, format: download.format, progress: download.progress, file: download.file }, 'Expected the download as chosen, complete')
      .to.deep.equal({ quality, format, progress: 100, file: { name, size: existsSync(onDisk) ? statSync(onDisk).size : 'no file on disk' } });
    expect(Date.parse(download.startedAt) >= Date.parse(download.createdAt) && Date.parse(download.completedAt) >= Date.parse(download.startedAt), `Expected created <= started <= completed, but it was ${download.createdAt}, ${download.startedAt}, ${download.completedAt}`).to.equal(true);
  },

  async sawTheWholeStory(world: MediaNestWorld, name: string): Promise<void> {
    const stream = await Downloads.untilEnded(Downloads.latestStream(world, name));
    expect(statusesOf(stream.events), `Expected ${name} to see the download queued, then downloading, then completed; ${name} saw ${told(stream.events)}`).to.deep.equal(['queued', 'downloading', 'completed']);
    const last = stream.events.at(-1)!;
    expect(last.type, 'Expected the stream to end with the completion').to.equal('completed');
    expect(last.data.file.name, 'Expected an mp4 file').to.match(/\.mp4$/);
    expect(last.data.file.size, 'Expected a file with something in it').to.be.above(0);
    expect(stream.events.map((event) => event.id), 'Expected event ids to count up from 1').to.deep.equal(stream.events.map((_, i) => i + 1));
  },

  progressOnlyRose(stream: EventStream): void {
    const percents = percentsOf(stream.events);
    expect(percents.length, `Expected at least 3 progress events, but ${stream.actor} saw ${percents.join(', ')}`).to.be.at.least(3);
    const falls = percents.slice(1).filter((percent, i) => percent <= percents[i]!);
    expect(falls, `Expected the progress to only rise, but it went ${percents.join(', ')}`).to.deep.equal([]);
    expect(percents.at(-1), 'Expected the progress to reach 100 percent').to.equal(100);
  },

  /**
   * The fake's picture goes 0, 8.1, 27.4, 51, 76.3, 100 % (nine tenths of the whole, to one decimal),
   * then its sound 0, 35.5, 71, 100 % (the last tenth); a start at 0 is no rise.
   */
  pictureThenSound(stream: EventStream): void {
    const percents = percentsOf(stream.events);
    expect(percents, `Expected the picture to fill the first 90 percent and the sound the rest, but the progress went ${percents.join(', ')}`).to.deep.equal([7.3, 24.7, 45.9, 68.7, 90, 93.6, 97.1, 100]);
  },

  /** A video in one file: the person sees each percent yt-dlp printed (the fake's 8.1, 27.4, 51, 76.3, 100 after 0). */
  sawThePercentsPrinted(stream: EventStream): void {
    const percents = percentsOf(stream.events);
    expect(percents, `Expected the percents yt-dlp printed, but the progress went ${percents.join(', ')}`).to.deep.equal([8.1, 27.4, 51, 76.3, 100]);
  },

  /** The file the last download's stream announced, where the gateway keeps downloads. */
  fileOfLast(world: MediaNestWorld): { folder: string; name: string; size: number } {
    const download = Downloads.last(world);
    const { file } = Downloads.latestStream(world, download.actor).events.at(-1)!.data;
    return { folder: join(Downloads.downloadDir(world), String(download.id)), name: file.name, size: file.size };
  },

  fileIsKept(world: MediaNestWorld): void {
    const { folder, name, size } = DownloadChecks.fileOfLast(world);
    expect(existsSync(join(folder, name)), `Expected the finished file at ${join(folder, name)}, but there is none`).to.equal(true);
    expect(statSync(join(folder, name)).size, 'Expected the file on disk to be as large as announced').to.equal(size);
  },

  /**
   * The last download got the number whose folder held an earlier file, and that file is still
   * there, untouched, in a folder of its own beside the download's.
   */
  earlierFileKeptAside(world: MediaNestWorld): void {
    const earlier = world.notes.downloads.earlierFile!;
    const download = Downloads.last(world);
    expect(download.id, `Expected the download to be number ${earlier.number}, the number whose folder held the earlier file`).to.equal(earlier.number);
    const { folder, name } = DownloadChecks.fileOfLast(world);
    expect(readFileSync(join(folder, name), 'utf8'), 'Expected the finished file to be what yt-dlp downloaded, not the earlier file').to.not.equal(earlier.content);
    const asides = readdirSync(dirname(folder)).filter((entry) => entry.startsWith(`${earlier.number}.earlier-`));
    expect(asides, `Expected the earlier folder kept under another name beside ${folder}`).to.have.length(1);
    // named by when it was set aside, in a name any file system takes (no colons)
    expect(asides[0], 'Expected the earlier folder named by the time it was set aside').to.match(new RegExp(`^${earlier.number}\\.earlier-\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z$`));
    expect(readdirSync(join(dirname(folder), asides[0]!)), 'Expected the earlier folder to hold just its file').to.deep.equal([earlier.name]);
    expect(readFileSync(join(dirname(folder), asides[0]!, earlier.name), 'utf8'), 'Expected the earlier file untouched').to.equal(earlier.content);
  },

  onlyTheMergedFile(world: MediaNestWorld): void {
    const { folder, name } = DownloadChecks.fileOfLast(world);
    expect(readdirSync(folder), 'Expected the download folder to hold only the merged file').to.deep.equal([name]);
  },

  ownDownloadsOldestFirst(world: MediaNestWorld, name: string, count: number): void {
    const exchange = world.lastExchangeOf(name);
    const mine = world.notes.downloads.started.filter((download) => download.actor === name).map((download) => download.id);
    expect(mine.length, `Expected ${name} to have started ${count} downloads`).to.equal(count);
    expect(expectData(exchange).map((download: { id: number }) => download.id), `Expected ${name} to see his own downloads, oldest first`).to.deep.equal(mine);
    expect(exchange.response.body.meta, 'Expected one page holding them all').to.deep.equal({ page: 1, pageSize: 20, total: count, totalPages: 1 });
  },

  /** The last page asked for holds only the person's download at that place (oldest first). */
  aloneOnPage(world: MediaNestWorld, name: string, place: number, page: number, pages: number): void {
    const exchange = world.lastExchangeOf(name);
    const mine = world.notes.downloads.started.filter((download) => download.actor === name).map((download) => download.id);
    const { meta } = exchange.response.body;
    expect({ ids: expectData(exchange).map((download: { id: number }) => download.id), page: meta.page, total: meta.total, totalPages: meta.totalPages }, `Expected ${name}'s download number ${place} alone on page ${page} of ${pages}`)
      .to.deep.equal({ ids: [mine[place - 1]], page, total: mine.length, totalPages: pages });
  },

  onlyTheFailedOne(world: MediaNestWorld, name: string): void {
    const list = expectData(world.lastExchangeOf(name));
    expect(list.map((download: { videoId: string; status: string }) => `${download.videoId} ${download.status}`), `Expected ${name} to see only the video that failed midway`).to.deep.equal([`${VIDEOS['a video that fails midway']} failed`]);
  },

  async nothingStored(world: MediaNestWorld, name: string): Promise<void> {
    expect(expectData(await Downloads.list(world, name)), `Expected nothing stored for ${name}`).to.deep.equal([]);
  },

  accepted(world: MediaNestWorld, name: string): void {
    const exchange = world.lastExchangeOf(name);
    const download = expectData(exchange, 202);
    expect(exchange.response.headers.location, "Expected the answer to give the download's address").to.equal(Downloads.addressOf(download.id));
    expect(['queued', 'downloading'], `Expected the accepted download to be queued or downloading, but it is ${download.status}`).to.include(download.status);
  },

  /** The person is refused for the quota and told how long to wait, in seconds within `range`. */
  toldToWait(world: MediaNestWorld, name: string, range: [number, number]): void {
    const exchange = world.lastExchangeOf(name);
    expectError(exchange, 429, 'QUOTA_EXCEEDED');
    const seconds = Number(exchange.response.headers['retry-after']);
    expect(Number.isInteger(seconds) && seconds >= range[0] && seconds <= range[1], `Expected ${name} to be told to wait ${range[0]} to ${range[1]} seconds, but was told "${exchange.response.headers['retry-after']}"`).to.equal(true);
    const { details } = exchange.response.body.error;
    expect(details, `Expected the refusal to say the limit, its window and the same wait in its details`).to.deep.equal({ limit: 5, windowMinutes: 60, retryAfterSeconds: seconds });
  },

  /** Refused because the person is already downloading the video: the refusal names that download. */
  refusedAsUnderWay(world: MediaNestWorld, name: string): void {
    const exchange = world.lastExchangeOf(name);
    expectError(exchange, 409, 'DOWNLOAD_ACTIVE');
    expect(exchange.response.body.error.details, `Expected the refusal to name ${name}'s download under way`).to.deep.equal({ downloadId: Downloads.latest(world, name).id });
  },

  /** The last requests to start a download were answered in turn: accepted, or refused for the quota. */
  answeredInTurn(world: MediaNestWorld, accepted: boolean[]): void {
    const answers = Downloads.requests(world).slice(-accepted.length);
    expect(answers.length, `Expected ${accepted.length} requests to start a download`).to.equal(accepted.length);
    answers.forEach((exchange, i) => (accepted[i] ? expectStatus(exchange, 202) : expectError(exchange, 429, 'QUOTA_EXCEEDED')));
  },

  async endedWithFailure(world: MediaNestWorld, name: string): Promise<void> {
    const download = await Downloads.look(world, Downloads.latest(world, name), name);
    const { events } = Downloads.latestStream(world, name);
    expect(events.at(-1), `Expected ${name}'s stream to end with the failure "${download.error}", but it told ${told(events)}`).to.deep.equal({ id: events.length, type: 'failed', data: { error: download.error } });
    const percents = percentsOf(events);
    expect(percents.length > 0 && percents.at(-1) < 100 && percents.at(-1) === download.progress, `Expected the progress to stop where the download failed (${download.progress}), but it went ${percents.join(', ')}`).to.equal(true);
  },

  /** Failed as interrupted by a restart, and following it tells that failure last, as for any failure. */
  async failedAsInterrupted(world: MediaNestWorld, name: string, which: StartedDownload): Promise<void> {
    const download = await DownloadChecks.standsAs(world, name, 'failed', which);
    DownloadChecks.failedBecause(download, /^interrupted: /);
    const { events } = await Downloads.followToEnd(world, which);
    const last = events.slice(-2).map(({ type, data }) => ({ type, data }));
    expect(last, `Expected the stream to end with the failure "${download.error}", but it told ${told(events)}`).to.deep.equal([{ type: 'status', data: { status: 'failed' } }, { type: 'failed', data: { error: download.error } }]);
  },

  async endedWithCancellation(world: MediaNestWorld, name: string): Promise<void> {
    const stream = await Downloads.untilEnded(Downloads.latestStream(world, name));
    expect(stream.events.at(-1)?.data, `Expected ${name}'s stream to end with the cancellation, but it told ${told(stream.events)}`).to.deep.equal({ status: 'cancelled' });
  },

  /** The two streams the person opened last together saw what one whole stream sees, once each. */
  async sawEveryEventOnce(world: MediaNestWorld, name: string): Promise<void> {
    const [before, after] = world.notes.downloads.streams.filter((stream) => stream.actor === name).slice(-2);
    const whole = await Downloads.followToEnd(world, Downloads.latest(world, name), name);
    expect(after!.events[0]?.id, 'Expected the replay to start right after the last event seen').to.equal(before!.events.at(-1)!.id + 1);
    expect([...before!.events, ...after!.events], 'Expected the two connections together to see the whole story, once').to.deep.equal(whole.events);
    expect(whole.events.at(-1)?.type, 'Expected the story to end with the completion').to.equal('completed');
  },

  /** The answer that opened the person's last progress stream (recorded once the stream ended). */
  streamAnswer(world: MediaNestWorld, name: string): HttpExchange {
    const exchange = world.exchanges.findLast((candidate) => candidate.actor === name && candidate.request.path.endsWith('/events'));
    expect(exchange, `Expected ${name} to have followed a progress stream to its end`).to.not.equal(undefined);
    expectStatus(exchange!, 200);
    return exchange!;
  },

  /** Proxies are told not to cache, transform or buffer the stream, and to keep its connection open. */
  notHeldBackOnTheWay(world: MediaNestWorld, name: string): void {
    const { headers } = DownloadChecks.streamAnswer(world, name).response;
    const told = { 'cache-control': headers['cache-control'], connection: headers.connection, 'x-accel-buffering': headers['x-accel-buffering'] };
    expect(told, 'Expected the stream to be neither cached nor transformed nor buffered by a proxy, on a connection kept open').to.deep.equal({ 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  },

  protectedAndCorrelated(world: MediaNestWorld, name: string): void {
    const exchange = DownloadChecks.streamAnswer(world, name);
    expect(missingBrowserProtections(exchange, /^text\/event-stream\b/), 'the browser protections the stream lacks or gets wrong').to.deep.equal([]);
    expect(exchange.response.headers['x-correlation-id'] ?? '', 'Expected the stream to carry a correlation id, as every answer does').to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  },

  /** The stream as it was sent: events of the contract's types, each with its number, and heartbeats; nothing else. */
  onlyNumberedEvents(world: MediaNestWorld, name: string): void {
    const blocks = DownloadChecks.streamAnswer(world, name).response.text.split('\n\n').filter((block) => block !== '');
    const others = blocks.filter((block) => !/^id: [1-9]\d*\nevent: (status|progress|completed|failed)\ndata: \{.*\}$/.test(block) && block !== ': heartbeat');
    expect(others, `Expected ${name}'s stream to hold only numbered events and heartbeats`).to.deep.equal([]);
  },

  nothingToFollow(world: MediaNestWorld, name: string): void {
    const stream = Downloads.latestStream(world, name);
    expect(stream.closed, `Expected ${name}'s stream to be closed`).to.equal(true);
    expectStatus(world.exchanges.findLast((exchange) => exchange.actor === name && exchange.request.path.endsWith('/events'))!, 204);
    expect(stream.events, `Expected no event, but ${name} was told ${told(stream.events)}`).to.deep.equal([]);
  },

  async onlyHeartbeats(world: MediaNestWorld, name: string, count: number): Promise<void> {
    const stream = Downloads.latestStream(world, name);
    await stream.until(() => stream.comments.length >= count, `${count} heartbeats`, 5_000);
    expect(stream.comments, `Expected ${count} heartbeats`).to.deep.equal(Array(count).fill('heartbeat'));
    expect(stream.events.length, 'Expected no event while yt-dlp was silent').to.equal(world.notes.downloads.eventsBeforeQuiet);
  },
};
