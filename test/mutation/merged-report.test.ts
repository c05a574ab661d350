import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { domains, mutatePatterns, owns } from '../../scripts/mutation/domains';
import { mergeBaselines } from '../../scripts/mutation/merged-report';
import { domainScores } from '../../support/report/mutation-scores';

const mutant = (id: string, status: string) => ({ id, status, mutatorName: 'BooleanLiteral', replacement: 'false', coveredBy: ['0'], location: { start: { line: 1, column: 1 }, end: { line: 1, column: 5 } } });
const file = (...mutants: ReturnType<typeof mutant>[]) => ({ language: 'typescript', source: 'export const x = true;\n', mutants });
const baseline = (files: Record<string, ReturnType<typeof file>>) => ({
  schemaVersion: '2',
  thresholds: { high: 90, low: 85 },
  files,
  testFiles: { 'features/x.feature': { tests: [{ id: '0', name: 'a scenario' }] } },
});

const folder = mkdtempSync(join(tmpdir(), 'medianest-baselines-'));
after(() => rmSync(folder, { recursive: true, force: true }));

/**
 * Baselines as they stand after files moved to shared-stores: library's and store's still hold
 * shared-cache.ts and postgres.ts as reached by no scenario, and redis.json is a domain that is gone.
 */
function writeBaselines(): void {
  mkdirSync(folder, { recursive: true });
  const write = (domain: string, files: Record<string, ReturnType<typeof file>>) => writeFileSync(join(folder, `${domain}.json`), JSON.stringify(baseline(files)));
  write('library', {
    'gateway/src/library/cache.ts': file(mutant('1', 'Killed'), mutant('2', 'Survived')),
    'gateway/src/library/shared-cache.ts': file(mutant('3', 'NoCoverage'), mutant('4', 'NoCoverage')),
  });
  write('store', {
    'gateway/src/store/sqlite.ts': file(mutant('1', 'Killed')),
    'gateway/src/store/postgres.ts': file(mutant('2', 'NoCoverage')),
  });
  write('redis', { 'gateway/src/redis/shared-redis.ts': file(mutant('1', 'NoCoverage')) });
  write('shared-stores', {
    'gateway/src/library/shared-cache.ts': file(mutant('1', 'Killed'), mutant('2', 'Survived')),
    'gateway/src/store/postgres.ts': file(mutant('3', 'Killed')),
    'gateway/src/redis/shared-redis.ts': file(mutant('4', 'Timeout')),
  });
}

test('the files that run only on PostgreSQL and Redis are one domain, and leave their folders\' domains', () => {
  assert.ok(domains().includes('shared-stores'));
  assert.ok(!domains().includes('redis'), 'every file of redis/ is in shared-stores: no domain of its own');
  assert.ok(mutatePatterns('store').includes('!gateway/src/store/postgres.ts'));
  assert.ok(owns('store', 'gateway/src/store/sqlite.ts'));
  assert.ok(!owns('store', 'gateway/src/store/postgres.ts'));
  assert.ok(owns('shared-stores', 'gateway/src/store/postgres.ts'));
  assert.ok(!owns('shared-stores', 'gateway/src/store/sqlite.ts'));
  assert.ok(owns('core', 'gateway/src/app.ts') && !owns('core', 'gateway/src/main.ts'));
  assert.ok(!owns('redis', 'gateway/src/redis/shared-redis.ts'), 'a domain that is gone owns nothing');
});

test('the merged report counts each file once, from the baseline of the domain that mutates it now', () => {
  writeBaselines();
  const merged = mergeBaselines(folder, owns);
  const from = (path: string) => merged.files[path]?.mutants.map((m) => `${m.id}:${m.status}:${m.coveredBy?.join()}`);
  assert.deepEqual(from('gateway/src/library/shared-cache.ts'), ['1:Killed:shared-stores:0', '2:Survived:shared-stores:0']);
  assert.deepEqual(from('gateway/src/store/postgres.ts'), ['3:Killed:shared-stores:0']);
  assert.deepEqual(from('gateway/src/redis/shared-redis.ts'), ['4:Timeout:shared-stores:0']);
  assert.deepEqual(from('gateway/src/library/cache.ts'), ['1:Killed:library:0', '2:Survived:library:0']);
  assert.deepEqual(from('gateway/src/store/sqlite.ts'), ['1:Killed:store:0']);
  assert.equal(Object.keys(merged.files).length, 5);
  const scores = Object.fromEntries(domainScores(merged).map((score) => [score.domain, [score.detected, score.undetected]]));
  assert.deepEqual(scores, { library: [1, 1], 'shared-stores': [3, 1], store: [1, 0], all: [5, 2] });
});

test('without the rule, a moved file\'s old baseline would stand in for its new one (store.json is read after shared-stores.json)', () => {
  writeBaselines();
  const everything = mergeBaselines(folder, () => true);
  assert.deepEqual(everything.files['gateway/src/store/postgres.ts']?.mutants.map((m) => `${m.id}:${m.status}:${m.coveredBy?.join()}`), ['2:NoCoverage:store:0']);
});
