import { Given, Then, When } from '@cucumber/cucumber';
import { expectError } from '../../support/checks/answers';
import { DownloadChecks } from '../../support/checks/downloads';
import { YtDlpChecks } from '../../support/checks/yt-dlp';
import type { YoutubeLink } from '../../support/parameter-types/downloads';
import { Downloads } from '../../support/tasks/download-videos';
import { REFUSED_LINKS } from '../../support/tasks/youtube-links';
import type { MediaNestWorld } from '../../support/world';

When('{actor} asks to download {link}', async function (this: MediaNestWorld, name: string, { link, videoId }: YoutubeLink) {
  await Downloads.request(this, name, { url: link }, videoId);
});

When('{persona} sends {badDownloadBody} to start a download', async function (this: MediaNestWorld, name: string, body: string) {
  await Downloads.request(this, name, body);
});

Then('nothing was stored for {persona} and yt-dlp never ran', async function (this: MediaNestWorld, name: string) {
  await DownloadChecks.nothingStored(this, name);
  YtDlpChecks.neverRan(this);
});

When('{persona} tries to {downloadAction} {persona}\'s download', async function (this: MediaNestWorld, name: string, action: 'look at' | 'cancel' | 'follow', owner: string) {
  await Downloads.tryOnOthers(this, name, action, owner);
});

Then('{persona}\'s download carries on', async function (this: MediaNestWorld, name: string) {
  await DownloadChecks.standsAs(this, name, 'downloading');
  YtDlpChecks.neverToldToStop(this, name);
});

Given('{persona} has been refused {int} link(s) that is/are not YouTube video(s)', async function (this: MediaNestWorld, name: string, count: number) {
  for (const exchange of await Downloads.askForLinks(this, name, Object.values(REFUSED_LINKS).slice(0, count))) expectError(exchange, 400, 'INVALID_URL');
});

Given('{persona} has been refused the video he/she is already downloading', async function (this: MediaNestWorld, name: string) {
  expectError(await Downloads.ask(this, name, Downloads.latest(this, name).videoId), 409, 'DOWNLOAD_ACTIVE');
});

Then('{persona} is refused with DOWNLOAD_ACTIVE, naming the download under way', function (this: MediaNestWorld, name: string) {
  DownloadChecks.refusedAsUnderWay(this, name);
});
