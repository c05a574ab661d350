import type { FastifyInstance } from 'fastify';

/**
 * The methods each route path has, learnt as routes are registered, so a request for a path that
 * exists with a method it does not have can be answered 405 with `Allow` (RFC 9110) instead of 404.
 */
export class AllowedMethods {
  private readonly paths = new Map<string, { pattern: RegExp; methods: Set<string> }>();

  /** Must be installed before the routes are registered. */
  install(app: FastifyInstance): void {
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      let entry = this.paths.get(route.url);
      if (!entry) this.paths.set(route.url, (entry = { pattern: patternOf(route.url), methods: new Set() }));
      // Fastify registers a HEAD route beside every GET route (exposeHeadRoutes), and this hook sees it too
      methods.forEach((method) => entry.methods.add(method));
    });
  }

  /** The methods the path has, sorted; empty when no route has this path. */
  of(url: string): string[] {
    const path = url.split('?', 1)[0]!;
    const found = new Set<string>();
    for (const { pattern, methods } of this.paths.values()) if (pattern.test(path)) methods.forEach((method) => found.add(method));
    return [...found].sort();
  }
}

/** `/media/requests/:id` matches one path segment where the parameter is. */
function patternOf(url: string): RegExp {
  const escaped = url.split('/').map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${escaped.join('/')}$`);
}
