#!/usr/bin/env node
'use strict';
/*
 * A fake yt-dlp for the MediaNest suite: the gateway spawns it as YT_DLP_PATH. It speaks yt-dlp's
 * command line and output (UPSTREAMS.md section 5), never touches the network, and behaves as the
 * video id says:
 *
 *   video id      --dump-json                         download
 *   normalVideo   metadata                            one file, 0 -> 100 in a few lines (~0.1 s)
 *   slowVideo01   metadata                            one file, 31 lines at 5x the step (~1.7 s)
 *   failsMidway   metadata                            progress to 47.2 %, then
 *                                                     "ERROR: unable to download video data: HTTP Error 403: Forbidden", exit 1
 *                                                     (the .part file stays behind, as with the real one)
 *   unavailable   "ERROR: [youtube] unavailable: Video unavailable", exit 1 (both modes)
 *   stallsVideo   metadata                            two progress lines, then silent until killed
 *   splitAVideo   metadata (format 137+140)           video 0 -> 100, audio 0 -> 100, "[Merger] Merging formats into ..."
 *   ignoresTerm   metadata                            like stallsVideo, and ignores SIGTERM: only SIGKILL ends it
 *   noMetadata1   nothing on stdout, exit 0           like normalVideo
 *   killedByOOM   metadata                            progress to 20.5 %, then killed (SIGKILL) as by the system's OOM killer
 *   quitsSilent   metadata                            progress to 20.5 %, then exit 3 without an ERROR: line
 *   noFileLeft1   metadata                            like normalVideo, but its file is gone when it exits 0
 *   namesNoFile   metadata                            like normalVideo, but it never prints its Destination line
 *   any other id  metadata                            like normalVideo
 *
 * Signals: SIGTERM -> journal line, nothing printed, exit 143 after ~20 ms (ignoresTerm: journaled
 * with "ignored": true, then nothing). SIGINT -> "ERROR: Interrupted by user" on stderr, exit 1.
 *
 * Environment: FAKE_YTDLP_STEP_MS (pause between output lines, default 10); FAKE_YTDLP_UNKNOWN_OPTIONS
 * (long options it refuses with its usage error, as an older yt-dlp would);
 * FAKE_YTDLP_JOURNAL (a file that gets one JSON line per event: start, signal, output, exit).
 * See README.md beside this file.
 *
 * The suite starts it through `yt-dlp` beside it, a shell script that drops NODE_EXTRA_CA_CERTS.
 */
const fs = require('node:fs');
const path = require('node:path');

const VERSION = '2025.10.22';
const USAGE = 'Usage: yt-dlp [OPTIONS] URL [URL...]\n';
const STEP_MS = stepMs(process.env.FAKE_YTDLP_STEP_MS);
const MiB = 1024 * 1024;

const NORMAL = [0, 8.1, 27.4, 51.0, 76.3, 100];
const VIDEOS = {
  normalVideo: { title: 'Big Buck Bunny - Short Film', uploader: 'Blender Studio', duration: 596, size: 12.34 * MiB, speed: 1.5 * MiB, percents: NORMAL },
  slowVideo01: { title: 'Four Hours of Rain on a Tin Roof', uploader: 'Quiet Places', duration: 14_400, size: 1.21 * 1024 * MiB, speed: 8.5 * MiB, percents: ramp(30), pace: 5 },
  failsMidway: { title: 'Concert Live Stream Recording', uploader: 'Live Hall', duration: 5_412, size: 45.67 * MiB, speed: 2.1 * MiB, percents: [0, 12.3, 33.9, 47.2], fails: 'unable to download video data: HTTP Error 403: Forbidden' },
  unavailable: { unavailable: true },
  noMetadata1: { title: 'Nothing to Say', uploader: 'Mute Channel', duration: 60, size: 2 * MiB, speed: 1 * MiB, percents: NORMAL, silent: true },
  stallsVideo: { title: 'Stuck at the Start', uploader: 'Slow Networks', duration: 300, size: 20 * MiB, speed: 0.8 * MiB, percents: [0, 3.1], stalls: true },
  splitAVideo: { title: 'Nature in 1080p: Mountains and Rivers', uploader: 'Wild Frames', duration: 1_207, size: 86.21 * MiB, speed: 4.2 * MiB, percents: NORMAL, audio: { size: 3.52 * MiB, percents: [0, 35.5, 71.0, 100] } },
  ignoresTerm: { title: 'A Process That Will Not Quit', uploader: 'Stubborn Ltd', duration: 420, size: 20 * MiB, speed: 0.8 * MiB, percents: [0, 1.7], stalls: true, ignoresTerm: true },
  killedByOOM: { title: 'Too Big for This Machine', uploader: 'Heavy Loads', duration: 7_200, size: 2.5 * 1024 * MiB, speed: 9.1 * MiB, percents: [0, 20.5], killed: true },
  quitsSilent: { title: 'A Quiet Exit', uploader: 'Unknown Causes', duration: 240, size: 15 * MiB, speed: 1.1 * MiB, percents: [0, 20.5], quits: 3 },
  noFileLeft1: { title: 'Gone Before You Look', uploader: 'Vanishing Acts', duration: 180, size: 6 * MiB, speed: 1.5 * MiB, percents: NORMAL, vanishes: true },
  namesNoFile: { title: 'A File With No Name', uploader: 'Vanishing Acts', duration: 180, size: 6 * MiB, speed: 1.5 * MiB, percents: NORMAL, nameless: true },
};
for (const id of Object.keys(VIDEOS)) if (!/^[A-Za-z0-9_-]{11}$/.test(id)) throw new Error(`bad fixture id ${id}`);

