import { Given, Then, When } from '@cucumber/cucumber';
import { BadBodyChecks } from '../../support/checks/bad-bodies';
import { BadBodySweep, type WriteRoute } from '../../support/tasks/write-routes';
import type { MediaNestWorld } from '../../support/world';

Given('{persona} has requested a film', async function (this: MediaNestWorld, name: string) {
  BadBodyChecks.isOverseerrsFirst(await BadBodySweep.requestAFilm(this, name));
});

When('every kind of bad body is sent to {writeRoute}', async function (this: MediaNestWorld, route: WriteRoute) {
  await BadBodySweep.sendEveryBadBody(this, route);
});

Then('each is refused with the code documented for its kind, never with a server error', function (this: MediaNestWorld) {
  BadBodyChecks.refusedAsDocumented(this);
});

Then('nothing changed, in MediaNest or upstream', async function (this: MediaNestWorld) {
  await BadBodyChecks.nothingChanged(this);
});
