import { existsSync, readFileSync } from 'node:fs';
import type { ContractRecord } from './read-run';

/** `computeCoverage` of support/contract/coverage.ts, as the page reads it. */
export interface Coverage {
  operations: Array<{ operationId: string; method: string; path: string; statuses: Array<{ status: string | number; exchanges: number; scenarios: string[] }> }>;
  outOfContract: unknown[];
  unmatched: unknown[];
  violations: unknown[];
}
export type ComputeCoverage = (document: unknown, scenarios: Array<{ scenario: string; records: ContractRecord[] }>) => Coverage;

export interface CoverageFigures {
  operations: number;
  operationsReached: number;
  statuses: number;
  statusesReached: number;
}

export type CoverageState = { kind: 'absent'; why: string } | { kind: 'ready'; coverage: Coverage; figures: CoverageFigures };

/**
 * The API coverage from the contract's OpenAPI document (the file, never the gateway) and the
 * contract records the scenarios attached. Says why when there is none.
 */
export function apiCoverage(
  openapiFile: string,
  compute: ComputeCoverage,
  scenarios: Array<{ scenario: string; records: ContractRecord[] }>,
): CoverageState {
  if (!existsSync(openapiFile)) return { kind: 'absent', why: 'The contract’s OpenAPI document (support/contract/openapi.json) is not in this checkout, so API coverage cannot be shown.' };
  const coverage = compute(JSON.parse(readFileSync(openapiFile, 'utf8')), scenarios);
  // the generic 500 every operation declares is a status no scenario should reach
  const statuses = coverage.operations.flatMap((operation) => operation.statuses).filter((status) => status.status !== 'default');
  return {
    kind: 'ready',
    coverage,
    figures: {
      operations: coverage.operations.length,
      operationsReached: coverage.operations.filter((operation) => operation.statuses.some((status) => status.exchanges > 0)).length,
      statuses: statuses.length,
      statusesReached: statuses.filter((status) => status.exchanges > 0).length,
    },
  };
}
