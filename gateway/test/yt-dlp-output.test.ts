import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorText, OverallProgress, parseMetadata, parseOutputLine } from '../src/downloads/yt-dlp-output';

test("yt-dlp's progress, destination and merge lines are read", () => {
  assert.deepEqual(parseOutputLine('[download]  42.5% of   10.00MiB at    1.00MiB/s ETA 00:05'), { kind: 'progress', percent: 42.5 });
  assert.deepEqual(parseOutputLine('[download] 100% of ~ 3.2MiB in 00:00:03'), { kind: 'progress', percent: 100 });
  assert.deepEqual(parseOutputLine('[download] Destination: /data/Video [dQw4w9WgXcQ].f137.mp4'), { kind: 'destination', path: '/data/Video [dQw4w9WgXcQ].f137.mp4' });
  assert.deepEqual(parseOutputLine('[Merger] Merging formats into "/data/Video [dQw4w9WgXcQ].mp4"'), { kind: 'merged', path: '/data/Video [dQw4w9WgXcQ].mp4' });
  assert.deepEqual(parseOutputLine('[download] /data/Video.mp4 has already been downloaded'), { kind: 'other' });
  assert.deepEqual(parseOutputLine('[youtube] dQw4w9WgXcQ: Downloading webpage'), { kind: 'other' });
  assert.deepEqual(parseOutputLine('[download] 1000% of 1MiB'), { kind: 'other' }, 'four digits is not a percent');
});

test('metadata is the one JSON line --dump-json prints; separate video and audio mean two runs', () => {
  assert.deepEqual(parseMetadata('{"title":"A film","format_id":"137+140"}\n'), { title: 'A film', runs: 2 });
  assert.deepEqual(parseMetadata('{"title":"A film","format_id":"22"}'), { title: 'A film', runs: 1 });
  assert.deepEqual(parseMetadata('{"title":42}'), { title: undefined, runs: 1 });
  assert.equal(parseMetadata('no json here'), undefined);
  assert.equal(parseMetadata('{not json'), undefined);
  assert.equal(parseMetadata(''), undefined);
});

test("the last ERROR: line, else yt-dlp's usage error, is the reason given", () => {
  assert.equal(errorText('WARNING: slow\nERROR: first\r\nERROR: [youtube] dQw4w9WgXcQ: Video unavailable\n'), '[youtube] dQw4w9WgXcQ: Video unavailable');
  assert.equal(errorText('Usage: yt-dlp [OPTIONS] URL\nyt-dlp: error: no such option: --bogus\n'), 'yt-dlp: error: no such option: --bogus');
  assert.equal(errorText('just noise'), undefined);
});

test('one run maps its percent straight through, to one decimal (the store keeps only rises)', () => {
  const progress = new OverallProgress(1);
  progress.nextRun();
  assert.equal(progress.update(10), 10);
  assert.equal(progress.update(55.55), 55.6);
  assert.equal(progress.update(100), 100);
});

test('with separate video and audio, the video covers 0-90 % and the audio 90-100 %', () => {
  const progress = new OverallProgress(2);
  progress.nextRun();
  assert.equal(progress.update(50), 45);
  assert.equal(progress.update(100), 90);
  progress.nextRun();
  assert.equal(progress.update(0), 90, 'the audio starting is no rise');
  assert.equal(progress.update(50), 95);
  progress.nextRun(); // a third Destination line stays in the last run
  assert.equal(progress.update(100), 100);
});
