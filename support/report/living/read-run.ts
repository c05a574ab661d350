import type { Envelope, TestCaseStarted, TestStepResult } from '@cucumber/messages';
import { TestStepResultStatus } from '@cucumber/messages';
import { Query } from '@cucumber/query';
import type { ContractRecord } from '../../contract/hooks';
import type { LoadCheck } from '../../load/check';
import { EVIDENCE_MEDIA_TYPE, type Evidence } from '../evidence';
import { outlineTitle, scenarioId, type SourceDocument } from './catalogue';

export const LOAD_MEDIA_TYPE = 'application/vnd.medianest.load+json';
export const LOAD_CHECK_MEDIA_TYPE = 'application/vnd.medianest.load-check+json';
export const CONTRACT_MEDIA_TYPE = 'application/vnd.medianest.contract+json';

/** How a reader counts a scenario: undefined and ambiguous steps fail it, pending ones skip it. */
export type Result = 'passed' | 'failed' | 'skipped';

export interface StepRun {
  text: string;
  result: Result;
  /** The step's status word when it is not plainly passed/failed/skipped (undefined, ambiguous, pending). */
  detail?: string;
}

export interface LoadSeries {
  title: string;
  target?: string;
  series: Array<{ name: string; figures: any }>;
}

export type { LoadCheck, ContractRecord };

export interface ScenarioRun {
  id: string;
  uri: string;
  title: string;
  result: Result;
  attempts: number;
  durationMs: number;
  steps: StepRun[];
  /** The failed step's message. */
  failure?: string;
  evidence?: Evidence;
  loads: LoadSeries[];
  loadChecks: LoadCheck[];
  /** SVG charts attached by the load scenarios (our own drawings). */
  charts: Array<{ name: string; svg: string }>;
  contract: ContractRecord[];
}

export interface RunResults {
  scenarios: ScenarioRun[];
  /** The gherkin documents the run parsed, to place scenarios whose files were not catalogued. */
  documents: SourceDocument[];
  /** False when the messages end before the run did (a crash, a killed process, a torn file). */
  finished: boolean;
  startedAt?: number;
  durationMs?: number;
}

const RESULT: Record<TestStepResultStatus, Result> = {
  PASSED: 'passed',
  FAILED: 'failed',
  UNDEFINED: 'failed',
  AMBIGUOUS: 'failed',
  UNKNOWN: 'failed',
  PENDING: 'skipped',
  SKIPPED: 'skipped',
};

/** The run's scenarios, each once (its last attempt), with their evidence. */
export function readRun(envelopes: Envelope[]): RunResults {
  const query = new Query();
  const documents: SourceDocument[] = [];
  let finishedRuns = 0;
  let startedRuns = 0;
  for (const envelope of envelopes) {
    query.update(envelope);
    if (envelope.gherkinDocument?.uri) documents.push({ uri: envelope.gherkinDocument.uri, document: envelope.gherkinDocument });
    if (envelope.testRunStarted) startedRuns++;
    if (envelope.testRunFinished) finishedRuns++;
  }
  const attemptsByPickle = new Map<string, TestCaseStarted[]>();
  for (const started of query.findAllTestCaseStarted()) {
    const pickle = query.findPickleBy(started);
    if (!pickle) continue;
    attemptsByPickle.set(pickle.id, [...(attemptsByPickle.get(pickle.id) ?? []), started]);
  }
  const scenarios = [...attemptsByPickle.values()].flatMap((attempts) => {
    const last = attempts.at(-1)!;
    return [describeScenario(query, last, attempts.length)];
  });
  const started = query.findTestRunStarted()?.timestamp;
  const duration = query.findTestRunDuration();
  return {
    scenarios,
    documents,
    finished: startedRuns > 0 && finishedRuns >= startedRuns,
    startedAt: started && started.seconds * 1000 + Math.round(started.nanos / 1e6),
    durationMs: duration && duration.seconds * 1000 + duration.nanos / 1e6,
  };
}

function describeScenario(query: Query, started: TestCaseStarted, attempts: number): ScenarioRun {
  const pickle = query.findPickleBy(started)!;
  const lineage = query.findLineageBy(pickle);
  const name = lineage?.scenario?.name ?? pickle.name;
  const values = lineage?.example?.cells.map((cell) => cell.value);
  const headers = lineage?.examples?.tableHeader?.cells.map((cell) => cell.value) ?? [];
  const steps: StepRun[] = [];
  const run: ScenarioRun = {
    id: scenarioId(pickle.uri, name, values),
    uri: pickle.uri,
    title: values ? outlineTitle(name, headers, values) : pickle.name,
    result: 'failed',
    attempts,
    durationMs: 0,
    steps,
    loads: [],
    loadChecks: [],
    charts: [],
    contract: [],
  };
  let failure: TestStepResult | undefined;
  for (const [finished, testStep] of query.findTestStepFinishedAndTestStepBy(started)) {
    const pickleStep = query.findPickleStepBy(testStep);
    const status = finished.testStepResult.status;
    if (pickleStep) {
      const keyword = query.findStepBy(pickleStep)?.keyword.trim() ?? '';
      steps.push({ text: `${keyword} ${pickleStep.text}`, result: RESULT[status], ...(['UNDEFINED', 'AMBIGUOUS', 'PENDING'].includes(status) ? { detail: status.toLowerCase() } : {}) });
    }
    if (!failure && RESULT[status] === 'failed') failure = finished.testStepResult;
    for (const attachment of query.findAttachmentsBy(finished)) readAttachment(run, attachment.mediaType, attachment.body, attachment.fileName, attachment.contentEncoding);
  }
  const mostSevere = query.findMostSevereTestStepResultBy(started);
  run.result = mostSevere ? RESULT[mostSevere.status] : 'failed';
  if (run.result === 'failed') run.failure = failureText(failure, steps);
  const duration = query.findTestCaseDurationBy(started);
  run.durationMs = duration ? Math.round(duration.seconds * 1000 + duration.nanos / 1e6) : 0;
  return run;
}

function failureText(result: TestStepResult | undefined, steps: StepRun[]): string {
  const message = result?.exception?.message ?? result?.message;
  if (message) return message.split('\n    at ')[0]!.trim();
  const undefinedStep = steps.find((step) => step.detail === 'undefined' || step.detail === 'ambiguous');
  return undefinedStep ? `The step "${undefinedStep.text}" is ${undefinedStep.detail}: no single step definition matches it.` : 'The scenario failed without a message.';
}

function readAttachment(run: ScenarioRun, mediaType: string, body: string, fileName: string | undefined, encoding: string): void {
  const text = encoding === 'BASE64' ? Buffer.from(body, 'base64').toString('utf8') : body;
  try {
    if (mediaType === EVIDENCE_MEDIA_TYPE) run.evidence = JSON.parse(text);
    else if (mediaType === LOAD_MEDIA_TYPE) run.loads.push(JSON.parse(text));
    else if (mediaType === LOAD_CHECK_MEDIA_TYPE) run.loadChecks.push(...[JSON.parse(text)].flat());
    else if (mediaType === CONTRACT_MEDIA_TYPE) run.contract.push(...[JSON.parse(text)].flat());
    else if (mediaType === 'image/svg+xml') run.charts.push({ name: fileName ?? 'chart', svg: text });
  } catch {
    // A torn attachment (a crashed run) is left out; the scenario still shows.
  }
}
