import { Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { MediaNestWorld } from '../support/world';

/** What every answer must tell the browser (gateway/src/http/security-headers.ts chooses them). */
const BROWSER_PROTECTIONS: Record<string, RegExp> = {
  'content-type': /^application\/json\b/,
  'x-content-type-options': /^nosniff$/,
  'x-frame-options': /^DENY$/,
  'content-security-policy': /^(?=.*default-src 'none')(?=.*frame-ancestors 'none')/,
  'strict-transport-security': /^max-age=\d{7,}; includeSubDomains\b/,
  'referrer-policy': /^no-referrer$/,
  'cross-origin-resource-policy': /^same-origin$/,
};

When('a visitor checks that MediaNest is alive', async function (this: MediaNestWorld) {
  await this.visitor.call('GET', '/api/v1/health');
});

When('a visitor asks for an address MediaNest does not have', async function (this: MediaNestWorld) {
  await this.visitor.call('GET', '/api/v1/no-such-address', { outOfContract: true });
});

Then('the answer carries the browser protections of a JSON API', function (this: MediaNestWorld) {
  const { headers } = this.lastExchange.response;
  const missing = Object.entries(BROWSER_PROTECTIONS).filter(([name, expected]) => !expected.test(headers[name] ?? ''));
  assert.deepEqual(missing.map(([name]) => `${name}: ${headers[name] ?? '(absent)'}`), [], 'headers missing or wrong');
});
