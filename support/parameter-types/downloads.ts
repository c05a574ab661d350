import { defineParameterType } from '@cucumber/cucumber';
import type { DownloadChoice } from '../tasks/download-videos';
import { ACCEPTED_LINKS, BAD_DOWNLOAD_BODIES, REFUSED_LINKS, VIDEOS, watchLink } from '../tasks/youtube-links';

const escape = (words: string) => words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (phrases: string[]) => new RegExp([...phrases].sort((a, b) => b.length - a.length).map(escape).join('|'));

/** "a short video", "a video that stalls", ...: the fake yt-dlp's video id for each (youtube-links.ts). */
defineParameterType({ name: 'video', regexp: anyOf(Object.keys(VIDEOS)), transformer: (phrase: string) => VIDEOS[phrase]! });

export interface YoutubeLink {
  link: string;
  videoId?: string;
}

/** A link from any of the features' catalogues (a video, an accepted form, a refused one), with the video id it names. */
defineParameterType({
  name: 'link',
  regexp: anyOf([...Object.keys(VIDEOS), ...Object.keys(ACCEPTED_LINKS), ...Object.keys(REFUSED_LINKS)]),
  transformer: (phrase: string): YoutubeLink =>
    phrase in VIDEOS ? { link: watchLink(VIDEOS[phrase]!), videoId: VIDEOS[phrase] } : (ACCEPTED_LINKS[phrase] ?? { link: REFUSED_LINKS[phrase]! }),
});

/** "an unknown quality", "malformed JSON", ...: the bodies a careless or hostile client sends to start a download. */
defineParameterType({ name: 'badDownloadBody', regexp: anyOf(Object.keys(BAD_DOWNLOAD_BODIES)), transformer: (phrase: string) => BAD_DOWNLOAD_BODIES[phrase]! });

/** "in 720p as webm", "in the best quality as mkv", or "without saying how". */
defineParameterType({
  name: 'downloadChoice',
  regexp: /in (\d+p|the best quality) as (\w+)|without saying how/,
  transformer: (quality?: string, format?: string): DownloadChoice => (quality ? { quality: quality === 'the best quality' ? 'best' : quality, format } : {}),
});

/** "the download" is a person's latest; "the first stalled download" the first of two that stall. */
defineParameterType({
  name: 'whichDownload',
  regexp: /the download|the queued download|the first stalled download/,
  transformer: (words: string) => (words === 'the first stalled download' ? VIDEOS['a video that stalls']! : undefined),
});

/** What someone may try on another person's download. */
defineParameterType({ name: 'downloadAction', regexp: /look at|cancel|follow/, transformer: (words: string) => words as 'look at' | 'cancel' | 'follow' });

/** "its default of 60 seconds" (nothing configured) or "set to 10 seconds". */
defineParameterType({
  name: 'stallLimit',
  regexp: /its default of \d+ seconds|set to (\d+) seconds/,
  transformer: (seconds?: string) => seconds,
});

/** "one", "two": how many downloads run side by side. */
defineParameterType({ name: 'few', regexp: /one|two|three/, transformer: (words: string) => ['one', 'two', 'three'].indexOf(words) + 1 });
