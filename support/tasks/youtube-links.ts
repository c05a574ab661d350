/**
 * The videos and links the download features talk about, by the words the features use. Video ids
 * choose the fake yt-dlp's behaviour (support/upstreams/yt-dlp/README.md).
 */
export const VIDEOS: Record<string, string> = {
  'a short video': 'normalVideo',
  'a video that stalls': 'stallsVideo',
  'a video that will not stop when asked': 'ignoresTerm',
  'a video that fails midway': 'failsMidway',
  'a video that is unavailable': 'unavailable',
  'a video whose picture and sound come separately': 'splitAVideo',
  'a video whose yt-dlp is killed midway': 'killedByOOM',
  'a video yt-dlp says nothing about': 'noMetadata1',
  'a video whose yt-dlp quits midway without a word': 'quitsSilent',
  'a video whose file is gone when yt-dlp finishes': 'noFileLeft1',
  'a video yt-dlp downloads without naming its file': 'namesNoFile',
};

export const VIDEO_PHRASES = new RegExp(Object.keys(VIDEOS).join('|'));

export const watchLink = (videoId: string) => `https://www.youtube.com/watch?v=${videoId}`;

/** Every accepted form of a YouTube link, each naming the id it should resolve to. */
export const ACCEPTED_LINKS: Record<string, { link: string; videoId: string }> = {
  'a short youtu.be link': { link: 'https://youtu.be/dQw4w9WgXcQ', videoId: 'dQw4w9WgXcQ' },
  'a mobile YouTube link': { link: 'https://m.youtube.com/watch?v=dQw4w9WgXcQ', videoId: 'dQw4w9WgXcQ' },
  'a youtube.com link without www': { link: 'https://youtube.com/watch?v=dQw4w9WgXcQ', videoId: 'dQw4w9WgXcQ' },
  'a YouTube Music link': { link: 'https://music.youtube.com/watch?v=dQw4w9WgXcQ', videoId: 'dQw4w9WgXcQ' },
  'a Shorts link': { link: 'https://www.youtube.com/shorts/aqz-KE-bpKQ', videoId: 'aqz-KE-bpKQ' },
  'a link with a start time and a playlist': { link: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s&list=PLbpi6ZahtOH6Blw3RGYpWkSByi_T7Rygb', videoId: 'dQw4w9WgXcQ' },
  'a link whose video id starts with dashes': { link: 'https://www.youtube.com/watch?v=--exec-echo', videoId: '--exec-echo' },
};

/** Links that must be refused, each a way people have tried to get a downloader to fetch or run something else. */
export const REFUSED_LINKS: Record<string, string> = {
  'a plain http link to a YouTube video': 'http://www.youtube.com/watch?v=dQw4w9WgXcQ',
  'a local file': 'file:///etc/passwd',
  'a script link': 'javascript:alert(document.cookie)//https://youtu.be/dQw4w9WgXcQ',
  'a link to another video site': 'https://vimeo.com/76979871',
  'a look-alike host that starts with youtube.com': 'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
  'a host that merely ends like youtube.com': 'https://evilyoutube.com/watch?v=dQw4w9WgXcQ',
  'an IP address instead of a host name': 'https://142.250.74.46/watch?v=dQw4w9WgXcQ',
  'YouTube with a port of its own': 'https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ',
  'a video id one character short': 'https://www.youtube.com/watch?v=dQw4w9WgXc',
  'a video id one character too long': 'https://youtu.be/dQw4w9WgXcQQ',
  // two ids: MediaNest cannot know which one was meant, and must not pick one for the user
  'a link naming two videos': 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&v=aqz-KE-bpKQ',
  'a playlist without a video': 'https://www.youtube.com/playlist?list=PLbpi6ZahtOH6Blw3RGYpWkSByi_T7Rygb',
  "yt-dlp's exec option instead of a link": '--exec=touch /tmp/medianest-pwned',
  'an output option before the link': '-o /etc/cron.d/medianest https://youtu.be/dQw4w9WgXcQ',
  'a link followed by an option': 'https://youtu.be/dQw4w9WgXcQ --exec touch',
  'a link with a name and password': 'https://user:secret@www.youtube.com/watch?v=dQw4w9WgXcQ',
  // the form is right, but the video it names is not a video id: the good one is only in the fragment
  'a link hiding a video id in its fragment': 'https://www.youtube.com/watch?v=notAVideo#&v=dQw4w9WgXcQ',
};

/** Request bodies a careless or hostile client sends to start a download. */
export const BAD_DOWNLOAD_BODIES: Record<string, string> = {
  'an unknown quality': JSON.stringify({ url: watchLink('normalVideo'), quality: '4320p' }),
  'an unknown container format': JSON.stringify({ url: watchLink('normalVideo'), format: 'avi' }),
  'the link as a number': JSON.stringify({ url: 42 }),
  'no link': JSON.stringify({ quality: '720p' }),
  'an extra field with yt-dlp options': JSON.stringify({ url: watchLink('normalVideo'), options: ['--exec', 'touch /tmp/pwned'] }),
  'malformed JSON': '{"url": "https://youtu.be/dQw4w9WgXcQ",',
  'a link that is not YouTube and an unknown quality': JSON.stringify({ url: 'https://vimeo.com/76979871', quality: '4320p' }),
};
