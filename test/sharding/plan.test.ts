import { generateMessages } from '@cucumber/gherkin';
import { IdGenerator, SourceMediaType, type Envelope, type GherkinDocument, type Pickle } from '@cucumber/messages';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { idOf, parseShard, scenariosOfShard, type ShardablePickle } from '../../support/sharding/plan';

const RUN: Envelope[] = readFileSync(join(__dirname, '..', 'report', 'fixture', 'functional.ndjson'), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
const DOCUMENTS = new Map(RUN.flatMap((envelope) => (envelope.gherkinDocument ? [[envelope.gherkinDocument.uri!, envelope.gherkinDocument] as [string, GherkinDocument]] : [])));
const PICKLES: ShardablePickle[] = RUN.flatMap((envelope) => (envelope.pickle ? [{ pickle: envelope.pickle as Pickle, gherkinDocument: DOCUMENTS.get(envelope.pickle.uri)! }] : []));

const shardsOf = (total: number, durations: Record<string, number>) => Array.from({ length: total }, (_, index) => scenariosOfShard(PICKLES, { index: index + 1, total }, durations));

test('every scenario lands in exactly one shard, in Cucumber order, with or without durations', () => {
  const durations = Object.fromEntries(PICKLES.map((pickle, position) => [idOf(pickle), (position * 37) % 500]));
  for (const known of [{}, durations]) {
    const shards = shardsOf(3, known);
    const all = shards.flat().map((pickle) => pickle.pickle.id);
    assert.equal(new Set(all).size, PICKLES.length);
    assert.equal(all.length, PICKLES.length);
    for (const shard of shards) assert.deepEqual(shard, [...shard].sort((a, b) => PICKLES.indexOf(a) - PICKLES.indexOf(b)));
  }
});

test('without durations the split is Cucumber\'s own --shard: every third scenario', () => {
  assert.deepEqual(shardsOf(3, {})[1], PICKLES.filter((_, position) => position % 3 === 1));
});

test('with durations the shards take about the same time, even when one scenario is long', () => {
  const durations = Object.fromEntries(PICKLES.map((pickle, position) => [idOf(pickle), position === 0 ? 2_000 : 100 + ((position * 37) % 300)]));
  const totals = shardsOf(3, durations).map((shard) => shard.reduce((sum, pickle) => sum + durations[idOf(pickle)]!, 0));
  const mean = totals.reduce((a, b) => a + b) / totals.length;
  assert.ok(Math.max(...totals) <= 1.05 * mean, `shards of ${totals.join(', ')} ms against a mean of ${mean} ms`);
});

test('an outline row has the id the history gives it: file » name » values', () => {
  const text = 'Feature: f\n  Scenario Outline: waits <minutes> minutes\n    Given <minutes>\n    Examples:\n      | minutes |\n      | 5       |\n';
  const envelopes = generateMessages(text, 'features/x.feature', SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN, { includeGherkinDocument: true, includePickles: true, includeSource: false, newId: IdGenerator.uuid() });
  const gherkinDocument = envelopes.find((envelope) => envelope.gherkinDocument)!.gherkinDocument!;
  const pickle = envelopes.find((envelope) => envelope.pickle)!.pickle!;
  assert.equal(idOf({ pickle, gherkinDocument }), 'features/x.feature » waits <minutes> minutes » 5');
});

test('a shard is INDEX/TOTAL within range', () => {
  assert.deepEqual(parseShard('2/3'), { index: 2, total: 3 });
  for (const wrong of ['0/3', '4/3', '3', 'a/b']) assert.throws(() => parseShard(wrong), /INDEX\/TOTAL/);
});
