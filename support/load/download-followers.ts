import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import type { EventStream, ReceivedEvent } from '../drivers/sse';
import { DownloadDesk, isTerminal, type StartedDownload } from '../tasks/download-videos';
import { SignIn } from '../tasks/sign-in';
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
    const desk = DownloadDesk.of(world);
    const names = Array.from({ length: people }, (_, i) => `Downloader ${i + 1}`);
    for (const name of names) await SignIn.as(world, name);
    await Promise.all(
      names.map(async (name) => {
        for (let i = 0; i < each; i++) await desk.start(world.actor(name), desk.freshClip());
      }),
    );
    return desk.started;
  },

  /** Opens a stream for every download started, all at once, and waits (bounded, real time) for each to end. */
  async followAllAtOnce(world: MediaNestWorld, limitMs: number): Promise<FollowedDownload[]> {
    const desk = DownloadDesk.of(world);
    const openedAt = performance.now();
    const followed: FollowedDownload[] = await Promise.all(
      [...desk.started].map(async (download) => ({ download, stream: await desk.follow(world.actor(download.actor), download) })),
    );
    // Polled every turn of the event loop, so each stream's end is timed to within one turn.
    const deadline = openedAt + limitMs;
    for (let waiting = followed; waiting.length && performance.now() < deadline; ) {
      await new Promise((resolve) => setImmediate(resolve));
      const now = performance.now();
      for (const each of waiting) if (each.stream.events.some(isTerminal) || each.stream.closed) each.endedAfterMs = now - openedAt;
      waiting = waiting.filter((each) => each.endedAfterMs === undefined);
    }
    return followed;
  },

  /**
   * What is wrong with each stream, if anything: compared with the whole story the gateway stored
   * (a fresh stream from the first event, opened once the download has ended) and with the
   * progress yt-dlp printed.
   */
  async problems(world: MediaNestWorld, followed: FollowedDownload[]): Promise<string[]> {
    const desk = DownloadDesk.of(world);
    const stored = await Promise.all(
      followed.map(async ({ download }) => {
        const replay = await desk.follow(world.actor(download.actor), download);
        await desk.untilEnded(replay);
        return replay.events;
      }),
    );
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

/** The most yt-dlp processes the journal shows running at the same moment. */
export function peakYtDlpProcesses(world: MediaNestWorld): number {
  const moments = DownloadDesk.of(world)
    .journal()
    .entries()
    .flatMap((entry) => (entry.event === 'start' ? [{ at: entry.at, change: 1 }] : entry.event === 'exit' ? [{ at: entry.at, change: -1 }] : []));
  moments.sort((a, b) => a.at - b.at || a.change - b.change);
  let [running, peak] = [0, 0];
  for (const moment of moments) peak = Math.max(peak, (running += moment.change));
  return peak;
}
