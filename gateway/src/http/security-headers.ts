import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The security headers helmet chooses for a JSON API that serves no pages, computed once. Running
 * helmet's middleware on every response (as @fastify/helmet does) re-parses its policy each time and
 * cost the liveness route more than half of its throughput; the headers never change per request.
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  const middleware = helmet({ contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } });
  middleware({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return headers;
}
