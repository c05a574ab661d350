import type { HttpExchange } from '../api/exchange';
import { contractDocument } from '../contract/document';
import { fuzzSettings } from '../fuzz/fuzz-operations';
import { expectStatus } from './answers';

/** Questions about the contract as the gateway serves and keeps it. */
export const Contract = {
  /** Where the served document differs from support/contract/openapi.json (JSON pointers, both values), the first 20. */
  differencesFromSuiteCopy(exchange: HttpExchange): string[] {
    expectStatus(exchange, 200);
    return differencesBetween(contractDocument(), exchange.response.body, '').slice(0, 20);
  },

  /**
   * What the fuzzer's answers broke: a server error of the gateway's own (an upstream's failure passed
   * on as declared, 502-504, is the fakes' doing), a broken contract, an operation with fewer examples than asked.
   */
  fuzzingBroke(exchanges: HttpExchange[], counts: Record<string, number>): string[] {
    const broken = exchanges.filter((exchange) => exchange.response.status === 500 || exchange.response.status > 504 || exchange.violations?.length);
    const runs = fuzzSettings().runs;
    const short = Object.entries(counts).filter(([, count]) => count < runs).map(([operationId, count]) => `${operationId}: ${count} of ${runs} examples`);
    return [...broken.map((exchange) => `${exchange.request.method} ${exchange.request.path}: ${exchange.response.status} ${exchange.violations?.join('; ')}`), ...short];
  },
};

/** JSON pointers where two documents differ, with both values, so a reviewer sees what drifted. */
function differencesBetween(expected: unknown, actual: unknown, at: string): string[] {
  if (isObject(expected) && isObject(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
    return keys.flatMap((key) => differencesBetween(expected[key], actual[key], `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  }
  if (Array.isArray(expected) && Array.isArray(actual) && expected.length === actual.length) {
    return expected.flatMap((item, index) => differencesBetween(item, actual[index], `${at}/${index}`));
  }
  return JSON.stringify(expected) === JSON.stringify(actual) ? [] : [`${at || '/'}: expected ${clip(expected)}, served ${clip(actual)}`];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const clip = (value: unknown) => (JSON.stringify(value) ?? 'nothing').slice(0, 120);
