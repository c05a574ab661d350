/**
 * The forms of link a download may name (CONTRACT.md, "Downloads"): `https`, no name or password, no
 * port, the host exactly youtube.com (or its www., m., music. sites) or youtu.be, printable ASCII
 * only, and one 11-character video id from `/watch?v=`, `/shorts/`, `/embed/`, `/live/` or youtu.be's
 * path. It is the request body's published pattern (schemas.ts), so a link of any other form, a
 * look-alike host included, is refused before anything reads it.
 */
export const YOUTUBE_LINK =
  '^https://(?:(?:www\\.|m\\.|music\\.)?youtube\\.com/(?:watch/?\\?(?:[\\x21-\\x7e]*&)?v=[A-Za-z0-9_-]{11}(?:[&#][\\x21-\\x7e]*)?'
  + '|(?:shorts|embed|live)/[A-Za-z0-9_-]{11}/?(?:[?#][\\x21-\\x7e]*)?)|youtu\\.be/[A-Za-z0-9_-]{11}/?(?:[?#][\\x21-\\x7e]*)?)$';
export const MAX_LINK_LENGTH = 2048;
const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

export type LinkVerdict = { videoId: string } | { problem: string };

/**
 * Which video a link of an accepted form (YOUTUBE_LINK) names. The pattern cannot count a watch
 * link's `v` parameters: with two (which did the user mean?), or with a `v=` only in the fragment,
 * the link names no one video. Only the 11-character id survives: yt-dlp is given a link the
 * gateway builds from it (canonicalVideoLink), so nothing else the user typed reaches its argv.
 */
export function parseYouTubeLink(input: string): LinkVerdict {
  const url = new URL(input);
  const segments = url.pathname.split('/'); // "/shorts/<id>/" is ['', 'shorts', '<id>', '']
  const ids = url.hostname === 'youtu.be' ? [segments[1]] : segments[1] === 'watch' ? url.searchParams.getAll('v') : [segments[2]];
  if (ids.length !== 1 || !VIDEO_ID.test(String(ids[0]))) return { problem: 'the link does not name one video by its 11-character id' };
  return { videoId: ids[0]! };
}

/** The link yt-dlp is given: rebuilt from the id, so a playlist or any other parameter the user sent is dropped. */
export function canonicalVideoLink(videoId: string): string {
  return `https://www.youtube.com/watch?v=${videoId}`;
}
