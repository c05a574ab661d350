import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { domainScores, schemaErrors, type MutationReport } from '../../support/report/mutation-scores';
import { fixtureTexts, pageFrom, scratchOptions } from './helpers';

const mutant = (id: string, status: string, line = 1) => ({ id, status, mutatorName: 'BooleanLiteral', replacement: 'false', location: { start: { line, column: 1 }, end: { line, column: 5 } } });
const source = 'export const x = true;\n';

/** A report of the schema's shape: auth 3 of 4 detected, media-requests 1 of 1, core 0 of 1, one static mutant ignored. */
const REPORT = {
  schemaVersion: '2',
  thresholds: { high: 90, low: 85 },
  files: {
    'gateway/src/auth/tokens.ts': { language: 'typescript', source, mutants: [mutant('1', 'Killed'), mutant('2', 'Timeout'), mutant('3', 'Survived'), mutant('4', 'Killed'), mutant('5', 'Ignored')] },
    'gateway/src/media-requests/repository.ts': { language: 'typescript', source, mutants: [mutant('6', 'Killed'), mutant('7', 'RuntimeError')] },
    'gateway/src/app.ts': { language: 'typescript', source, mutants: [mutant('8', 'NoCoverage')] },
  },
};

test('a report of the mutation-testing-report schema passes, and one without its files is refused', () => {
  assert.deepEqual(schemaErrors(REPORT), []);
  const { files: _files, ...withoutFiles } = REPORT;
  assert.match(schemaErrors(withoutFiles).join('\n'), /must have required property 'files'/);
  assert.notDeepEqual(schemaErrors({ ...REPORT, files: { 'a.ts': { language: 'typescript', source, mutants: [{ ...mutant('1', 'Killed'), status: 'Alive' }] } } }), []);
});

const BASELINES = 'gateway/mutation-baseline';
const baselines = existsSync(BASELINES) ? readdirSync(BASELINES).filter((file) => file.endsWith('.json')) : [];

test('every committed incremental baseline keeps the schema too', { skip: !baselines.length && 'no baseline yet' }, () => {
  for (const file of baselines) assert.deepEqual(schemaErrors(JSON.parse(readFileSync(join(BASELINES, file), 'utf8'))), [], file);
});

test('each folder of gateway/src is scored apart: killed and timed-out mutants count as detected, ignored and invalid ones not at all', () => {
  const scores = domainScores(REPORT as unknown as MutationReport);
  assert.deepEqual(scores.map((score) => [score.domain, score.score, score.detected, score.undetected, score.ignored, score.invalid]), [
    ['auth', 75, 3, 1, 1, 0],
    ['core', 0, 0, 1, 0, 0],
    ['media-requests', 100, 1, 0, 0, 1],
    ['all', 66.66, 4, 2, 1, 1],
  ]);
});

test('the living documentation shows the score per domain against its goal, and the overall score on the home page', () => {
  const options = scratchOptions();
  const mutationReport = join(options.outDir, 'mutation.json');
  writeFileSync(mutationReport, JSON.stringify(REPORT));
  const { html, summary } = pageFrom(fixtureTexts().slice(0, 1), { mutationReport });
  assert.equal(summary.mutationScores?.at(-1)?.score, 66.66);
  assert.match(html, /<a href="#detection-power" data-nav="detection-power">Detection power<\/a>/);
  assert.match(html, /<tr data-mutation-domain="auth"><td>auth<\/td><td class="failed">75\.00%<\/td><td>90%<\/td><td>3<\/td><td>1<\/td><td>1<\/td><\/tr>/);
  assert.match(html, /<tr data-mutation-domain="core"><td>core<\/td><td class="failed">0\.00%<\/td><td>85%<\/td>/);
  assert.match(html, /<tr data-mutation-domain="media-requests"><td>media-requests<\/td><td class="passed">100\.00%<\/td>/);
  assert.match(html, /data-mutation-home><b>66\.66%<\/b>/);
});

test('without a mutation report, or with one that breaks the schema, the page says why and shows no score', () => {
  const absent = pageFrom(fixtureTexts().slice(0, 1));
  assert.equal(absent.summary.mutationScores, null);
  assert.match(absent.html, /No mutation report \(.*no-mutation\.json\): npm run mutation writes it\./);
  assert.doesNotMatch(absent.html, /data-mutation-home/);
  const options = scratchOptions();
  const mutationReport = join(options.outDir, 'mutation.json');
  writeFileSync(mutationReport, JSON.stringify({ schemaVersion: '2', files: {} }));
  const broken = pageFrom(fixtureTexts().slice(0, 1), { mutationReport });
  assert.equal(broken.summary.mutationScores, null);
  assert.match(broken.html, /does not keep the mutation-testing-report schema: \/ must have required property &#39;thresholds&#39;|does not keep the mutation-testing-report schema: \/ must have required property 'thresholds'/);
});
