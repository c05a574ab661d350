import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalVideoLink, MAX_LINK_LENGTH, parseYouTubeLink, YOUTUBE_LINK } from '../src/downloads/youtube-link';

/** What the route does: the body's pattern first (its schema), then the parser. */
const verdictOf = (link: string) => (link.length <= MAX_LINK_LENGTH && new RegExp(YOUTUBE_LINK).test(link) ? parseYouTubeLink(link) : { problem: 'not of an accepted form' });

const ID = 'dQw4w9WgXcQ';

for (const link of [
  `https://www.youtube.com/watch?v=${ID}`,
  `https://youtube.com/watch?v=${ID}&list=PL123&t=42`,
  `https://m.youtube.com/watch/?v=${ID}`,
  `https://music.youtube.com/watch?v=${ID}`,
  `https://youtu.be/${ID}`,
  `https://youtu.be/${ID}/?si=share`,
  `https://www.youtube.com/shorts/${ID}`,
  `https://www.youtube.com/embed/${ID}`,
  `https://www.youtube.com/live/${ID}/`,
]) {
  test(`${link} names the video ${ID}`, () => {
    assert.deepEqual(verdictOf(link), { videoId: ID });
  });
}

for (const [link, why] of [
  [`http://www.youtube.com/watch?v=${ID}`, /accepted form/],
  [`https://www.youtube.com.evil.example/watch?v=${ID}`, /accepted form/],
  [`https://youtube.co/watch?v=${ID}`, /accepted form/],
  [`https://user:pass@www.youtube.com/watch?v=${ID}`, /accepted form/],
  [`https://www.youtube.com@evil.example/watch?v=${ID}`, /accepted form/],
  [`https://www.youtube.com:8443/watch?v=${ID}`, /accepted form/],
  [`https://www.youtube.com/watch?v=${ID}&v=aaaaaaaaaaa`, /one video/],
  [`https://www.youtube.com/watch?v=short#&v=${ID}`, /one video/],
  [`https://www.youtube.com/watch?v=short`, /accepted form/],
  [`https://www.youtube.com/playlist?list=PL123`, /accepted form/],
  [`https://www.youtube.com/watch?v=${ID} --exec rm`, /accepted form/],
  [`https://www.youtube.com/watch?v=${ID}\n--exec`, /accepted form/],
  [`https://www.yοutube.com/watch?v=${ID}`, /accepted form/], // a Greek omicron
  [`https://www.youtube.com/watch?v=${ID}&pad=${'a'.repeat(MAX_LINK_LENGTH)}`, /accepted form/],
  ['youtube.com/watch', /accepted form/],
] as const) {
  test(`${JSON.stringify(link).slice(0, 90)} is refused`, () => {
    const verdict = verdictOf(link);
    assert.ok('problem' in verdict, `accepted as ${JSON.stringify(verdict)}`);
    assert.match(verdict.problem, why);
  });
}

test('yt-dlp is given a link rebuilt from the id alone', () => {
  assert.equal(canonicalVideoLink(ID), `https://www.youtube.com/watch?v=${ID}`);
});
