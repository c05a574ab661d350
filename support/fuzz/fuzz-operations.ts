import fc from 'fast-check';
import { contractDocument } from '../contract/document';
import { matchOperation, operationsOf, type MatchedOperation } from '../contract/operations';
import type { HttpExchange } from '../api/exchange';
import { WEBHOOK_SECRET } from '../target/environment';
import { answerWhileTimeRuns } from '../tasks/answer-while-time-runs';
import type { MediaNestWorld } from '../world';
import { requestsFor, type FuzzedRequest } from './requests';

export interface FuzzSettings {
  seed: number;
  runs: number;
}

/** FUZZ_SEED and FUZZ_RUNS, else a fixed seed and 100 examples per operation. */
export function fuzzSettings(env: NodeJS.ProcessEnv = process.env): FuzzSettings {
  return { seed: Number(env.FUZZ_SEED ?? 20_261_202), runs: Number(env.FUZZ_RUNS ?? 100) };
}

/**
 * The order operations are fuzzed in: the event stream first, while no download exists (a stream
 * of a running download stays open), signing out last (it ends the callers' sessions).
 */
function fuzzOrder(operations: MatchedOperation[]): MatchedOperation[] {
  const rank = (operation: MatchedOperation) => (operation.operationId === 'followDownloadEvents' ? 0 : operation.operationId === 'logout' ? 2 : 1);
  return [...operations].sort((a, b) => rank(a) - rank(b));
}

/**
 * What is wrong with one fuzzed answer, if anything: the gateway's own failure (500), or any answer
 * the contract does not declare. An upstream's failure passed on as the contract says (502, 503,
 * 504 with its code and service) is the fakes' doing, counted apart, not the gateway's.
 */
function problemsWith(exchange: HttpExchange): string[] {
  const { status } = exchange.response;
  const problems = status >= 500 && !UPSTREAM_STATUSES.has(status) ? [`a server error: ${status} ${exchange.response.text.slice(0, 300)}`] : [];
  return [...problems, ...(exchange.violations ?? [])];
}

const UPSTREAM_STATUSES = new Set([502, 503, 504]);

/**
 * Fuzzes every operation of the contract in turn with `runs` generated requests each; returns the
 * number of examples per operation. fast-check shrinks a failing request and its error names the
 * seed, the path to replay it and the shrunk request.
 */
export async function fuzzEveryOperation(world: MediaNestWorld, settings: FuzzSettings): Promise<Record<string, number>> {
  const document = contractDocument();
  const counts: Record<string, number> = {};
  for (const operation of fuzzOrder(operationsOf(document))) {
    counts[operation.operationId] = 0;
    const property = fc.asyncProperty(requestsFor(document, operation, 'Overseerr'), async (request: FuzzedRequest) => {
      counts[operation.operationId]! += 1;
      const exchange = await send(world, request);
      exchange.asserted = true; // a 5xx is this property's to report, with the request that caused it
      const problems = problemsWith(exchange);
      if (problems.length) throw new Error(`${operation.operationId}: ${problems.join('; ')}`);
    });
    await fc.assert(property, { seed: settings.seed, numRuns: settings.runs, includeErrorInReport: true });
  }
  return counts;
}

function send(world: MediaNestWorld, request: FuzzedRequest): Promise<HttpExchange> {
  const caller = world.actor(request.caller);
  const headers = request.caller === 'Overseerr' ? { ...request.headers, authorization: WEBHOOK_SECRET } : request.headers;
  // a path the generator filled with something no route matches is outside the contract on purpose
  const outOfContract = !matchOperation(request.method, request.path);
  return answerWhileTimeRuns(world, caller.call(request.method, request.path, { body: request.body, headers, outOfContract }));
}
