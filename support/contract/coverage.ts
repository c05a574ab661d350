import type { OpenApiDocument } from './document';
import type { ContractRecord } from './hooks';
import { operationsOf } from './operations';

export interface StatusCoverage {
  /** A declared status, or `default` (the generic 500). */
  status: number | 'default';
  exchanges: number;
  scenarios: string[];
}

export interface OperationCoverage {
  operationId: string;
  method: string;
  /** As the document writes it: `/media/requests/{id}`. */
  path: string;
  statuses: StatusCoverage[];
}

export interface ExchangeSeen {
  scenario: string;
  operationId: string | null;
  method: string;
  path: string;
  status: number;
}

export interface ApiCoverage {
  operations: OperationCoverage[];
  outOfContract: ExchangeSeen[];
  unmatched: ExchangeSeen[];
  violations: Array<ExchangeSeen & { violations: string[] }>;
}

/**
 * How much of the document the scenarios reached: every declared (operation, status) with the
 * exchanges and scenarios that reached it. Exchanges marked out of contract are listed apart (and
 * still counted where they reached an operation); exchanges that reached no operation without
 * being marked, and answers that broke the contract, are listed: both should be empty. Pure.
 */
export function computeCoverage(document: OpenApiDocument, scenarios: Array<{ scenario: string; records: ContractRecord[] }>): ApiCoverage {
  const operations = operationsOf(document).map(({ operationId, method, path, operation }) => ({
    operationId,
    method,
    path,
    statuses: Object.keys(operation.responses).map((status): StatusCoverage => ({ status: status === 'default' ? 'default' : Number(status), exchanges: 0, scenarios: [] })),
  }));
  const byId = new Map(operations.map((operation) => [operation.operationId, operation]));
  const coverage: ApiCoverage = { operations, outOfContract: [], unmatched: [], violations: [] };
  for (const { scenario, records } of scenarios) {
    for (const record of records) {
      const seen: ExchangeSeen = { scenario, operationId: record.operationId, method: record.method, path: record.path, status: record.status };
      if (record.outOfContract) coverage.outOfContract.push(seen);
      if (record.violations.length) coverage.violations.push({ ...seen, violations: record.violations });
      const operation = record.operationId === null ? undefined : byId.get(record.operationId);
      if (!operation) {
        if (!record.outOfContract) coverage.unmatched.push(seen);
        continue;
      }
      const reached = operation.statuses.find((entry) => entry.status === record.status) ?? (record.status === 500 ? operation.statuses.find((entry) => entry.status === 'default') : undefined);
      if (!reached) continue; // an undeclared status is a violation, listed above
      reached.exchanges += 1;
      if (!reached.scenarios.includes(scenario)) reached.scenarios.push(scenario);
    }
  }
  return coverage;
}

