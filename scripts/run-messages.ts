/**
 * What one cucumber run did, read back from its messages file (`message:` formatter): each
 * scenario's outcome with its failure message, and the load checks its steps attached. Parallel
 * runs write every worker's messages to the one file, so this reads them the same way.
 */
import { readFileSync } from 'node:fs';
import type { LoadCheck } from '../support/load/check';
import { LOAD_CHECK_MEDIA_TYPE } from '../support/load/check';

export interface ScenarioOutcome {
  /** `features/x/y.feature:12 the scenario's name`, the same in every run. */
  scenario: string;
  passed: boolean;
  /** The first failed step's message, first line only. */
  message?: string;
}

export interface RunOutcome {
  scenarios: ScenarioOutcome[];
  checks: Array<LoadCheck & { scenario: string }>;
  /** Cucumber's own verdict, from testRunFinished. */
  success: boolean;
}

const FAILING = new Set(['FAILED', 'AMBIGUOUS', 'UNDEFINED', 'PENDING', 'UNKNOWN']);

// Messages are loose JSON here: only the few fields read below matter.
/* eslint-disable @typescript-eslint/no-explicit-any */
export function readRun(file: string): RunOutcome {
  const envelopes: any[] = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  const lines = new Map<string, number>();
  const pickles = new Map<string, string>();
  const testCases = new Map<string, string>();
  const started = new Map<string, string>();
  const outcomes = new Map<string, ScenarioOutcome>();
  const checks: RunOutcome['checks'] = [];
  let success = false;
  for (const envelope of envelopes) {
    if (envelope.gherkinDocument) collectLines(envelope.gherkinDocument.feature, lines);
    else if (envelope.pickle) {
      const { id, uri, name, astNodeIds } = envelope.pickle;
      pickles.set(id, `${uri}:${lines.get(astNodeIds.at(-1)) ?? '?'} ${name}`);
    } else if (envelope.testCase) testCases.set(envelope.testCase.id, pickles.get(envelope.testCase.pickleId)!);
    else if (envelope.testCaseStarted) {
      const scenario = testCases.get(envelope.testCaseStarted.testCaseId)!;
      started.set(envelope.testCaseStarted.id, scenario);
      outcomes.set(envelope.testCaseStarted.id, { scenario, passed: true });
    } else if (envelope.testStepFinished) {
      const outcome = outcomes.get(envelope.testStepFinished.testCaseStartedId)!;
      const { status, message } = envelope.testStepFinished.testStepResult;
      if (FAILING.has(status) && outcome.passed) Object.assign(outcome, { passed: false, message: firstLine(message ?? status) });
    } else if (envelope.attachment?.mediaType === LOAD_CHECK_MEDIA_TYPE) {
      checks.push({ ...JSON.parse(envelope.attachment.body), scenario: started.get(envelope.attachment.testCaseStartedId) ?? '?' });
    } else if (envelope.testRunFinished) success = envelope.testRunFinished.success;
  }
  return { scenarios: [...outcomes.values()], checks, success };
}

function collectLines(node: any, lines: Map<string, number>): void {
  if (!node) return;
  for (const child of node.children ?? []) {
    if (child.rule) collectLines(child.rule, lines);
    const scenario = child.scenario;
    if (!scenario) continue;
    lines.set(scenario.id, scenario.location.line);
    for (const examples of scenario.examples ?? []) for (const row of examples.tableBody ?? []) lines.set(row.id, row.location.line);
  }
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim())?.trim() ?? text;
}
