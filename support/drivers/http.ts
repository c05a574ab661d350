import { Agent, request as httpRequest } from 'node:http';
import { checkExchange } from '../contract/validate';

export interface ApiRequest {
  method: string;
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

/**
 * A plain node:http client for the gateway under test. It records every exchange for the living
 * documentation. node:http is not intercepted by the fakes' transport, so it always reaches the gateway.
 */
export class HttpDriver {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256 });

  constructor(
    private readonly baseUrl: () => Promise<string>,
    private readonly record: (exchange: HttpExchange) => void,
    /** The scenario clock, read when each request is sent. */
    private readonly now: () => number = Date.now,
  ) {}

  async send(actor: string, request: ApiRequest): Promise<HttpExchange> {
    const url = new URL(request.path, await this.baseUrl());
    const payload = request.body === undefined ? undefined : typeof request.body === 'string' || Buffer.isBuffer(request.body) ? request.body : JSON.stringify(request.body);
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (payload !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    // node:http frames a DELETE's body only when told its length: without it the body reads as a next request
    if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
    const started = performance.now();
    const at = this.now();
    const response = await new Promise<ApiResponse>((resolve, reject) => {
      const outgoing = httpRequest(url, { method: request.method, headers, agent: this.agent }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: incoming.statusCode ?? 0, headers: flatten(incoming.headers), text, body: parse(text) });
        });
      });
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
    const exchange = checkedAgainstContract({ actor, request: { ...request, headers }, response, durationMs: performance.now() - started, at, realAt: started, asserted: false });
    this.record(exchange);
    return exchange;
  }

  close(): void {
    this.agent.destroy();
  }
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
