import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCatalogue, outlineTitle, parseFeatures, readReadmes, SUITE_ITSELF } from '../../support/report/living/catalogue';

const catalogue = buildCatalogue(parseFeatures('features'), readReadmes('features'));

test("an outline run is titled with its Examples values, never with placeholders", () => {
  assert.equal(outlineTitle('<service> down for <minutes> minutes', ['service', 'minutes'], ['Plex', '5']), 'Plex down for 5 minutes');
  assert.equal(outlineTitle('a refusal names the field', ['field', 'code'], ['title', 'VALIDATION_ERROR']), 'a refusal names the field (field: title, code: VALIDATION_ERROR)');
  const outlines = catalogue.scenarios.filter((scenario) => scenario.id.split(' » ').length === 3);
  assert.ok(outlines.length > 20, `the features hold outline runs: ${outlines.length}`);
  for (const scenario of outlines) assert.doesNotMatch(scenario.title, /<[a-z][^>]*>/i, scenario.id);
  for (const scenario of catalogue.scenarios) assert.doesNotMatch(scenario.steps.join('\n'), /<[a-z][\w ]*>/i, scenario.id);
});

test('every scenario has a distinct id made of its file, name and Examples row', () => {
  const ids = catalogue.scenarios.map((scenario) => scenario.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.ok(ids.every((id) => /^features\/.+\.feature » /.test(id)));
});

test('every capability has a product-owner README, and the suite’s self-tests a card of their own', () => {
  for (const capability of catalogue.capabilities) {
    assert.ok(capability.narrative.length > 0, `${capability.key} has a README narrative`);
    assert.doesNotMatch(capability.title, /[/_]|^[a-z]/, `${capability.key} is titled in product words: ${capability.title}`);
  }
  const suite = catalogue.scenarios.filter((scenario) => scenario.capability === SUITE_ITSELF).map((scenario) => scenario.uri);
  assert.deepEqual([...new Set(suite)].sort(), ['features/suite/load_driver.feature', 'features/suite/network_guard.feature', 'features/suite/scenario_clock.feature']);
  assert.ok(catalogue.scenarios.every((scenario) => (scenario.capability === SUITE_ITSELF) === scenario.uri.startsWith('features/suite/')), 'the self-tests, and only they, are on the suite\'s card');
});
