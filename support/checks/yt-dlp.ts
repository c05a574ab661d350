import { expect } from './chai';
import { Downloads, isAlive } from '../tasks/download-videos';
import { until } from '../tasks/while-time-passes';
import { watchLink } from '../tasks/youtube-links';
import type { YtDlpSpawn } from '../upstreams/yt-dlp/journal';
import type { MediaNestWorld } from '../world';

const argsOf = (run: YtDlpSpawn) => run.argv.join(' ');

/** Questions about what yt-dlp was asked to do, answered from the fake's journal. */
export const YtDlpChecks = {
  neverRan(world: MediaNestWorld, videoId?: string): void {
    const runs = videoId ? Downloads.journal(world).spawnsFor(videoId) : Downloads.journal(world).spawns();
    expect(runs.map(argsOf), `Expected yt-dlp never to run${videoId ? ` for ${videoId}` : ''}, but it ran`).to.deep.equal([]);
  },

  /** Every run for the last video asked was given its own link only, last, after `--`, with no playlist and no config file. */
  async givenOnlyTheLink(world: MediaNestWorld): Promise<void> {
    const videoId = Downloads.lastAsked(world);
    await until(() => Downloads.journal(world).spawnsFor(videoId).length > 0, 'yt-dlp to look the video up');
    for (const run of Downloads.journal(world).spawns()) {
      expect(run.urls, `Expected yt-dlp to be given the video by its own link and nothing else: ${argsOf(run)}`).to.deep.equal([watchLink(videoId)]);
      expect(run.argv.slice(-2), `Expected the link last, after the end of the options: ${argsOf(run)}`).to.deep.equal(['--', watchLink(videoId)]);
      expect(run.argv.slice(0, -2).filter((arg) => arg.includes(videoId)), `Expected the video id in no option: ${argsOf(run)}`).to.deep.equal([]);
      // a link is one video, never the playlist it sits in, and no config file on the host adds options
      expect(run.argv, `Expected yt-dlp to be told --no-playlist and --ignore-config: ${argsOf(run)}`).to.include.members(['--no-playlist', '--ignore-config']);
    }
  },

  askedFor(world: MediaNestWorld, quality: string, format: string): void {
    const [run] = Downloads.journal(world).downloads();
    expect(run, 'Expected yt-dlp to download').to.not.equal(undefined);
    const option = (name: string) => run!.argv[run!.argv.indexOf(name) + 1];
    // the best video and the best audio, else the best single file; up to the quality's height unless "best"
    const height = quality === 'best' ? '' : `[height<=${quality.slice(0, -1)}]`;
    expect(option('-f'), `Expected yt-dlp to be asked for ${quality}: ${argsOf(run!)}`).to.equal(`bv*${height}+ba/b${height}`);
    expect(option('--merge-output-format'), `Expected yt-dlp to merge into ${format}: ${argsOf(run!)}`).to.equal(format);
    expect(run!.argv.slice(-2), `Expected the link last, after the options: ${argsOf(run!)}`).to.deep.equal(['--', watchLink(Downloads.last(world).videoId)]);
  },

  downloadedOnce(world: MediaNestWorld): void {
    const runs = Downloads.journal(world).spawnsFor(Downloads.lastAsked(world)).filter((run) => run.mode === 'download');
    expect(runs.length, `Expected yt-dlp to download the video once, but it did ${runs.length} times`).to.equal(1);
  },

  onlyLookedUp(world: MediaNestWorld): void {
    const modes = Downloads.journal(world).spawnsFor(Downloads.last(world).videoId).map((run) => run.mode);
    expect(modes, `Expected yt-dlp only to look the video up, but it ran for ${modes.join(', ')}`).to.deep.equal(['metadata']);
  },

  neverToldToStop(world: MediaNestWorld, name: string): void {
    const signals = Downloads.journal(world).spawnsFor(Downloads.latest(world, name).videoId).flatMap((run) => run.signals.map((signal) => signal.signal));
    expect(signals, `Expected yt-dlp never to be told to stop ${name}'s download, but it received ${signals.join(', ')}`).to.deep.equal([]);
  },

  async askedToStop(world: MediaNestWorld): Promise<void> {
    const stopped = () => Downloads.journal(world).spawnsFor(Downloads.last(world).videoId).filter((run) => run.signals.some((signal) => signal.signal === 'SIGTERM') && run.exitCode === 143);
    await until(() => stopped().length > 0, 'yt-dlp to note SIGTERM and exit');
    expect(stopped().length, 'Expected one yt-dlp process to be stopped').to.equal(1);
  },

  async killed(world: MediaNestWorld): Promise<void> {
    const pid = world.notes.downloads.stubbornPid!;
    await until(() => !isAlive(pid), 'yt-dlp to be killed');
    const run = Downloads.journal(world).spawns().find((candidate) => candidate.pid === pid)!;
    expect({ exitCode: run.exitCode, signals: run.signals.map((signal) => signal.signal) }, 'Expected yt-dlp to be told SIGTERM once, then killed, never exiting by itself').to.deep.equal({ exitCode: undefined, signals: ['SIGTERM'] });
  },

  /** The video's download run was killed without a request to stop first (no SIGTERM, no exit of its own). */
  async killedAtOnce(world: MediaNestWorld, videoId: string): Promise<void> {
    const [run] = Downloads.journal(world).spawnsFor(videoId).filter((candidate) => candidate.mode === 'download');
    expect(run, `Expected yt-dlp to have downloaded ${videoId}`).to.not.equal(undefined);
    await until(() => !isAlive(run!.pid), `the yt-dlp downloading ${videoId} to be killed`);
    const after = Downloads.journal(world).spawns().find((candidate) => candidate.pid === run!.pid)!;
    expect({ exitCode: after.exitCode, signals: after.signals.map((signal) => signal.signal) }, 'Expected yt-dlp to be killed at once, never asked to stop nor exiting by itself').to.deep.equal({ exitCode: undefined, signals: [] });
  },

  neverMoreAtOnce(world: MediaNestWorld, most: number): void {
    const peak = Downloads.journal(world).mostAtOnce();
    expect(peak, `Expected at most ${most} yt-dlp processes at once, but ${peak} ran together`).to.be.at.most(most);
  },
};
