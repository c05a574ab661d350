import { contractDocument, type OpenApiDocument, type OpenApiOperation } from './document';

export interface MatchedOperation {
  operationId: string;
  method: string;
  /** The path as the document writes it (`/media/requests/{id}`). */
  path: string;
  operation: OpenApiOperation;
}

interface Matcher extends MatchedOperation {
  pattern: RegExp;
}

let matchers: Matcher[] | undefined;

/** Every operation of the document, in the document's order. */
export function operationsOf(document: OpenApiDocument): MatchedOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.has(method))
      .map(([method, operation]) => ({ operationId: operation.operationId, method: method.toUpperCase(), path, operation })),
  );
}

/** The operation a request reaches (its path under the document's server URL), if any. */
export function matchOperation(method: string, requestPath: string): MatchedOperation | undefined {
  matchers ??= buildMatchers(contractDocument());
  const path = requestPath.split('?', 1)[0]!;
  const upper = method.toUpperCase();
  return matchers.find((matcher) => matcher.method === upper && matcher.pattern.test(path));
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

function buildMatchers(document: OpenApiDocument): Matcher[] {
  const base = document.servers?.[0]?.url ?? '';
  return operationsOf(document).map((operation) => ({ ...operation, pattern: patternOf(base + operation.path) }));
}

/** `{id}` matches one path segment, empty or not (as Fastify's router does); everything else literally. */
function patternOf(template: string): RegExp {
  const parts = template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^/]*')}$`);
}
