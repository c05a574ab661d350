import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalVideoLink, MAX_LINK_LENGTH, parseYouTubeLink } from '../src/downloads/youtube-link';

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
    assert.deepEqual(parseYouTubeLink(link), { videoId: ID });
  });
}

for (const [link, why] of [
  [`http://www.youtube.com/watch?v=${ID}`, /https/],
  [`https://www.youtube.com.evil.example/watch?v=${ID}`, /youtube\.com and youtu\.be/],
  [`https://youtube.co/watch?v=${ID}`, /youtube\.com and youtu\.be/],
  [`https://user:pass@www.youtube.com/watch?v=${ID}`, /username or password/],
  [`https://www.youtube.com@evil.example/watch?v=${ID}`, /username or password/],
  [`https://www.youtube.com:8443/watch?v=${ID}`, /port/],
  [`https://www.youtube.com/watch?v=${ID}&v=aaaaaaaaaaa`, /one video/],
  [`https://www.youtube.com/watch?v=short`, /one video/],
  [`https://www.youtube.com/playlist?list=PL123`, /one video/],
  [`https://www.youtube.com/watch?v=${ID} --exec rm`, /spaces or characters/],
  [`https://www.youtube.com/watch?v=${ID}\n--exec`, /spaces or characters/],
  [`https://www.yοutube.com/watch?v=${ID}`, /spaces or characters/], // a Greek omicron
  [`https://www.youtube.com/watch?v=${ID}&pad=${'a'.repeat(MAX_LINK_LENGTH)}`, /spaces or characters/],
  ['youtube.com/watch', /not a link/],
] as const) {
  test(`${JSON.stringify(link).slice(0, 90)} is refused`, () => {
    const verdict = parseYouTubeLink(link);
    assert.ok('problem' in verdict, `accepted as ${JSON.stringify(verdict)}`);
    assert.match(verdict.problem, why);
  });
}

test('yt-dlp is given a link rebuilt from the id alone', () => {
  assert.equal(canonicalVideoLink(ID), `https://www.youtube.com/watch?v=${ID}`);
});
