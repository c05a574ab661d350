import type { Envelope } from '@cucumber/messages';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readRun } from '../../support/report/living/read-run';
import { mergeShardMessages } from '../../scripts/sharding/merge-messages';

const RUN: Envelope[] = readFileSync(join(__dirname, '..', 'report', 'fixture', 'functional.ndjson'), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
const ID_FIELD = /^(id|.+Id|.+Ids)$/;
const TEST_CASE_MESSAGES = ['testCase', 'testCaseStarted', 'testStepStarted', 'testStepFinished', 'testCaseFinished', 'attachment'];

/** The run as another process would have emitted it: every id new. */
function withNewIds(envelopes: Envelope[]): Envelope[] {
  const ids = new Map<string, string>();
  const renamed = (value: unknown, key = ''): unknown => {
    if (typeof value === 'string') return ID_FIELD.test(key) ? (ids.get(value) ?? ids.set(value, randomUUID()).get(value)) : value;
    if (Array.isArray(value)) return value.map((item) => renamed(item, key));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([field, inner]) => [field, renamed(inner, field)]));
    return value;
  };
  return envelopes.map((envelope) => renamed(envelope) as Envelope);
}

/** The run's test cases split between two shards by pickle position, as two processes would run them. */
function twoShards(): [Envelope[], Envelope[]] {
  const pickleIds = RUN.flatMap((envelope) => (envelope.pickle ? [envelope.pickle.id] : []));
  const testCasePickle = new Map(RUN.flatMap((envelope) => (envelope.testCase ? [[envelope.testCase.id, envelope.testCase.pickleId] as const] : [])));
  const startedCase = new Map(RUN.flatMap((envelope) => (envelope.testCaseStarted ? [[envelope.testCaseStarted.id, envelope.testCaseStarted.testCaseId] as const] : [])));
  const shardOf = (envelope: Envelope): number => {
    const message = Object.values(envelope)[0] as Record<string, string>;
    const testCaseId = envelope.testCase ? message.id : (message.testCaseId ?? startedCase.get(message.testCaseStartedId!));
    return pickleIds.indexOf(testCasePickle.get(testCaseId!)!) % 2;
  };
  const keep = (shard: number) => RUN.filter((envelope) => !TEST_CASE_MESSAGES.includes(Object.keys(envelope)[0]!) || shardOf(envelope) === shard);
  return [keep(0), withNewIds(keep(1))];
}

test('two shards merge into one run: every scenario once, one copy of each document, results intact', () => {
  const whole = readRun(RUN);
  const { envelopes, ranPickles } = mergeShardMessages(twoShards());
  const merged = readRun(envelopes);
  assert.equal(envelopes.filter((envelope) => envelope.gherkinDocument).length, RUN.filter((envelope) => envelope.gherkinDocument).length);
  assert.equal(envelopes.filter((envelope) => envelope.testRunStarted).length, 1);
  assert.equal(envelopes.filter((envelope) => envelope.testRunFinished).length, 1);
  assert.deepEqual([...ranPickles.values()].filter((times) => times !== 1), [], 'no scenario ran twice');
  assert.deepEqual(merged.scenarios.map((scenario) => [scenario.id, scenario.result, scenario.steps.length]).sort(), whole.scenarios.map((scenario) => [scenario.id, scenario.result, scenario.steps.length]).sort());
});

test('a shard that read other features is refused, not merged', () => {
  const [first, second] = twoShards();
  const fewer = second.filter((envelope, index) => !(envelope.pickle && index === second.findIndex((other) => other.pickle)));
  assert.throws(() => mergeShardMessages([first, fewer]), /did not run the same suite/);
});

test('the merged run failed when one shard failed', () => {
  const [first, second] = twoShards();
  const failed = second.map((envelope) => (envelope.testRunFinished ? { testRunFinished: { ...envelope.testRunFinished, success: false } } : envelope));
  const finished = mergeShardMessages([first, failed]).envelopes.find((envelope) => envelope.testRunFinished)!;
  assert.equal(finished.testRunFinished!.success, false);
});