function video(id) {
  return VIDEOS[id] ?? { title: `Fake video ${id}`, uploader: 'MediaNest Fixtures', duration: 212, size: 8 * MiB, speed: 1.2 * MiB, percents: NORMAL };
}

// ---------------------------------------------------------------- journal and exit

const journalPath = process.env.FAKE_YTDLP_JOURNAL;
function journal(event) {
  if (!journalPath) return;
  try {
    fs.mkdirSync(path.dirname(journalPath), { recursive: true });
    fs.appendFileSync(journalPath, JSON.stringify({ pid: process.pid, at: Date.now(), ...event }) + '\n');
  } catch (error) {
    process.stderr.write(`fake-yt-dlp: cannot write the journal ${journalPath}: ${error.message}\n`);
  }
}

let exited = false;
function exit(code) {
  if (exited) return;
  exited = true;
  journal({ event: 'exit', code });
  process.exitCode = code; // let stdout drain rather than process.exit()
  clearInterval(keepAlive);
}

let stopping = false;
let ignoresTerm = false;
let keepAlive;
process.on('SIGTERM', () => {
  journal({ event: 'signal', signal: 'SIGTERM', ...(ignoresTerm ? { ignored: true } : {}) });
  if (ignoresTerm || stopping || exited) return;
  stopping = true;
  setTimeout(() => {
    journal({ event: 'exit', code: 143 });
    exited = true;
    process.exit(143);
  }, 20);
});
process.on('SIGINT', () => {
  journal({ event: 'signal', signal: 'SIGINT' });
  stopping = true;
  process.stderr.write('\nERROR: Interrupted by user\n');
  journal({ event: 'exit', code: 1 });
  exited = true;
  process.exit(1);
});
process.stdout.on('error', () => undefined);

// ---------------------------------------------------------------- options

const FLAGS = {
  '--dump-json': 'dumpJson', '-j': 'dumpJson', '--newline': 'newline', '--no-playlist': null, '--yes-playlist': null,
  '--no-warnings': null, '--no-color': null, '--restrict-filenames': 'restrict', '--progress': 'progress',
  '--no-progress': 'noProgress', '--quiet': 'quiet', '-q': 'quiet', '--no-part': 'noPart', '--no-mtime': null,
  '--no-cache-dir': null, '--ignore-config': null, '--no-config': null, '--force-overwrites': 'force',
  '--no-overwrites': null, '-w': null, '--simulate': 'simulate', '-s': 'simulate', '--no-simulate': 'noSimulate',
  '--version': 'version', '--no-continue': null, '--continue': null, '-c': null,
};
const VALUED = {
  '--format': 'format', '-f': 'format', '--output': 'output', '-o': 'output', '--merge-output-format': 'mergeFormat',
  '--paths': 'paths', '-P': 'paths', '--remux-video': 'remux', '--recode-video': 'remux', '--socket-timeout': null,
  '--retries': null, '-R': null, '--fragment-retries': null, '--concurrent-fragments': null, '-N': null,
};
const MERGE_FORMATS = ['avi', 'flv', 'mkv', 'mov', 'mp4', 'webm'];

