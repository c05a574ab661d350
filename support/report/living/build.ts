import type { Envelope } from '@cucumber/messages';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeCoverage } from '../../contract/coverage';
import { apiCoverage, type ComputeCoverage, type CoverageState } from './api-coverage';
import { buildCatalogue, parseFeatures, readReadmes, type SourceDocument } from './catalogue';
import { analyseHistory, appendHistory, historyLine, readHistory, type HistoryView } from './history';
import { buildModel, type CapabilityView } from './model';
import { readMutationScores, type DomainScore, type MutationScoreState } from '../mutation-scores';
import { renderPage, type RunMeta } from './page/page';
import { readRun } from './read-run';

export interface LivingDocumentationOptions {
  /** Where the page and summary.json go. */
  outDir: string;
  profile: string;
  target: string;
  /** The shared history file; each run that ran something appends one line. */
  history: string;
  /** Every feature, run or not: the page shows what exists but did not run. */
  features: string;
  openapi: string;
  /** Stryker's report (npm run mutation); the page says when there is none. */
  mutationReport?: string;
  /** False when rebuilding a page from old messages (`npm run report`): the run is already in the history. */
  recordHistory: boolean;
  dryRun?: boolean;
  computeCoverage?: ComputeCoverage;
}

export interface Summary {
  finished: boolean;
  run: RunMeta;
  capabilities: Array<{ folder: string; title: string; specified: number; passed: number; failed: number; skipped: number; notRun: number }>;
  apiCoverage: (CoverageState & { kind: 'ready' })['figures'] | null;
  /** Per domain of gateway/src, then "all"; null without a mutation report. */
  mutationScores: DomainScore[] | null;
  flaky: string[];
  newFailures: string[];
  recovered: string[];
}

/** Builds `living-documentation.html` and `summary.json` from a run's messages, and records the run. */
export function buildLivingDocumentation(envelopes: Envelope[], torn: boolean, options: LivingDocumentationOptions): { html: string; summary: Summary } {
  const run = readRun(envelopes);
  if (torn) run.finished = false;
  const catalogue = buildCatalogue(mergeDocuments(existsSync(options.features) ? parseFeatures(options.features) : [], run.documents), readReadmes(options.features));
  const capabilities = buildModel(catalogue, run);
  const meta: RunMeta = { time: new Date(run.startedAt ?? Date.now()).toISOString(), commit: commitOf(), profile: options.profile, target: options.target };
  const line = historyLine(run, meta);
  if (options.recordHistory && !options.dryRun) appendHistory(options.history, line);
  const past = readHistory(options.history);
  // A rebuilt page shows its run as the latest, whether or not the file holds it.
  const history = analyseHistory(options.recordHistory && !options.dryRun && line.scenarios.length ? past : [...past.filter((entry) => entry.time !== line.time), line]);
  const contract = run.scenarios.filter((scenario) => scenario.contract.length).map((scenario) => ({ scenario: scenario.id, records: scenario.contract }));
  const coverage = apiCoverage(options.openapi, options.computeCoverage ?? (computeCoverage as ComputeCoverage), contract);
  const mutation = readMutationScores(options.mutationReport ?? 'reports/mutation/mutation.json');
  const html = renderPage({ capabilities, run, meta, history, coverage, mutation });
  return { html, summary: summarise(capabilities, run.finished, meta, coverage, history, mutation) };
}

export function writeLivingDocumentation(outDir: string, result: { html: string; summary: Summary }): void {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'living-documentation.html'), result.html);
  writeFileSync(join(outDir, 'summary.json'), `${JSON.stringify(result.summary, null, 2)}\n`);
}

function summarise(capabilities: CapabilityView[], finished: boolean, meta: RunMeta, coverage: CoverageState, history: HistoryView, mutation: MutationScoreState): Summary {
  return {
    finished,
    run: meta,
    capabilities: capabilities.map(({ key, title, counts }) => ({ folder: key, title, ...counts })),
    apiCoverage: coverage.kind === 'ready' ? coverage.figures : null,
    mutationScores: mutation.kind === 'ready' ? mutation.scores : null,
    flaky: history.flaky.map((item) => item.id),
    newFailures: history.newFailures.map((item) => item.id),
    recovered: history.recovered.map((item) => item.id),
  };
}

/** The parsed features, and any file the run read that is not among them (its documents win otherwise). */
function mergeDocuments(parsed: SourceDocument[], fromRun: SourceDocument[]): SourceDocument[] {
  const known = new Set(parsed.map((document) => document.uri));
  const extra = new Map(fromRun.filter((document) => !known.has(document.uri)).map((document) => [document.uri, document]));
  return [...parsed, ...extra.values()];
}

function commitOf(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}
