import { After, Status } from '@cucumber/cucumber';
import type { HttpExchange } from '../api/exchange';
import type { MediaNestWorld } from '../world';

export const CONTRACT_MEDIA_TYPE = 'application/vnd.medianest.contract+json';

/** One exchange as the contract attachment and the api-coverage formatter read it. */
export interface ContractRecord {
  operationId: string | null;
  method: string;
  path: string;
  status: number;
  outOfContract: boolean;
  violations: string[];
}

export function contractRecord(exchange: HttpExchange): ContractRecord {
  return {
    operationId: exchange.operationId ?? null,
    method: exchange.request.method,
    path: exchange.request.path,
    status: exchange.response.status,
    outOfContract: exchange.outOfContract ?? false,
    violations: exchange.violations ?? [],
  };
}

/**
 * Every scenario attaches its exchanges as contract records, and fails when an answer broke the
 * contract (support/contract/validate.ts), naming the operation, the status and the schema path.
 */
After(function (this: MediaNestWorld, { result }) {
  const records = this.exchanges.map(contractRecord);
  this.attach(JSON.stringify(records), { mediaType: CONTRACT_MEDIA_TYPE });
  const broken = records.filter((record) => record.violations.length);
  if (broken.length && result?.status === Status.PASSED) {
    const lines = broken.flatMap((record) => record.violations.map((violation) => `  ${record.method} ${record.path}: ${violation}`));
    throw new Error(`${lines.length} answers broke the contract (support/contract/openapi.json):\n${lines.slice(0, 20).join('\n')}`);
  }
});
