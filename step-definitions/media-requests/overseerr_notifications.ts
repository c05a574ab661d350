import { Given, Then, When } from '@cucumber/cucumber';
import { expect } from '../../support/checks/chai';
import { MediaRequests } from '../../support/checks/media-requests';
import { OVERSEERR, OverseerrHasReported, OverseerrReports, type Delivery } from '../../support/tasks/overseerr-reports';
import type { MediaNestWorld } from '../../support/world';

Given('MediaNest has no webhook secret configured for Overseerr', function (this: MediaNestWorld) {
  expect(this.gatewayStarted, 'whether MediaNest started before its configuration was set').to.equal(false);
  this.env.OVERSEERR_WEBHOOK_SECRET = ''; // empty reads as unset, in-process and in a child alike
});

When('Overseerr reports that {string} is available( again)', async function (this: MediaNestWorld, title: string) {
  await OverseerrReports.available(this, title);
});

Given('Overseerr has reported that {string} is available', async function (this: MediaNestWorld, title: string) {
  await OverseerrHasReported.available(this, title);
});

Given('Overseerr has reported that an admin {decision} {string} in Overseerr', async function (this: MediaNestWorld, decision: 'approve' | 'decline', title: string) {
  await OverseerrHasReported.decided(this, title, decision);
});

When('Overseerr reports( again) that an admin {decision} {string} in Overseerr', async function (this: MediaNestWorld, decision: 'approve' | 'decline', title: string) {
  await OverseerrReports.decided(this, title, decision === 'approve' ? 'MEDIA_APPROVED' : 'MEDIA_DECLINED');
});

When('Overseerr reports that {string} failed', async function (this: MediaNestWorld, title: string) {
  await OverseerrReports.failed(this, title);
});

Given('Overseerr has reported that {string} failed', async function (this: MediaNestWorld, title: string) {
  await OverseerrHasReported.failed(this, title);
});

When('Overseerr reports that a title no request asked for is available', async function (this: MediaNestWorld) {
  await OverseerrReports.send(this, 'MEDIA_AVAILABLE'); // Overseerr's payload then carries "request": null
});

When('Overseerr sends a test notification', async function (this: MediaNestWorld) {
  await OverseerrReports.send(this, 'TEST_NOTIFICATION');
});

When('someone reports that {string} is available {webhookAuthorization}', async function (this: MediaNestWorld, title: string, delivery: Delivery) {
  await OverseerrReports.send(this, 'MEDIA_AVAILABLE', OverseerrReports.requestFor(this, title), delivery);
});

When('Overseerr sends {notOverseerrsBody}', async function (this: MediaNestWorld, body: (world: MediaNestWorld) => unknown) {
  await OverseerrReports.send(this, 'MEDIA_AVAILABLE', undefined, { body: body(this) });
});

When('someone without the secret sends {notOverseerrsBody}', async function (this: MediaNestWorld, body: (world: MediaNestWorld) => unknown) {
  await OverseerrReports.send(this, 'MEDIA_AVAILABLE', undefined, { body: body(this), authorization: undefined });
});

Then('Overseerr\'s notification is accepted', function (this: MediaNestWorld) {
  expect(this.lastExchangeOf(OVERSEERR)).to.be.answered(204);
});

Then('the notification is refused with {word}', function (this: MediaNestWorld, code: string) {
  expect(this.lastExchangeOf(OVERSEERR)).to.be.refusedWith(code);
});

Then('{persona}\'s request for {string} is unchanged since the first notification', async function (this: MediaNestWorld, name: string, title: string) {
  // the whole request, updatedAt included: a status "moving" to itself would show here
  expect(await MediaRequests.own(this, name, title), `${name}'s request`).to.deep.equal(this.notes.mediaRequests.afterFirstNotification);
});

Then('{string} is in the Plex library {persona} browses', async function (this: MediaNestWorld, title: string, name: string) {
  expect(await MediaRequests.inPlexLibrary(this, name, title), 'the titles a search of the library finds').to.include(title);
});
