import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The security headers of a JSON API that serves no pages, chosen from helmet's and computed once.
 * Kept: no sniffing, no framing (X-Frame-Options and CSP frame-ancestors), nothing loaded or run
 * from an answer (CSP default-src 'none'), HTTPS only, no referrer, no reading across origins.
 * Left out: headers that only change how a browser treats an HTML document (Origin-Agent-Cluster,
 * COOP, DNS prefetching, IE's download and XSS switches, Flash's cross-domain policies); each
 * header costs every answer, and the liveness route has to keep pace with a bare route.
 * Running helmet's middleware on every response (as @fastify/helmet does) re-parsed its policy each
 * time and cost the liveness route more than half of its throughput; the headers never change.
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  const middleware = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    xFrameOptions: { action: 'deny' },
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
  middleware({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return headers;
}
