import assert from 'node:assert/strict';
import type { Actor } from '../actor';
import { EventStream, type ReceivedEvent } from '../drivers/sse';
import type { HttpExchange } from '../api/exchange';
import { expectData } from '../checks/answers';
import { SUITE_ADMIN } from '../personas';
import { scenarioEnvironment } from '../target/environment';
import { YtDlpJournal } from '../upstreams/yt-dlp/journal';
import type { MediaNestWorld } from '../world';
import { watchLink } from './youtube-links';

const DOWNLOADS = '/api/v1/youtube/downloads';
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

export const isTerminal = (event: ReceivedEvent) =>
  event.type === 'completed' || event.type === 'failed' || (event.type === 'status' && event.data.status === 'cancelled');

/**
 * What the people of one scenario do with downloads: start them, follow them over SSE, cancel
 * them. It keeps the downloads started and the streams opened, so later steps can say "the
 * download" and every stream is closed when the scenario ends.
 */
export class DownloadDesk {
  readonly started: StartedDownload[] = [];
  /** Every video asked for, accepted or not, so a step can ask what became of a refused one. */
  readonly asked: Array<{ actor: string; videoId?: string }> = [];
  readonly streams: EventStream[] = [];
  private clips = 0;

  private constructor(private readonly world: MediaNestWorld) {}

  static of(world: MediaNestWorld): DownloadDesk {
    world.remember('download desk', new DownloadDesk(world));
    return world.recall<DownloadDesk>('download desk');
  }

  /** Asks for a download of a link (or a raw body, for bad input); an accepted one is kept. */
  async request(actor: Actor, body: unknown, videoId?: string): Promise<HttpExchange> {
    this.asked.push({ actor: actor.name, videoId });
    const exchange = await actor.call('POST', DOWNLOADS, { body });
    if (exchange.response.status === 202) {
      const data = exchange.response.body.data;
      this.started.push({ actor: actor.name, id: data.id, videoId: videoId ?? data.videoId });
    }
    return exchange;
  }

  async start(actor: Actor, videoId: string, options: { quality?: string; format?: string } = {}): Promise<StartedDownload> {
    expectData(await this.request(actor, { url: watchLink(videoId), ...options }, videoId), 202);
    return this.latest(actor.name);
  }

  /** A video id no other download of the scenario uses (the fake treats it as a short video). */
  freshClip(): string {
    this.clips += 1;
    return `shortClip${String(this.clips).padStart(2, '0')}`;
  }

  latest(actor: string): StartedDownload {
    const found = this.started.findLast((download) => download.actor === actor);
    assert.ok(found, `${actor} has started no download`);
    return found;
  }

  ofVideo(actor: string, videoId: string): StartedDownload {
    const found = this.started.findLast((download) => download.actor === actor && download.videoId === videoId);
    assert.ok(found, `${actor} has not downloaded ${videoId}`);
    return found;
  }

  /** Opens the download's event stream; `breakAfter` drops the connection after that many events. */
  async follow(actor: Actor, download: StartedDownload, lastEventId?: number | string, breakAfter?: number): Promise<EventStream> {
    const url = `${await this.world.gatewayUrl()}${DOWNLOADS}/${download.id}/events`;
    const options = { token: actor.session?.token, lastEventId, types: EVENT_TYPES, terminal: isTerminal, breakAfter, now: () => this.world.clock.now() };
    const stream = new EventStream(url, actor.name, options, (exchange) => this.world.exchanges.push(exchange));
    this.streams.push(stream);
    this.world.eventStreams.push(stream);
    return stream;
  }

  latestStream(actor: string): EventStream {
    const found = this.streams.findLast((stream) => stream.actor === actor);
    assert.ok(found, `${actor} has followed no download`);
    return found;
  }

  /** Waits (bounded, real time) for something a stream receives from a running process. */
  async until(stream: EventStream, condition: (events: ReceivedEvent[]) => boolean, what: string): Promise<void> {
    await stream.until(() => condition(stream.events) || stream.closed, what, WAIT_MS);
    assert.ok(condition(stream.events), `the stream ended before ${what}: ${JSON.stringify(stream.events)}`);
  }

  /** Waits for the gateway to end the stream after the download's last event. */
  async untilEnded(stream: EventStream): Promise<void> {
    await stream.until(() => stream.closed, 'the event stream to end', WAIT_MS);
  }

  /** Follows the download until it has ended, and answers the download as it then stands. */
  async outcome(actor: Actor, download: StartedDownload): Promise<any> {
    await this.untilEnded(await this.follow(actor, download));
    return this.look(actor, download);
  }

  /** Follows the download until yt-dlp is visibly at work on it (its first progress). */
  async untilRunning(actor: Actor, download: StartedDownload): Promise<void> {
    const stream = await this.follow(actor, download);
    await this.until(stream, (events) => events.some((event) => event.type === 'progress'), 'yt-dlp to report progress');
    stream.close();
  }

  async look(actor: Actor, download: StartedDownload): Promise<any> {
    return expectData(await actor.call('GET', `${DOWNLOADS}/${download.id}`));
  }

  cancel(actor: Actor, download: StartedDownload): Promise<HttpExchange> {
    return actor.call('DELETE', `${DOWNLOADS}/${download.id}`);
  }

  list(actor: Actor, query = ''): Promise<HttpExchange> {
    return actor.call('GET', `${DOWNLOADS}${query}`);
  }

  journal(): YtDlpJournal {
    return new YtDlpJournal(this.environment().FAKE_YTDLP_JOURNAL!);
  }

  downloadDir(): string {
    return this.environment().DOWNLOAD_DIR!;
  }

  closeAll(): void {
    for (const stream of this.streams) stream.close();
  }

  private environment(): Record<string, string> {
    return { ...scenarioEnvironment(this.world.target.origins, this.world.workDir, SUITE_ADMIN), ...this.world.env };
  }
}
