import { Then, When } from '@cucumber/cucumber';
import { DownloadChecks } from '../../support/checks/downloads';
import { Downloads } from '../../support/tasks/download-videos';
import type { MediaNestWorld } from '../../support/world';

When('{persona} lists his/her downloads', async function (this: MediaNestWorld, name: string) {
  await Downloads.list(this, name);
});

When('{persona} lists his/her downloads {int} to a page, at page {int}', async function (this: MediaNestWorld, name: string, pageSize: number, page: number) {
  await Downloads.listPage(this, name, page, pageSize);
});

Then('{persona} sees only his/her {ordinal} download, on page {int} of {int}', function (this: MediaNestWorld, name: string, place: number, page: number, pages: number) {
  DownloadChecks.aloneOnPage(this, name, place, page, pages);
});

When('{persona} lists his/her failed downloads', async function (this: MediaNestWorld, name: string) {
  await Downloads.list(this, name, 'failed');
});

Then('{persona} sees his/her own {int} downloads, oldest first', function (this: MediaNestWorld, name: string, count: number) {
  DownloadChecks.ownDownloadsOldestFirst(this, name, count);
});

Then('{persona} sees only his/her failed download', function (this: MediaNestWorld, name: string) {
  DownloadChecks.onlyTheFailedOne(this, name);
});
