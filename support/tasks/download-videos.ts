import assert from 'node:assert/strict';
import { API_BASE_PATH } from '../api/medianest-api';
import { EventStream, type ReceivedEvent } from '../drivers/sse';
import type { HttpExchange } from '../api/exchange';
import { expectData } from '../checks/answers';
import { startNotesWith } from '../notes';
import { FAKE_YT_DLP_PATH, YtDlpJournal } from '../upstreams/yt-dlp/journal';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { MediaNestWorld } from '../world';
import { until } from './while-time-passes';
import { watchLink } from './youtube-links';

const DOWNLOADS = `${API_BASE_PATH}/youtube/downloads`;
const EVENT_TYPES = ['status', 'progress', 'completed', 'failed'];
/**
 * Each fake yt-dlp run is bounded well under a second; this only catches a gateway that never
 * answers. 5 s was too short on a busy machine (load average 14, --parallel 2): starting the Node
 * fake twice per download took longer, and every download scenario failed waiting for it.
 */
const WAIT_MS = 15_000;

export interface StartedDownload {
  actor: string;
  id: number;
  videoId: string;
}

/** A quality and container a person may choose, or neither ("without saying how"). */
export interface DownloadChoice {
  quality?: string;
  format?: string;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export const isTerminal = (event: ReceivedEvent) =>
  event.type === 'completed' || event.type === 'failed' || (event.type === 'status' && event.data.status === 'cancelled');

/**
 * What the download steps of one scenario tell each other: the downloads started and the streams
 * opened (so later steps can say "the download", and every stream is closed when the scenario ends).
 */
export class DownloadNotes {
  readonly started: StartedDownload[] = [];
  /** Every video asked for, accepted or not, so a step can ask what became of a refused one. */
  readonly asked: Array<{ actor: string; videoId?: string }> = [];
  readonly streams: EventStream[] = [];
  clips = 0;
  /** The download a Given saw waiting in the queue. */
  queued?: StartedDownload;
  /** The yt-dlp process that ignored SIGTERM. */
  stubbornPid?: number;
  /** The last event a stream saw before it broke off. */
  lastEventSeen?: number;
  /** How many events a stream had when yt-dlp fell quiet. */
  eventsBeforeQuiet?: number;
  /** A file left in the downloads folder, under a download's number, as by a database since replaced. */
  earlierFile?: EarlierFile;
}

export interface EarlierFile {
  number: number;
  name: string;
  content: string;
}

declare module '../notes' {
  interface ScenarioNotes {
    downloads: DownloadNotes;
  }
}
startNotesWith('downloads', () => new DownloadNotes());

/** What people do with downloads: start them, follow them over SSE, look at them, cancel them. */
export const Downloads = {
  /** Asks for a download of a link (or a raw body, for bad input); an accepted one is noted. */
  async request(world: MediaNestWorld, name: string, body: unknown, videoId?: string): Promise<HttpExchange> {
    const notes = world.notes.downloads;
    notes.asked.push({ actor: name, videoId });
    const exchange = await world.actor(name).api.createDownload(body as { url: unknown });
    if (exchange.response.status === 202) notes.started.push({ actor: name, id: exchange.response.body.data.id, videoId: videoId ?? exchange.response.body.data.videoId });
    return exchange;
  },

  /** Asks for the video by its own link: a refusal is for a Then to judge. */
  ask(world: MediaNestWorld, name: string, videoId: string): Promise<HttpExchange> {
    return Downloads.request(world, name, { url: watchLink(videoId) }, videoId);
  },

  async start(world: MediaNestWorld, name: string, videoId: string, choice: DownloadChoice = {}): Promise<StartedDownload> {
    expectData(await Downloads.request(world, name, { url: watchLink(videoId), ...choice }, videoId), 202);
    return Downloads.latest(world, name);
  },

  /** Starts `count` downloads of fresh clips, one after another (each counts against the quota once accepted). */
  async startClips(world: MediaNestWorld, name: string, count: number): Promise<StartedDownload[]> {
    const started = [];
    for (let i = 0; i < count; i++) started.push(await Downloads.start(world, name, Downloads.freshClip(world)));
    return started;
  },

  /** Asks for each link, one after another: the answers. */
  async askForLinks(world: MediaNestWorld, name: string, links: string[]): Promise<HttpExchange[]> {
    const answers = [];
    for (const link of links) answers.push(await Downloads.request(world, name, { url: link }));
    return answers;
  },

  /** Asks for `count` fresh clips, one after another, whatever the answers. */
  async askForClips(world: MediaNestWorld, name: string, count: number): Promise<void> {
    for (let i = 0; i < count; i++) await Downloads.ask(world, name, Downloads.freshClip(world));
  },

  /** Starts `count` fresh clips, then follows each to its end: the downloads as they ended. */
  async downloadClips(world: MediaNestWorld, name: string, count: number): Promise<any[]> {
    const started = await Downloads.startClips(world, name, count);
    return Promise.all(started.map((download) => Downloads.outcome(world, download)));
  },

  /** Starts the videos one after another, then waits until yt-dlp is at work on each. */
  async startAllRunning(world: MediaNestWorld, name: string, videoIds: string[]): Promise<void> {
    const started = [];
    for (const videoId of videoIds) started.push(await Downloads.start(world, name, videoId));
    await Promise.all(started.map((download) => Downloads.untilRunning(world, download)));
  },

  /** Tries the video `times` times, one after another: it cannot run twice at once, but may be tried again once it has ended. */
  async tryRepeatedly(world: MediaNestWorld, name: string, videoId: string, times: number): Promise<void> {
    for (let i = 0; i < times; i++) await Downloads.startAndFinish(world, name, videoId);
  },

  /** Follows the latest download as `name` until the stream breaks off after `count` events, noting the last one seen. */
  async followUntilBroken(world: MediaNestWorld, name: string, count: number): Promise<void> {
    const stream = await Downloads.follow(world, Downloads.latest(world, name), name, undefined, count);
    await Downloads.until(stream, (events) => events.length >= count, `${count} events`);
    world.notes.downloads.lastEventSeen = stream.events[count - 1]!.id;
  },

  /** Follows the latest download again from the last event seen: where a stream broke off, else where the last one ended. */
  reconnect(world: MediaNestWorld, name: string): Promise<EventStream> {
    const lastSeen = world.notes.downloads.lastEventSeen ?? Downloads.latestStream(world, name).lastEventId;
    return Downloads.followToEnd(world, Downloads.latest(world, name), name, lastSeen);
  },

  /** Follows the latest download until its progress so far has arrived, noting how many events that was. */
  async watchQuietly(world: MediaNestWorld, name: string): Promise<void> {
    const stream = await Downloads.follow(world, Downloads.latest(world, name));
    await Downloads.until(stream, (events) => events.some((event) => event.type === 'progress'), 'the progress so far');
    world.notes.downloads.eventsBeforeQuiet = stream.events.length;
  },

  /** What someone tries on another person's latest download. */
  async tryOnOthers(world: MediaNestWorld, name: string, action: 'look at' | 'cancel' | 'follow', owner: string): Promise<void> {
    const download = Downloads.latest(world, owner);
    if (action === 'look at') await Downloads.lookAs(world, download, name);
    else if (action === 'cancel') await Downloads.cancel(world, download, name);
    else await Downloads.followToEnd(world, download, name);
  },

  /** Starts the video and notes it as the queued download. */
  async queue(world: MediaNestWorld, name: string, videoId: string): Promise<StartedDownload> {
    return (world.notes.downloads.queued = await Downloads.start(world, name, videoId));
  },

  /**
   * Moves the clock to a millisecond short of `seconds` once yt-dlp has ignored its SIGTERM (it must
   * still be alive then), then past it; notes the stubborn process.
   */
  async holdOut(world: MediaNestWorld, seconds: number): Promise<void> {
    const journal = Downloads.journal(world);
    await until(() => journal.signalsReceived().some((signal) => signal.ignored), 'yt-dlp to note the SIGTERM it ignores');
    const [run] = journal.spawnsFor(Downloads.last(world).videoId).filter((candidate) => candidate.mode === 'download');
    await world.clock.advance(seconds * 1000 - 1);
    assert.ok(isAlive(run!.pid), `yt-dlp was killed before ${seconds} seconds had passed`);
    await world.clock.advance(1);
    world.notes.downloads.stubbornPid = run!.pid;
  },

  /** Moves the clock past the default stall limit of a yt-dlp that ignores the SIGTERM it then gets, until it has noted it. */
  async stallStubbornly(world: MediaNestWorld): Promise<void> {
    await world.clock.advance(60_000);
    await until(() => Downloads.journal(world).signalsReceived().some((signal) => signal.ignored), 'yt-dlp to note the SIGTERM it ignores');
  },

  /** Moves the clock to a millisecond short of the stall limit (still downloading), then past it, and waits for the download to end. */
  async stallFor(world: MediaNestWorld, seconds: number): Promise<void> {
    const download = Downloads.last(world);
    await world.clock.advance(seconds * 1000 - 1);
    assert.equal((await Downloads.look(world, download)).status, 'downloading', 'stopped before the stall limit');
    await world.clock.advance(1);
    await Downloads.followToEnd(world, download);
  },

  /** Starts the video and follows it to its end, answering the download as it then stands. */
  async startAndFinish(world: MediaNestWorld, name: string, videoId: string): Promise<any> {
    return Downloads.outcome(world, await Downloads.start(world, name, videoId));
  },

  /** Starts the video and waits until yt-dlp is visibly at work on it. */
  async startRunning(world: MediaNestWorld, name: string, videoId: string): Promise<StartedDownload> {
    const download = await Downloads.start(world, name, videoId);
    await Downloads.untilRunning(world, download);
    return download;
  },

  /** A video id no other download of the scenario uses (the fake treats it as a short video). */
  freshClip(world: MediaNestWorld): string {
    const notes = world.notes.downloads;
    notes.clips += 1;
    return `shortClip${String(notes.clips).padStart(2, '0')}`;
  },

  latest(world: MediaNestWorld, name: string): StartedDownload {
    const found = world.notes.downloads.started.findLast((download) => download.actor === name);
    assert.ok(found, `${name} has started no download`);
    return found;
  },

  /** The download started last by anyone. */
  last(world: MediaNestWorld): StartedDownload {
    const found = world.notes.downloads.started.at(-1);
    assert.ok(found, 'no download was started');
    return found;
  },

  /** The video asked for last, accepted or not. */
  lastAsked(world: MediaNestWorld): string {
    const videoId = world.notes.downloads.asked.at(-1)?.videoId;
    assert.ok(videoId, 'no video was asked for');
    return videoId;
  },

  ofVideo(world: MediaNestWorld, name: string, videoId: string): StartedDownload {
    const found = world.notes.downloads.started.findLast((download) => download.actor === name && download.videoId === videoId);
    assert.ok(found, `${name} has not downloaded ${videoId}`);
    return found;
  },

  /** Opens the download's event stream as `name`; `breakAfter` drops the connection after that many events. */
  async follow(world: MediaNestWorld, download: StartedDownload, name = download.actor, lastEventId?: number | string, breakAfter?: number): Promise<EventStream> {
    const url = `${await world.urlFor(name)}${DOWNLOADS}/${download.id}/events`;
    const options = { token: world.actor(name).session?.token, lastEventId, types: EVENT_TYPES, terminal: isTerminal, breakAfter, now: () => world.clock.now() };
    const stream = new EventStream(url, name, options, (exchange) => world.exchanges.push(exchange));
    world.notes.downloads.streams.push(stream);
    world.eventStreams.push(stream);
    return stream;
  },

  /** Follows the person's latest download until its first event has arrived. */
  async followLatest(world: MediaNestWorld, name: string): Promise<EventStream> {
    const stream = await Downloads.follow(world, Downloads.latest(world, name));
    await Downloads.until(stream, (events) => events.length > 0, 'the first event');
    return stream;
  },

  /** Follows the download to its end, from `lastEventId` if given. */
  async followToEnd(world: MediaNestWorld, download: StartedDownload, name = download.actor, lastEventId?: number | string): Promise<EventStream> {
    const stream = await Downloads.follow(world, download, name, lastEventId);
    await Downloads.untilEnded(stream);
    return stream;
  },

  latestStream(world: MediaNestWorld, name: string): EventStream {
    const found = world.notes.downloads.streams.findLast((stream) => stream.actor === name);
    assert.ok(found, `${name} has followed no download`);
    return found;
  },

  /** Waits (bounded, real time) for something a stream receives from a running process. */
  async until(stream: EventStream, condition: (events: ReceivedEvent[]) => boolean, what: string): Promise<void> {
    await stream.until(() => condition(stream.events) || stream.closed, what, WAIT_MS);
    assert.ok(condition(stream.events), `the stream ended before ${what}: ${JSON.stringify(stream.events)}`);
  },

  /** Waits for the gateway to end the stream after the download's last event. */
  async untilEnded(stream: EventStream): Promise<EventStream> {
    await stream.until(() => stream.closed, 'the event stream to end', WAIT_MS);
    return stream;
  },

  /** Follows the download until it has ended, and answers the download as it then stands. */
  async outcome(world: MediaNestWorld, download: StartedDownload): Promise<any> {
    await Downloads.followToEnd(world, download);
    return Downloads.look(world, download);
  },

  /** Follows the download until yt-dlp is visibly at work on it (its first progress). */
  async untilRunning(world: MediaNestWorld, download: StartedDownload): Promise<void> {
    const stream = await Downloads.follow(world, download);
    await Downloads.until(stream, (events) => events.some((event) => event.type === 'progress'), 'yt-dlp to report progress');
    stream.close();
  },

  /** The download as its owner (or `name`) sees it now. */
  async look(world: MediaNestWorld, download: StartedDownload, name = download.actor): Promise<any> {
    return expectData(await Downloads.lookAs(world, download, name));
  },

  lookAs(world: MediaNestWorld, download: StartedDownload, name: string): Promise<HttpExchange> {
    return world.actor(name).api.getDownload(download.id);
  },

  cancel(world: MediaNestWorld, download: StartedDownload, name = download.actor): Promise<HttpExchange> {
    return world.actor(name).api.cancelDownload(download.id);
  },

  list(world: MediaNestWorld, name: string, status?: 'failed'): Promise<HttpExchange> {
    return world.actor(name).api.listDownloads(status ? { status } : {});
  },

  listPage(world: MediaNestWorld, name: string, page: number, pageSize: number): Promise<HttpExchange> {
    return world.actor(name).api.listDownloads({ page, pageSize });
  },

  /** Every request to start a download the scenario made, in order. */
  requests(world: MediaNestWorld): HttpExchange[] {
    return world.exchanges.filter((exchange) => exchange.operationId === 'createDownload');
  },

  /** The address the gateway gives an accepted download (its Location). */
  addressOf(id: number): string {
    return `${DOWNLOADS}/${id}`;
  },

  /** A yt-dlp (the fake, through a script in the scenario's folder) that refuses `option` as unknown. */
  olderYtDlp(world: MediaNestWorld, option: string): string {
    const script = join(world.workDir, 'old-yt-dlp', 'yt-dlp');
    mkdirSync(dirname(script), { recursive: true });
    writeFileSync(script, `#!/bin/sh\nFAKE_YTDLP_UNKNOWN_OPTIONS='${option}' exec '${FAKE_YT_DLP_PATH}' "$@"\n`, { mode: 0o755 });
    return script;
  },

  journal(world: MediaNestWorld): YtDlpJournal {
    return new YtDlpJournal(world.configuration().FAKE_YTDLP_JOURNAL!);
  },

  /**
   * Leaves the file yt-dlp would write for `videoId` (in mp4, the default) in the folder of download
   * `number`, as a gateway whose database was since replaced would have left it.
   */
  leaveEarlierFile(world: MediaNestWorld, number: number, videoId: string): void {
    const earlier = { number, name: `${videoId}.mp4`, content: `a download numbered ${number} under a database since replaced\n` };
    const path = join(Downloads.downloadDir(world), String(number), earlier.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, earlier.content);
    world.notes.downloads.earlierFile = earlier;
  },

  downloadDir(world: MediaNestWorld): string {
    return world.configuration().DOWNLOAD_DIR!;
  },

  closeAll(world: MediaNestWorld): void {
    for (const stream of world.notes.downloads.streams) stream.close();
  },
};
