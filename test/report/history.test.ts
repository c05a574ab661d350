import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyseHistory, appendHistory, readHistory, type HistoryRun } from '../../support/report/living/history';
import { readMessageFiles } from '../../support/report/living/read-messages';
import { buildLivingDocumentation } from '../../support/report/living/build';
import { fixtureTexts, scratchOptions } from './helpers';

const run = (time: string, scenarios: Array<[string, 'passed' | 'failed' | 'skipped', number?, number?]>): HistoryRun => ({
  time,
  commit: 'abc',
  profile: 'default',
  target: 'embedded',
  scenarios: scenarios.map(([id, result, attempts = 1, durationMs = 100]) => ({ id, result, attempts, durationMs })),
});
const A = 'features/library/a.feature » a';
const B = 'features/library/a.feature » b';
const C = 'features/downloads/c.feature » c';
const D = 'features/downloads/c.feature » d » 1 | 2';

test('flaky, new failures, recovered and the slowest come from the last runs', () => {
  const view = analyseHistory([
    run('1', [[A, 'passed'], [B, 'failed'], [C, 'passed'], [D, 'passed']]),
    run('2', [[A, 'failed'], [B, 'failed'], [C, 'passed'], [D, 'passed', 1, 900]]),
    run('3', [[A, 'passed'], [B, 'passed'], [C, 'failed'], [D, 'passed', 2, 1200]]),
  ]);
  assert.deepEqual(view.flaky.map((item) => item.id).sort(), [A, D].sort(), 'A flip-flopped; D passed on its second attempt');
  assert.deepEqual(view.newFailures.map((item) => item.id), [C]);
  assert.deepEqual(view.recovered.map((item) => item.id).sort(), [A, B].sort());
  assert.equal(view.slowest[0]!.id, D);
  assert.deepEqual(view.slowest[0]!.durations, [100, 900, 1200]);
  assert.deepEqual(view.capabilities.library!.map((counts) => counts?.failed), [1, 2, 0]);
});

test('only the last 20 runs count', () => {
  const runs = Array.from({ length: 25 }, (_, index) => run(String(index), [[A, index < 5 ? 'failed' : 'passed']]));
  const view = analyseHistory(runs);
  assert.equal(view.runs.length, 20);
  assert.equal(view.flaky.length, 0);
  assert.equal(view.recovered.length, 0);
});

test('a run that ran something appends one line; a dry run or a run that selected nothing adds none', () => {
  const options = scratchOptions({ recordHistory: true });
  const { envelopes } = readMessageFiles(fixtureTexts().slice(0, 1));
  buildLivingDocumentation(envelopes, false, options);
  const lines = readHistory(options.history);
  assert.equal(lines.length, 1);
  assert.ok(lines[0]!.scenarios.every((scenario) => / » /.test(scenario.id) && !/^[0-9a-f-]{36}$/.test(scenario.id)), 'ids are file and name, not pickle ids');
  buildLivingDocumentation(envelopes, false, { ...options, dryRun: true });
  buildLivingDocumentation([], false, options);
  assert.equal(readHistory(options.history).length, 1);
  assert.equal(appendHistory(options.history, run('x', [])), false);
});

test('a torn line in the history is skipped, not fatal', () => {
  const options = scratchOptions();
  writeFileSync(options.history, `${JSON.stringify(run('1', [[A, 'passed']]))}\n{"time":"2","scen`);
  assert.equal(readHistory(options.history).length, 1);
  assert.ok(readFileSync(options.history, 'utf8').length > 0);
});
