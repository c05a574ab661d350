import Ajv, { type ValidateFunction } from 'ajv';
import type { HttpExchange } from '../api/exchange';
import { contractDocument } from './document';
import { matchOperation, type MatchedOperation } from './operations';

/** What the contract check found for one exchange. */
export interface ContractVerdict {
  operationId?: string;
  violations: string[];
}

/** The answers a request sent outside the contract on purpose may get (CONTRACT.md, "Conventions"). */
const OUT_OF_CONTRACT_STATUSES = new Set([400, 404, 405, 413, 415]);

// One compiler per worker; each response schema is compiled the first time an answer needs it.
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const validators = new Map<string, ValidateFunction>();

/**
 * Checks one exchange against support/contract/openapi.json: the operation exists, the status is
 * declared for it (500 may come from `default`), the content type is declared, the body matches
 * the schema. A request marked out of contract must get one of the documented refusals.
 */
export function checkExchange(exchange: HttpExchange): ContractVerdict {
  const { request, response } = exchange;
  const matched = matchOperation(request.method, request.path);
  const violations: string[] = [];
  if (request.outOfContract && !OUT_OF_CONTRACT_STATUSES.has(response.status)) {
    violations.push(`${request.method} ${request.path} was sent outside the contract and answered ${response.status}, not 400, 404, 405, 413 or 415`);
  }
  if (!matched) {
    if (!request.outOfContract) violations.push(`${request.method} ${request.path} matches no operation of the contract`);
    else violations.push(...checkEnvelopeOfMiss(exchange));
    return { violations };
  }
  violations.push(...checkAnswer(matched, exchange));
  return { operationId: matched.operationId, violations };
}

function checkAnswer(matched: MatchedOperation, exchange: HttpExchange): string[] {
  const { status, headers, text, body } = exchange.response;
  const where = `${matched.operationId} ${status}`;
  const key = matched.operation.responses[String(status)] ? String(status) : status === 500 ? 'default' : undefined;
  const declared = key && matched.operation.responses[key];
  if (!declared) return [`${where}: the status is not declared (declared: ${Object.keys(matched.operation.responses).join(', ')})`];
  if (!declared.content) return text.length ? [`${where}: an answer declared without a body carried ${text.length} bytes`] : [];
  const mediaType = (headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
  const content = declared.content[mediaType];
  if (!content) return [`${where}: content type "${mediaType}" is not declared (declared: ${Object.keys(declared.content).join(', ')})`];
  if (!content.schema || mediaType !== 'application/json') return [];
  const validate = validatorFor(`${matched.operationId} ${key}`, content.schema);
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => `${where}: body${error.instancePath} ${error.message} (schema ${error.schemaPath})`);
}

/** An unknown address or a method it does not have: 404 NOT_FOUND, or 405 METHOD_NOT_ALLOWED with Allow, in the envelope. */
function checkEnvelopeOfMiss(exchange: HttpExchange): string[] {
  const { status, headers, body } = exchange.response;
  const where = `${exchange.request.method} ${exchange.request.path}`;
  if (status === 405) {
    const problems = headers.allow ? [] : [`${where}: 405 without an Allow header`];
    return body?.error?.code === 'METHOD_NOT_ALLOWED' ? problems : [...problems, `${where}: 405 without the METHOD_NOT_ALLOWED envelope`];
  }
  if (status === 404) return body?.error?.code === 'NOT_FOUND' ? [] : [`${where}: 404 without the NOT_FOUND envelope`];
  return [];
}

function validatorFor(key: string, schema: Record<string, unknown>): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile({ ...schema, components: contractDocument().components });
    validators.set(key, validate);
  }
  return validate;
}
