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

/** The browser protections an answer lacks or gets wrong, as "header: value". */
export function missingBrowserProtections({ response: { headers } }: HttpExchange): string[] {
  return Object.entries(BROWSER_PROTECTIONS).filter(([name, expected]) => !expected.test(headers[name] ?? '')).map(([name]) => `${name}: ${headers[name] ?? '(absent)'}`);
}
