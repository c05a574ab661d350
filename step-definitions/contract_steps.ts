import { Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { contractDocument } from '../support/contract/document';
import { expectStatus } from '../support/checks/answers';
import type { MediaNestWorld } from '../support/world';

When('a visitor reads the API description', async function (this: MediaNestWorld) {
  await this.visitor.call('GET', '/api/v1/openapi.json');
});

Then("it is exactly the suite's copy of the contract", function (this: MediaNestWorld) {
  const exchange = this.lastExchange;
  expectStatus(exchange, 200);
  const differences = differencesBetween(contractDocument(), exchange.response.body, '');
  assert.deepEqual(differences.slice(0, 20), [], `the served document differs from support/contract/openapi.json in ${differences.length} places`);
});

/** JSON pointers where two documents differ, with both values, so a reviewer sees what drifted. */
function differencesBetween(expected: unknown, actual: unknown, at: string): string[] {
  if (isObject(expected) && isObject(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
    return keys.flatMap((key) => differencesBetween(expected[key], actual[key], `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  }
  if (Array.isArray(expected) && Array.isArray(actual) && expected.length === actual.length) {
    return expected.flatMap((item, index) => differencesBetween(item, actual[index], `${at}/${index}`));
  }
  return JSON.stringify(expected) === JSON.stringify(actual) ? [] : [`${at || '/'}: expected ${clip(expected)}, served ${clip(actual)}`];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const clip = (value: unknown) => (JSON.stringify(value) ?? 'nothing').slice(0, 120);
