import type { Evidence } from '../../evidence';

/**
 * The evidence of every scenario, keyed by its deep link, with each distinct header line stored
 * once: the security headers every answer carries would otherwise be most of the page.
 */
export function compactEvidence(entries: Array<[string, Evidence]>): { headers: string[]; evidence: Record<string, unknown> } {
  const headers: string[] = [];
  const index = new Map<string, number>();
  const refer = (set: Record<string, string> | undefined) =>
    Object.entries(set ?? {}).map(([name, value]) => {
      const line = `${name}: ${value}`;
      let at = index.get(line);
      if (at === undefined) index.set(line, (at = headers.push(line) - 1));
      return at;
    });
  const evidence: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    evidence[key] = {
      ...item,
      exchanges: item.exchanges.map((exchange) => ({
        ...exchange,
        request: { ...exchange.request, headers: refer(exchange.request.headers) },
        response: { ...exchange.response, headers: refer(exchange.response.headers) },
      })),
      upstream: item.upstream.map((call) => ({ ...call, headers: refer(call.headers) })),
    };
  }
  return { headers, evidence };
}

/** JSON inside a <script> element: `</script>` and `<!--` in a body must not end it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
