import { Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { FORGERIES, type Forgery } from '../support/tasks/forge-token';
import type { MediaNestWorld } from '../support/world';

When(/^(\w+) calls MediaNest with (.+)$/, async function (this: MediaNestWorld, name: string, forgery: string) {
  assert.ok(forgery in FORGERIES, `no forgery is called "${forgery}"`);
  const actor = this.actor(name);
  const forged = await FORGERIES[forgery as Forgery](actor.signedIn().token);
  await actor.call('GET', '/api/v1/auth/session', { headers: { authorization: `Bearer ${forged}` } });
});

Then('no answer MediaNest gave in this scenario contains {persona}\'s Plex token', async function (this: MediaNestWorld, name: string) {
  const token = this.upstreams.plexTv.model.account(name).authToken;
  assert.ok(this.exchanges.length > 0);
  for (const { request, response } of this.exchanges) {
    assert.ok(!response.text.includes(token), `${request.method} ${request.path} answered with the Plex token`);
    assert.ok(!JSON.stringify(response.headers).includes(token), `${request.method} ${request.path} sent the Plex token in a header`);
  }
  if (this.target.kind !== 'remote') assert.ok(!(await this.gateway()).logs().includes(token), 'the gateway logged the Plex token');
});