class UsageError extends Error {}

/** Options this yt-dlp is too old to know (FAKE_YTDLP_UNKNOWN_OPTIONS, comma-separated): it refuses them as yt-dlp does. */
const TOO_NEW = (process.env.FAKE_YTDLP_UNKNOWN_OPTIONS ?? '').split(',').filter(Boolean);

function parseArgs(argv) {
  const opts = { paths: [], output: [], urls: [] };
  const set = (key, value) => {
    if (!key) return;
    if (Array.isArray(opts[key])) opts[key].push(value);
    else opts[key] = value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      opts.urls.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      opts.urls.push(arg);
      continue;
    }
    if (arg.startsWith('--')) {
      const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
      if (TOO_NEW.includes(name)) throw new UsageError(`no such option: ${name}`);
      if (name in FLAGS) {
        if (inline !== undefined) throw new UsageError(`${name} option does not take a value`);
        set(FLAGS[name], true);
      } else if (name in VALUED) {
        const value = inline ?? argv[++i];
        if (value === undefined) throw new UsageError(`${name} option requires 1 argument`);
        set(VALUED[name], value);
      } else throw new UsageError(`no such option: ${name}`);
      continue;
    }
    // short options: -j, -qj, -f best, -fbest
    for (let c = 1; c < arg.length; c++) {
      const name = `-${arg[c]}`;
      if (name in FLAGS) set(FLAGS[name], true);
      else if (name in VALUED) {
        const value = c + 1 < arg.length ? arg.slice(c + 1) : argv[++i];
        if (value === undefined) throw new UsageError(`${name} option requires 1 argument`);
        set(VALUED[name], value);
        break;
      } else throw new UsageError(`no such option: ${name}`);
    }
  }
  if (opts.mergeFormat !== undefined) {
    const first = opts.mergeFormat.split('/')[0];
    if (!MERGE_FORMATS.includes(first)) throw new UsageError(`invalid merge output format "${opts.mergeFormat}" given`);
    opts.mergeFormat = first;
  }
  return opts;
}

// ---------------------------------------------------------------- URLs

const ID = /^[A-Za-z0-9_-]{11}$/;

/** { id } for a YouTube video, or { error, screen? } as yt-dlp would report it. */
function resolveUrl(url) {
  if (ID.test(url)) return { id: url };
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return { error: `[generic] '${url}' is not a valid URL` };
  }
  if (!/^https?:$/.test(parsed.protocol)) return { error: `[generic] '${url}' is not a valid URL` };
  const host = parsed.hostname.toLowerCase();
  let id;
  if (host === 'youtu.be' || host === 'www.youtu.be') id = parsed.pathname.split('/')[1];
  else if (/(^|\.)youtube(-nocookie)?\.com$/.test(host)) {
    id = parsed.pathname === '/watch' ? parsed.searchParams.get('v') : parsed.pathname.match(/^\/(?:shorts|embed|live|v)\/([^/]+)/)?.[1];
  }
  if (!id) return { error: `Unsupported URL: ${url}`, screen: `[generic] Extracting URL: ${url}` };
  if (!ID.test(id)) return { error: `[youtube:truncated_id] ${id}: Incomplete YouTube ID ${id}. URL ${url} looks truncated.` };
  return { id };
}

// ---------------------------------------------------------------- output formatting, as yt-dlp does it

