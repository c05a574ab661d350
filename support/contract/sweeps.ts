import type { HttpExchange } from '../api/exchange';
import { answerWhileTimeRuns } from '../tasks/answer-while-time-runs';
import type { MediaNestWorld } from '../world';
import { contractDocument, type OpenApiOperation } from './document';
import { operationsOf, type MatchedOperation } from './operations';
import { sampleOf, type SampleCall, type SweepIds } from './sample-calls';

/** One call a sweep made and the answer it expected. */
export interface SweepAnswer {
  operationId: string;
  expected: { status: number; code?: string };
  exchange: HttpExchange;
}

/** The operations of the contract that satisfy `which`, in the document's order. */
export function operationsWhere(which: (operation: OpenApiOperation, matched: MatchedOperation) => boolean): MatchedOperation[] {
  return operationsOf(contractDocument()).filter((matched) => which(matched.operation, matched));
}

/** The codes the document allows at a status of an operation (empty when the status is not declared). */
export function codesAt(operation: OpenApiOperation, status: number): string[] {
  const schema = operation.responses[String(status)]?.content?.['application/json']?.schema as any;
  return schema?.properties?.error?.properties?.code?.enum ?? [];
}

export const needsSession = (operation: OpenApiOperation) => codesAt(operation, 401).includes('UNAUTHORIZED');
export const adminOnly = (operation: OpenApiOperation) => codesAt(operation, 403).includes('FORBIDDEN');
export const guardedByCsrf = (operation: OpenApiOperation) => codesAt(operation, 403).includes('CSRF_INVALID');
export const writes = (operation: OpenApiOperation) => codesAt(operation, 415).length > 0;
export const looksUp = (operation: OpenApiOperation) => codesAt(operation, 404).includes('NOT_FOUND');
export const limited = (operation: OpenApiOperation) => codesAt(operation, 429).includes('RATE_LIMITED');

/** The sample call of an operation, by its usual caller or the one given. */
export function sampleCall(world: MediaNestWorld, operationId: string, ids: SweepIds, caller?: string): SampleCall {
  const sample = sampleOf(operationId);
  return { caller: world.actor(caller ?? sample.caller), ...sample.call(world, ids) };
}

/** Sends a call, letting the scenario clock run while a read retries. */
export function send(world: MediaNestWorld, call: SampleCall, extra: { outOfContract?: boolean; withoutCsrf?: boolean } = {}): Promise<HttpExchange> {
  const { caller, method, path, body, headers } = call;
  return answerWhileTimeRuns(world, caller.call(method, path, { body, headers, ...extra }));
}

/** The answers that were not the one expected, as lines a reader can act on (every answer is marked as looked at). */
export function unexpected(answers: SweepAnswer[]): string[] {
  for (const { exchange } of answers) exchange.asserted = true;
  return answers
    .filter(({ expected, exchange }) => exchange.response.status !== expected.status || (expected.code !== undefined && exchange.response.body?.error?.code !== expected.code))
    .map(({ operationId, expected, exchange }) => `${operationId}: expected ${expected.status} ${expected.code ?? ''}, got ${exchange.response.status} ${exchange.response.text.slice(0, 160)}`);
}

/** A parameter out of its bounds, from its schema: the first path parameter, else a query field the route does not know. */
export function outOfBounds(call: SampleCall, operation: OpenApiOperation): SampleCall | undefined {
  const pathParameter = operation.parameters?.find((parameter) => parameter.in === 'path');
  if (pathParameter) {
    const schema = pathParameter.schema as { type?: string; maxLength?: number };
    const wrong = schema.type === 'integer' ? 'not-a-number' : schema.maxLength ? 'x'.repeat(schema.maxLength + 1) : '!';
    return { ...call, path: call.path.replace(/\/[^/]+(\/[a-z-]+)?$/, (_, rest: string | undefined) => `/${wrong}${rest ?? ''}`) };
  }
  if (operation.parameters?.some((parameter) => parameter.in === 'query')) return { ...call, path: `${call.path}${call.path.includes('?') ? '&' : '?'}nonsense=1` };
  return undefined;
}
