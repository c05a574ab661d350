import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import type { EventStream, ReceivedEvent } from '../drivers/sse';
import { Downloads, isTerminal, type StartedDownload } from '../tasks/download-videos';
import { SignIn } from '../tasks/sign-in';
import { deliveryChart, deliveryTimes, describeDelivery } from './delivery-times';
import './load-notes';
import type { MediaNestWorld } from '../world';

/**
 * The progress the fake yt-dlp prints for any short clip (support/upstreams/yt-dlp/README.md:
 * 0 -> 100 % in 6 lines); the gateway reports each rise, so the first line (0 %) is not one.
 */
export const SHORT_CLIP_PROGRESS = [8.1, 27.4, 51, 76.3, 100];

/** A download followed on its own progress stream, and when (real time) its story ended there. */
export interface FollowedDownload {
  download: StartedDownload;
  stream: EventStream;
  /** From the moment all streams were opened to this one's last event; undefined if it never came. */
  endedAfterMs?: number;
}

/** Many people downloading at once, each download followed by its own EventSource client. */
export const DownloadFollowers = {
  /**
   * Signs in `people` accounts ("Downloader 1", ...) and has each start `each` downloads of
   * different short clips, the people side by side. Each person's quota (5 an hour) and the
   * one-active-download-per-video rule are why the load is spread over several people.
   */
  async started(world: MediaNestWorld, people: number, each: number): Promise<StartedDownload[]> {
    assert.ok(!world.gatewayStarted, 'the downloaders are set up before the gateway starts: they need their own sign-in limit');
    world.env.RATE_LIMIT_PIN_PER_MINUTE = String(people + 10); // everyone signs in from the suite's one address
    const names = Array.from({ length: people }, (_, i) => `Downloader ${i + 1}`);
    for (const name of names) await SignIn.as(world, name);
    await Promise.all(
      names.map(async (name) => {
        for (let i = 0; i < each; i++) await Downloads.start(world, name, Downloads.freshClip(world));
      }),
    );
    return world.notes.downloads.started;
  },

  /** Opens a stream for every download started, all at once, and waits (bounded, real time) for each to end. */
  async followAllAtOnce(world: MediaNestWorld, limitMs: number): Promise<FollowedDownload[]> {
    const openedAt = performance.now();
    const followed: FollowedDownload[] = await Promise.all(
      [...world.notes.downloads.started].map(async (download) => ({ download, stream: await Downloads.follow(world, download) })),
    );
    // Polled every turn of the event loop, so each stream's end is timed to within one turn.
    const deadline = openedAt + limitMs;
    for (let waiting = followed; waiting.length && performance.now() < deadline; ) {
      await new Promise((resolve) => setImmediate(resolve));
      const now = performance.now();
      for (const each of waiting) if (each.stream.events.some(isTerminal) || each.stream.closed) each.endedAfterMs = now - openedAt;
      waiting = waiting.filter((each) => each.endedAfterMs === undefined);
    }
    return (world.notes.load.followed = followed);
  },

  /** Attaches how long the streams took to tell their whole story, when any ended. */
  report(world: MediaNestWorld): void {
    const followed = world.notes.load.followed ?? [];
    const ended = followed.flatMap((each) => (each.endedAfterMs === undefined ? [] : [each.endedAfterMs]));
    if (!ended.length) return;
    const events = followed.map((each) => each.stream.events.length);
    const progress = followed.map((each) => each.stream.events.filter((event) => event.type === 'progress').length);
    const title = `${followed.length} progress streams followed at once`;
    const times = deliveryTimes(ended);
    const notes = [
      `streams that ended ${ended.length} of ${followed.length}`,
      `events per stream ${Math.min(...events)} to ${Math.max(...events)} (${events.reduce((sum, n) => sum + n, 0)} in all), progress events per stream ${Math.min(...progress)} to ${Math.max(...progress)}`,
      `yt-dlp processes running at once, at most ${Downloads.journal(world).mostAtOnce()}`,
      "times are from the streams opening to each one's completion",
    ];
    world.attach(describeDelivery('Time for a stream to tell the whole story', times, notes, world.target.kind), { mediaType: 'text/plain', fileName: title });
    world.attach(Buffer.from(deliveryChart(title, times)), { mediaType: 'image/svg+xml', fileName: `${title} (chart)` });
  },

  /**
   * What is wrong with each stream, if anything: compared with the whole story the gateway stored
   * (a fresh stream from the first event, opened once the download has ended) and with the
   * progress yt-dlp printed.
   */
  async problems(world: MediaNestWorld, followed: FollowedDownload[]): Promise<string[]> {
    const stored = await Promise.all(followed.map(async ({ download }) => (await Downloads.followToEnd(world, download)).events));
    return followed.flatMap(({ download, stream }, i) => {
      const name = `download ${download.id} (${download.actor}, ${download.videoId})`;
      const found = storyProblems(stream.events, stored[i]!);
      return found.length ? [`${name}: ${found.join('; ')}; it received ${describe(stream.events)}`] : [];
    });
  },
};

function storyProblems(events: ReceivedEvent[], stored: ReceivedEvent[]): string[] {
  const problems: string[] = [];
  const percents = events.filter((event) => event.type === 'progress').map((event) => event.data.percent);
  if (!events.some((event) => event.type === 'completed')) problems.push('no completion');
  if (events.at(-1)?.type !== 'completed') problems.push('the completion is not the last event');
  if (!isDeepStrictEqual(events.map((event) => event.id), events.map((_, i) => i + 1))) problems.push('the ids do not count up from 1 without a gap');
  if (!isDeepStrictEqual(percents, SHORT_CLIP_PROGRESS)) problems.push(`progress ${percents.join(', ')} instead of ${SHORT_CLIP_PROGRESS.join(', ')}`);
  if (!isDeepStrictEqual(events, stored)) problems.push(`the gateway stored ${describe(stored)}`);
  return problems;
}

function describe(events: ReceivedEvent[]): string {
  return events.map((event) => `${event.id}:${event.type}${event.type === 'progress' ? ` ${event.data.percent}` : event.type === 'status' ? ` ${event.data.status}` : ''}`).join(', ') || 'nothing';
}