function formatBytes(bytes) {
  if (bytes == null) return 'N/A';
  const units = ['', 'Ki', 'Mi', 'Gi', 'Ti'];
  const exponent = bytes <= 0 ? 0 : Math.min(units.length - 1, Math.floor(Math.log(bytes) / Math.log(1024)));
  return `${(bytes / 1024 ** exponent).toFixed(2)}${units[exponent]}B`;
}
const pad = (text, width) => text.padStart(width);
const formatSpeed = (speed) => (speed == null ? ' Unknown B/s' : `${pad(formatBytes(speed), 10)}/s`);
function formatSeconds(seconds) {
  const s = Math.floor(seconds);
  const two = (n) => String(n).padStart(2, '0');
  return `${two(Math.floor(s / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
}
const formatEta = (seconds) => (seconds == null ? 'Unknown' : formatSeconds(seconds).replace(/^00:/, ''));
const formatPercent = (percent) => `${percent.toFixed(1).padStart(5)}%`;

function progressLine(percent, size, speed) {
  const started = percent > 0;
  const eta = started ? ((100 - percent) / 100) * (size / speed) : null;
  return `[download] ${formatPercent(percent)} of ${pad(formatBytes(size), 10)} at ${formatSpeed(started ? speed : null)} ETA ${formatEta(eta)}`;
}

function finishedLine(size, speed) {
  const elapsed = size / speed;
  return `[download] 100% of ${pad(formatBytes(size), 10)} in ${formatSeconds(elapsed)} at ${formatBytes(size / elapsed)}/s`;
}

// ---------------------------------------------------------------- file names

function sanitize(value, restrict) {
  let text = String(value);
  if (restrict) {
    text = text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/:/g, '_-')
      .replace(/[^A-Za-z0-9_.-]/g, '_')
      .replace(/_+/g, '_')
      .replace(/^_|_$/g, '');
    return text || '_';
  }
  // yt-dlp swaps the characters a file name cannot hold for full-width look-alikes
  return text.replace(/[/\\"*:<>?|]/g, (char) => ({ '/': '\u29F8', '\\': '\u29F9' })[char] ?? String.fromCharCode(char.charCodeAt(0) + 0xfee0));
}

function expandTemplate(template, fields, restrict) {
  return template.replace(/%%|%\((\w+)\)(?:\.(\d+))?([sdB])/g, (match, name, width, kind) => {
    if (match === '%%') return '%';
    const raw = fields[name];
    if (raw === undefined || raw === null) return 'NA';
    if (kind === 'd') return String(Math.trunc(Number(raw)));
    const text = name === 'id' ? String(raw) : sanitize(raw, restrict);
    return width ? text.slice(0, Number(width)) : text;
  });
}

const OUTPUT_TYPES = ['subtitle', 'thumbnail', 'description', 'annotation', 'infojson', 'link', 'pl_thumbnail', 'pl_description', 'pl_infojson', 'chapter', 'pl_video'];

/** -o and -P take "TYPE:VALUE" too; the media file uses the `default` (or untyped) one, the last given. */
function typedValue(values, type, others) {
  const chosen = values
    .map((value) => {
      const typed = /^(\w+):(.*)$/s.exec(value);
      if (typed && typed[1] === type) return typed[2];
      return typed && others.includes(typed[1]) ? undefined : value;
    })
    .filter((value) => value !== undefined);
  return chosen.at(-1);
}

/** The media file's path as yt-dlp prints it (relative to the working directory unless -o or -P is absolute). */
function outputPath(opts, fields) {
  const template = typedValue(opts.output, 'default', OUTPUT_TYPES) ?? '%(title)s [%(id)s].%(ext)s';
  const home = typedValue(opts.paths, 'home', ['temp', ...OUTPUT_TYPES]);
  const name = expandTemplate(template, fields, opts.restrict);
  return home && !path.isAbsolute(name) ? path.join(home, name) : name;
}

function withFormatSuffix(file, formatId, ext) {
  const parsed = path.parse(file);
  return path.join(parsed.dir, `${parsed.name}.f${formatId}.${ext}`);
}

/** A small file that starts like the container it claims to be. */
function fakeMedia(ext, id, bytes) {
  const head = ['webm', 'mkv'].includes(ext)
    ? Buffer.from([0x1a, 0x45, 0xdf, 0xa3])
    : Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isommp42')]);
  const filler = Buffer.alloc(bytes - head.length, `fake-yt-dlp ${id} `);
  return Buffer.concat([head, filler]);
}

// ---------------------------------------------------------------- the run

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const forever = () => new Promise(() => undefined);

function makeScreen(opts) {
  const quiet = opts.quiet || opts.dumpJson;
  const showProgress = !opts.noProgress && (!quiet || opts.progress);
  let open = false; // a \r progress line waiting for its end of line
  const write = (text) => process.stdout.write(text);
  return {
    say(line) {
      if (quiet) return;
      if (open) write('\n');
      open = false;
      write(`${line}\n`);
    },
    progress(line, last) {
      if (!showProgress) return;
      if (opts.newline) write(`${line}\n`);
      else {
        write(`\r${line}`);
        open = !last;
        if (last) write('\n');
      }
    },
    done() {
      if (!showProgress && !quiet) write('[download] Download completed\n');
    },
    error(message) {
      if (open) write('\n');
      open = false;
      process.stderr.write(`ERROR: ${message}\n`);
    },
  };
}

function formatsFor(v, ext) {
  if (v.audio) return ext === 'webm' ? [{ id: '248', ext: 'webm' }, { id: '251', ext: 'webm' }] : [{ id: '137', ext: 'mp4' }, { id: '140', ext: 'm4a' }];
  return [{ id: ext === 'webm' ? '43' : '22', ext }];
}

function infoJson(id, url, opts) {
  const v = video(id);
  const ext = opts.remux ?? opts.mergeFormat ?? 'mp4';
  const formatId = formatsFor(v, ext).map((f) => f.id).join('+');
  const channelId = `UC${Buffer.from(v.uploader).toString('base64url').padEnd(22, 'x').slice(0, 22)}`;
  const handle = `@${v.uploader.replace(/\W/g, '')}`;
  const sizes = [['default', 120, 90], ['mqdefault', 320, 180], ['hqdefault', 480, 360], ['sddefault', 640, 480], ['maxresdefault', 1280, 720]];
  const info = {
    id,
    title: v.title,
    fulltitle: v.title,
    description: `${v.title}. A video the MediaNest suite made up; nothing here is real.`,
    uploader: v.uploader,
    uploader_id: handle,
    uploader_url: `https://www.youtube.com/${handle}`,
    channel: v.uploader,
    channel_id: channelId,
    channel_url: `https://www.youtube.com/channel/${channelId}`,
    duration: v.duration,
    duration_string: formatSeconds(v.duration).replace(/^00:/, '').replace(/^0/, ''),
    thumbnail: `https://i.ytimg.com/vi/${id}/maxresdefault.jpg`,
    thumbnails: sizes.map(([name, width, height], i) => ({ url: `https://i.ytimg.com/vi/${id}/${name}.jpg`, preference: i - sizes.length, id: String(i), width, height, resolution: `${width}x${height}` })),
    upload_date: '20240315',
    timestamp: 1710500400,
    view_count: 1_204_331,
    like_count: 48_120,
    webpage_url: `https://www.youtube.com/watch?v=${id}`,
    original_url: url,
    webpage_url_domain: 'youtube.com',
    extractor: 'youtube',
    extractor_key: 'Youtube',
    display_id: id,
    _type: 'video',
    format_id: formatId,
    ext,
    width: v.audio ? 1920 : 1280,
    height: v.audio ? 1080 : 720,
    resolution: v.audio ? '1920x1080' : '1280x720',
    fps: 30,
    vcodec: ext === 'webm' ? 'vp9' : 'avc1.640028',
    acodec: ext === 'webm' ? 'opus' : 'mp4a.40.2',
    filesize_approx: Math.round(v.size + (v.audio?.size ?? 0)),
    epoch: Math.floor(Date.now() / 1000),
  };
  const file = outputPath(opts, info);
  return { ...info, filename: file, _filename: file };
}

