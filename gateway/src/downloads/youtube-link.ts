/** The hosts a download link may name (CONTRACT.md, "Downloads"); anything else, look-alikes included, is refused. */
const VIDEO_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'music.youtube.com']);
const SHORT_HOST = 'youtu.be';
const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
const PATH_FORMS = /^\/(?:shorts|embed|live)\/([^/]+)\/?$/;
// Printable ASCII only: no spaces that could split argv, no control characters, no Unicode look-alikes.
const PRINTABLE = /^[\x21-\x7e]+$/;
export const MAX_LINK_LENGTH = 2048;

export type LinkVerdict = { videoId: string } | { problem: string };

/**
 * Decides whether a link names one YouTube video, and which. Only the 11-character id survives:
 * yt-dlp is given a link the gateway builds from it, so nothing else the user typed reaches argv.
 */
export function parseYouTubeLink(input: string): LinkVerdict {
  if (!PRINTABLE.test(input) || input.length > MAX_LINK_LENGTH) return { problem: 'the link holds spaces or characters a link cannot hold' };
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { problem: 'this is not a link' };
  }
  if (url.protocol !== 'https:') return { problem: 'only https links are accepted' };
  if (url.username !== '' || url.password !== '' || /^https:\/\/[^/?#]*@/i.test(input)) return { problem: 'a link may not carry a username or password' };
  if (url.port !== '') return { problem: 'a link may not name a port' };
  const host = url.hostname;
  if (!VIDEO_HOSTS.has(host) && host !== SHORT_HOST) return { problem: 'only links to youtube.com and youtu.be are accepted' };
  const id = host === SHORT_HOST ? shortLinkId(url) : videoHostId(url);
  if (id === undefined || !VIDEO_ID.test(id)) return { problem: 'the link does not name one video by its 11-character id' };
  return { videoId: id };
}

/** The link yt-dlp is given: rebuilt from the id, so a playlist or any other parameter the user sent is dropped. */
export function canonicalVideoLink(videoId: string): string {
  return `https://www.youtube.com/watch?v=${videoId}`;
}

function shortLinkId(url: URL): string | undefined {
  const match = /^\/([^/]+)\/?$/.exec(url.pathname);
  return match?.[1];
}

function videoHostId(url: URL): string | undefined {
  if (url.pathname === '/watch' || url.pathname === '/watch/') {
    const ids = url.searchParams.getAll('v');
    return ids.length === 1 ? ids[0] : undefined; // two ids: which one did the user mean?
  }
  return PATH_FORMS.exec(url.pathname)?.[1];
}
