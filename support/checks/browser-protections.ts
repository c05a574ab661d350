import type { HttpExchange } from '../api/exchange';

/** What every answer must tell the browser (gateway/src/http/security-headers.ts chooses them). */
const BROWSER_PROTECTIONS: Record<string, RegExp> = {
  'content-type': /^application\/json\b/,
  'x-content-type-options': /^nosniff$/,
  'x-frame-options': /^DENY$/,
  'content-security-policy': /^(?=.*default-src 'none')(?=.*frame-ancestors 'none')/,
  'strict-transport-security': /^max-age=\d{7,}; includeSubDomains\b/,
  'referrer-policy': /^no-referrer$/,
  'cross-origin-resource-policy': /^same-origin$/,
};

/** The browser protections an answer lacks or gets wrong, as "header: value"; an event stream is not JSON. */
export function missingBrowserProtections({ response: { headers } }: HttpExchange, contentType = BROWSER_PROTECTIONS['content-type']!): string[] {
  return Object.entries({ ...BROWSER_PROTECTIONS, 'content-type': contentType }).filter(([name, expected]) => !expected.test(headers[name] ?? '')).map(([name]) => `${name}: ${headers[name] ?? '(absent)'}`);
}