async function download(id, url, opts, screen) {
  const v = video(id);
  screen.say(`[youtube] Extracting URL: ${url}`);
  await sleep(STEP_MS);
  screen.say(`[youtube] ${id}: Downloading webpage`);
  if (v.unavailable) {
    screen.error(`[youtube] ${id}: Video unavailable`);
    return 1;
  }
  await sleep(STEP_MS);
  screen.say(`[youtube] ${id}: Downloading tv player API JSON`);
  const info = infoJson(id, url, opts);
  const formats = formatsFor(v, info.ext);
  screen.say(`[info] ${id}: Downloading 1 format(s): ${info.format_id}`);
  const final = info.filename;
  if (fs.existsSync(final) && !opts.force) {
    screen.say(`[download] ${final} has already been downloaded`);
    journal({ event: 'output', path: path.resolve(final), existing: true });
    return 0;
  }
  const pieces = formats.length === 1 ? [{ file: final, ...formats[0], size: v.size, percents: v.percents }] : [
    { file: withFormatSuffix(final, formats[0].id, formats[0].ext), ...formats[0], size: v.size, percents: v.percents },
    { file: withFormatSuffix(final, formats[1].id, formats[1].ext), ...formats[1], size: v.audio.size, percents: v.audio.percents },
  ];
  const step = STEP_MS * (v.pace ?? 1);
  for (const piece of pieces) {
    fs.mkdirSync(path.dirname(path.resolve(piece.file)), { recursive: true });
    const bytes = piece === pieces[0] ? 4096 : 1024;
    const content = fakeMedia(piece.ext, id, bytes);
    const writing = opts.noPart ? piece.file : `${piece.file}.part`;
    fs.writeFileSync(writing, '');
    let written = 0;
    await sleep(step);
    if (!v.nameless) screen.say(`[download] Destination: ${piece.file}`);
    for (const percent of piece.percents) {
      await sleep(step);
      if (stopping) return forever();
      const upTo = Math.floor((content.length * percent) / 100);
      fs.appendFileSync(writing, content.subarray(written, upTo));
      written = upTo;
      screen.progress(progressLine(percent, piece.size, v.speed), false);
    }
    if (v.fails) {
      screen.error(v.fails);
      return 1;
    }
    if (v.killed) process.kill(process.pid, 'SIGKILL');
    if (v.quits) return v.quits;
    if (v.stalls) {
      keepAlive = setInterval(() => undefined, 1 << 30);
      return forever();
    }
    if (!opts.noPart) fs.renameSync(writing, piece.file);
    if (v.vanishes) fs.unlinkSync(piece.file); // removed by something else the moment it was done
    await sleep(step);
    if (stopping) return forever();
    screen.progress(finishedLine(piece.size, v.speed), true);
    screen.done();
  }
  if (pieces.length > 1) {
    await sleep(step);
    screen.say(`[Merger] Merging formats into "${final}"`);
    fs.writeFileSync(final, fakeMedia(info.ext, id, 5120));
    for (const piece of pieces) {
      screen.say(`Deleting original file ${piece.file} (pass -k to keep)`);
      fs.unlinkSync(piece.file);
    }
  }
  journal({ event: 'output', path: path.resolve(final) });
  return 0;
}

