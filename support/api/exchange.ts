import { checkExchange } from '../contract/validate';

export interface ApiRequest {
  method: string;
  /** The whole path, the contract's base path included, with any query string. */
  path: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string or bytes are sent as they are (for malformed bodies). */
  body?: unknown;
  /** Sent outside the contract on purpose (an unknown route, a wrong method, a malformed body). */
  outOfContract?: boolean;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The parsed JSON body, when it is JSON. */
  body: any;
}

/** One request to the gateway and its answer, as the living documentation and the contract coverage read it. */
export interface HttpExchange {
  actor: string;
  request: ApiRequest;
  response: ApiResponse;
  durationMs: number;
  /** When it was sent, on the scenario clock (ms): moved time shows between exchanges. */
  at: number;
  /** performance.now() when it was sent: orders what the scenario clock sees at the same instant. */
  realAt: number;
  /** Set once a step has looked at the status: an unexpected 5xx no step asserted fails the scenario. */
  asserted: boolean;
  /** The operation of support/contract/openapi.json the request reached; none for an unknown route or method. */
  operationId?: string;
  /** Sent outside the contract on purpose (copied from the request). */
  outOfContract?: boolean;
  /** Where the answer breaks the contract (operation, status, schema path); empty when it keeps it. */
  violations?: string[];
}

/** Adds what the contract check found (support/contract/validate.ts); every recorder of exchanges calls it. */
export function checkedAgainstContract(exchange: HttpExchange): HttpExchange {
  exchange.outOfContract = exchange.request.outOfContract === true;
  const { operationId, violations } = checkExchange(exchange);
  exchange.operationId = operationId;
  exchange.violations = violations;
  return exchange;
}

export function flatten(headers: NodeJS.Dict<string | string[]>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join('\n') : value;
  return flat;
}

export function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
