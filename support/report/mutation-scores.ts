import Ajv, { type ValidateFunction } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { SHARED_STORES } from '../../scripts/mutation/domains';

/**
 * Reading Stryker's report of the scenarios against gateway/src (reports/mutation/mutation.json,
 * npm run mutation): whether it keeps the mutation-testing-report schema, and the score of each
 * domain, a domain being a folder of gateway/src ("core" for the files directly in it), less the
 * files that run only on PostgreSQL and Redis ("shared-stores": scripts/mutation/domains.ts).
 */

type MutantStatus = 'Killed' | 'Survived' | 'NoCoverage' | 'CompileError' | 'RuntimeError' | 'Timeout' | 'Ignored' | 'Pending';

/** The parts of the mutation-testing-report schema read here. */
export interface MutationReport {
  schemaVersion: string;
  thresholds: { high: number; low: number };
  files: Record<string, { mutants: Array<{ id: string; status: MutantStatus; coveredBy?: string[]; killedBy?: string[] }> }>;
  testFiles?: Record<string, { tests: Array<{ id: string }> }>;
}

export interface DomainScore {
  domain: string;
  /** Killed or timed out: a scenario noticed. */
  detected: number;
  /** Survived or reached by no scenario. */
  undetected: number;
  /** Static mutants and the quiet code of stryker.config.json's ignorer: not counted. */
  ignored: number;
  /** Mutants that broke the code rather than its behaviour: not counted. */
  invalid: number;
  /** detected / (detected + undetected), in percent; null when nothing counted. */
  score: number | null;
}

const SCHEMA_FILE = require.resolve('mutation-testing-report-schema/mutation-testing-report-schema.json');

let validator: ValidateFunction | undefined;

/** The schema's complaints about a report, empty when it conforms (its one format, a URL of branding, is not checked). */
export function schemaErrors(report: unknown): string[] {
  const validate = (validator ??= new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'))));
  if (validate(report)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
}

/** gateway/src/auth/tokens.ts is in "auth"; gateway/src/app.ts in "core"; gateway/src/store/postgres.ts in "shared-stores". */
export function domainOf(file: string): string {
  const path = file.replace(/\\/g, '/');
  if (SHARED_STORES.some((shared) => path === shared || path.endsWith(`/${shared}`))) return 'shared-stores';
  const parts = path.split('/');
  const src = parts.lastIndexOf('src');
  return parts.length - src > 2 ? parts[src + 1]! : 'core';
}

/** The score of each domain in the report, by name, then the whole report as "all". */
export function domainScores(report: MutationReport): DomainScore[] {
  const byDomain = new Map<string, DomainScore>();
  const total = emptyScore('all');
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const domain = domainOf(file);
    const score = byDomain.get(domain) ?? byDomain.set(domain, emptyScore(domain)).get(domain)!;
    for (const mutant of mutants) for (const counted of [score, total]) count(counted, mutant.status);
  }
  return [...[...byDomain.values()].sort((a, b) => a.domain.localeCompare(b.domain)), total].map(withScore);
}

export type MutationScoreState = { kind: 'absent'; why: string } | { kind: 'ready'; scores: DomainScore[] };

/** The scores of the report at `file`, or why there are none. */
export function readMutationScores(file: string): MutationScoreState {
  if (!existsSync(file)) return { kind: 'absent', why: `No mutation report (${file}): npm run mutation writes it.` };
  const report: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const errors = schemaErrors(report);
  if (errors.length) return { kind: 'absent', why: `${file} does not keep the mutation-testing-report schema: ${errors.slice(0, 3).join('; ')}` };
  return { kind: 'ready', scores: domainScores(report as MutationReport) };
}

function emptyScore(domain: string): DomainScore {
  return { domain, detected: 0, undetected: 0, ignored: 0, invalid: 0, score: null };
}

function count(score: DomainScore, status: MutantStatus): void {
  if (status === 'Killed' || status === 'Timeout') score.detected++;
  else if (status === 'Survived' || status === 'NoCoverage') score.undetected++;
  else if (status === 'Ignored') score.ignored++;
  else if (status === 'CompileError' || status === 'RuntimeError') score.invalid++;
}

function withScore(score: DomainScore): DomainScore {
  const counted = score.detected + score.undetected;
  return { ...score, score: counted ? Math.floor((10_000 * score.detected) / counted) / 100 : null };
}
