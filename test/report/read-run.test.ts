import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TestStepResultStatus, type Envelope } from '@cucumber/messages';
import { readMessageFiles } from '../../support/report/living/read-messages';
import { readRun } from '../../support/report/living/read-run';
import { envelopesOf, fixtureTexts, ndjson, pageFrom } from './helpers';

const [functional, load] = fixtureTexts() as [string, string];

test('each scenario of the run is read once, with its evidence and its result', () => {
  const run = readRun(envelopesOf(functional));
  const finished = envelopesOf(functional).filter((envelope) => envelope.testCaseFinished).length;
  assert.equal(run.scenarios.length, finished);
  assert.ok(run.finished);
  assert.ok(run.scenarios.every((scenario) => scenario.evidence), 'every scenario carries its evidence');
  const failed = run.scenarios.filter((scenario) => scenario.result === 'failed');
  assert.equal(failed.length, 1);
  assert.match(failed[0]!.failure!, /^the replay starts right after the last event seen/, 'the assertion in its own words');
});

test('shards of one run are merged: ids that collide between processes are kept apart', () => {
  const both = readRun(readMessageFiles([functional, load]).envelopes);
  const alone = readRun(envelopesOf(functional)).scenarios.length + readRun(envelopesOf(load)).scenarios.length;
  assert.equal(both.scenarios.length, alone);
  // The same file twice is the worst collision: every id is shared, yet both copies stay whole.
  const twice = readRun(readMessageFiles([functional, functional]).envelopes);
  assert.equal(twice.scenarios.length, 2 * readRun(envelopesOf(functional)).scenarios.length);
  assert.ok(twice.scenarios.every((scenario) => scenario.steps.length > 0));
});

test('a load scenario carries its figures and checks', () => {
  const loads = readRun(envelopesOf(load)).scenarios.filter((scenario) => scenario.loads.length);
  assert.ok(loads.length >= 1);
  assert.ok(loads.every((scenario) => scenario.loadChecks.length && scenario.loads[0]!.series.length));
});

test('a truncated messages file (a crashed run) still gives a page, which says the run did not finish', () => {
  const cut = functional.slice(0, Math.floor(functional.length * 0.6));
  const { html, summary } = pageFrom([cut]);
  assert.equal(summary.finished, false);
  assert.match(html, /This run did not finish/);
});

test('an empty run gives a page saying nothing ran, with every scenario not run', () => {
  const { html, summary } = pageFrom(['']);
  assert.equal(summary.finished, false);
  assert.ok(summary.capabilities.every((capability) => capability.notRun === capability.specified && capability.specified > 0));
  assert.match(html, /did not finish/);
});

test('undefined and ambiguous steps count as failed, pending as skipped', () => {
  const statuses = [TestStepResultStatus.UNDEFINED, TestStepResultStatus.AMBIGUOUS, TestStepResultStatus.PENDING];
  const envelopes = envelopesOf(functional);
  const runsOf = new Map<string, number>();
  const started = envelopes.flatMap((envelope) => (envelope.testCaseStarted ? [envelope.testCaseStarted] : []));
  const testCases = new Map(envelopes.flatMap((envelope) => (envelope.testCase ? [[envelope.testCase.id, envelope.testCase] as const] : [])));
  // The last Gherkin step of the first three scenarios gets each status in turn.
  const targets = started.slice(0, 3).map((attempt) => attempt.id);
  const lastStep = new Map(started.slice(0, 3).map((attempt) => [attempt.id, testCases.get(attempt.testCaseId)!.testSteps.filter((step) => step.pickleStepId).at(-1)!.id]));
  const changed: Envelope[] = envelopes.map((envelope) => {
    const finished = envelope.testStepFinished;
    if (!finished || lastStep.get(finished.testCaseStartedId) !== finished.testStepId) return envelope;
    const status = statuses[targets.indexOf(finished.testCaseStartedId)]!;
    runsOf.set(finished.testCaseStartedId, 1);
    return { testStepFinished: { ...finished, testStepResult: { ...finished.testStepResult, status, message: undefined, exception: undefined } } };
  });
  assert.equal(runsOf.size, 3);
  const run = readRun(envelopesOf(ndjson(changed)));
  const before = readRun(envelopes);
  const count = (results: typeof run, result: string) => results.scenarios.filter((scenario) => scenario.result === result).length;
  assert.equal(count(run, 'failed'), count(before, 'failed') + 2);
  assert.equal(count(run, 'skipped'), count(before, 'skipped') + 1);
  const undefinedOne = run.scenarios.find((scenario) => scenario.steps.some((step) => step.detail === 'undefined'))!;
  assert.match(undefinedOne.failure!, /is undefined/);
});
