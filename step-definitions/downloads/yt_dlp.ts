import { Then } from '@cucumber/cucumber';
import { YtDlpChecks } from '../../support/checks/yt-dlp';
import { Downloads } from '../../support/tasks/download-videos';
import type { MediaNestWorld } from '../../support/world';

Then('yt-dlp was given only the video\'s own link, after its options', async function (this: MediaNestWorld) {
  await YtDlpChecks.givenOnlyTheLink(this);
});

Then('yt-dlp was asked for {word} merged into {word}, with the link after its options', function (this: MediaNestWorld, quality: string, format: string) {
  YtDlpChecks.askedFor(this, quality, format);
});

Then('yt-dlp downloaded that video only once', function (this: MediaNestWorld) {
  YtDlpChecks.downloadedOnce(this);
});

Then('yt-dlp never ran for it', function (this: MediaNestWorld) {
  YtDlpChecks.neverRan(this, Downloads.lastAsked(this));
});

Then('yt-dlp only looked the video up', function (this: MediaNestWorld) {
  YtDlpChecks.onlyLookedUp(this);
});

Then('yt-dlp was asked to stop', async function (this: MediaNestWorld) {
  await YtDlpChecks.askedToStop(this);
});

Then('the yt-dlp that was running was killed as the gateway stopped', async function (this: MediaNestWorld) {
  await YtDlpChecks.killedAtOnce(this, 'stallsVideo');
});

Then('yt-dlp was killed', async function (this: MediaNestWorld) {
  await YtDlpChecks.killed(this);
});

Then('yt-dlp never ran more than {int} at once', function (this: MediaNestWorld, most: number) {
  YtDlpChecks.neverMoreAtOnce(this, most);
});