async function main() {
  const argv = process.argv.slice(2);
  journal({ event: 'start', argv, cwd: process.cwd() });
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${USAGE}\nyt-dlp: error: ${error.message}\n`);
    return exit(2);
  }
  if (opts.version) {
    process.stdout.write(`${VERSION}\n`);
    return exit(0);
  }
  if (opts.urls.length === 0) {
    process.stderr.write(`${USAGE}\nyt-dlp: error: You must provide at least one URL.\nType yt-dlp --help to see a list of all options.\n`);
    return exit(2);
  }
  const screen = makeScreen(opts);
  const simulate = opts.simulate || (opts.dumpJson && !opts.noSimulate);
  for (const url of opts.urls) {
    const target = resolveUrl(url);
    if (target.error) {
      if (target.screen) screen.say(target.screen);
      screen.error(target.error);
      return exit(1);
    }
    ignoresTerm = Boolean(video(target.id).ignoresTerm);
    if (opts.dumpJson) {
      if (video(target.id).unavailable) {
        screen.error(`[youtube] ${target.id}: Video unavailable`);
        return exit(1);
      }
      if (!video(target.id).silent) process.stdout.write(`${JSON.stringify(infoJson(target.id, url, opts))}\n`);
    }
    if (simulate) continue;
    const code = await download(target.id, url, opts, screen);
    if (code !== 0) return exit(code);
  }
  return exit(0);
}

function stepMs(value) {
  const ms = Number.parseInt(value ?? '', 10);
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, 1000) : 10;
}

function ramp(lines) {
  return Array.from({ length: lines + 1 }, (_, i) => Math.round((1000 * i) / lines) / 10);
}

main().catch((error) => {
  process.stderr.write(`ERROR: ${error.stack ?? error}\n`);
  exit(1);
});
