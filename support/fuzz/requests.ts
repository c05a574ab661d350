import fc from 'fast-check';
import type { OpenApiDocument, OpenApiOperation } from '../contract/document';
import type { MatchedOperation } from '../contract/operations';
import { hostileJson, hostileText, mostlyValid, validValue } from './arbitraries';

/** One request generated from an operation of the document, and who sends it. */
export interface FuzzedRequest {
  caller: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** Who may send a fuzzed request: an admin, a user, a visitor, and for the webhook, Overseerr with its secret. */
export const CALLERS = ['Ada', 'Bob', 'a visitor'] as const;

/**
 * Requests for one operation, generated from its own parameters and body schema: mostly valid,
 * sometimes hostile in one part or another, sent by any of the callers.
 */
export function requestsFor(document: OpenApiDocument, operation: MatchedOperation, webhookCaller?: string): fc.Arbitrary<FuzzedRequest> {
  const base = document.servers?.[0]?.url ?? '';
  const parameters = operation.operation.parameters ?? [];
  const inPart = (part: string) => parameters.filter((parameter) => parameter.in === part);
  const pathValues = fc.record(Object.fromEntries(inPart('path').map((p) => [p.name, mostlyValid(validValue(p.schema).map(String), hostileText)])));
  const queryValues = fc.record(
    Object.fromEntries(inPart('query').map((p) => [p.name, mostlyValid(validValue(p.schema).map(String), hostileText)])),
    { requiredKeys: inPart('query').filter((p) => p.required).map((p) => p.name) },
  );
  const headerValues = fc.record(
    Object.fromEntries(inPart('header').map((p) => [p.name, mostlyValid(validValue(p.schema).map(String), hostileText.map((text) => text.replace(/[^\x20-\x7e]/g, '')))])),
    { requiredKeys: [] },
  );
  const body = bodySchemaOf(operation.operation);
  const callers = webhookCaller ? [...CALLERS, webhookCaller] : [...CALLERS];
  return fc.record({
    caller: fc.constantFrom(...callers),
    path: pathValues,
    query: queryValues,
    headers: headerValues,
    body: body ? fc.option(mostlyValid(validValue(body), hostileJson), { freq: 8, nil: undefined }) : fc.constant(undefined),
  }).map(({ caller, path, query, headers, body: value }) => ({
    caller,
    method: operation.method,
    path: `${base}${operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String((path as Record<string, unknown>)[name])))}${queryString(query as Record<string, unknown>)}`,
    headers: Object.fromEntries(Object.entries(headers as Record<string, unknown>).map(([name, text]) => [name, String(text)])),
    body: value,
  }));
}

function bodySchemaOf(operation: OpenApiOperation): Record<string, unknown> | undefined {
  return operation.requestBody?.content['application/json']?.schema;
}

function queryString(query: Record<string, unknown>): string {
  const entries = Object.entries(query).filter(([, value]) => value !== undefined);
  return entries.length ? `?${new URLSearchParams(entries.map(([name, value]): [string, string] => [name, String(value)])).toString()}` : '';
}
