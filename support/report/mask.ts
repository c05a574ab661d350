/** What a secret is replaced with, everywhere the report shows it. */
export const MASK = '••••••';

/** Headers whose whole value is a credential. */
const SECRET_HEADERS = /^(authorization|proxy-authorization|x-plex-token|x-api-key|x-csrf-token|x-webhook-secret)$/i;
/** Headers that carry `name=value` pairs whose values are credentials. */
const COOKIE_HEADERS = /^(cookie|set-cookie)$/i;
/** JSON fields and query parameters that hold credentials (`token`, `authToken`, `jwtSecret`, `apiKey`, `csrf`…). */
const SECRET_KEYS = /(token|secret|password|api[-_]?key|csrf|authorization|cookie)$/i;
/** Shapes recognisable on their own: a JWT, a bearer credential, a Plex token in a URL. */
const SECRET_SHAPES: Array<[RegExp, (match: string, ...groups: string[]) => string]> = [
  [/eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]+/g, () => MASK],
  [/\b(Bearer|Basic)\s+(?!••)[^\s",;]+/gi, (_match, scheme) => `${scheme} ${MASK}`],
  [/([?&](?:X-Plex-Token|token|api[-_]?key)=)[^&\s"']+/gi, (_match, name) => `${name}${MASK}`],
];
/** Secrets shorter than this are not learned: masking every "1" would garble the page. */
const SHORTEST_SECRET = 8;

/**
 * Masks credentials in what the report attaches. It learns the values it finds in credential
 * headers and fields (and any it is told), then replaces them wherever they appear: a token seen in
 * an Authorization header is masked in a log line or a URL too.
 */
export class Masker {
  private readonly secrets = new Set<string>();
  /** The secrets longest first, sorted once per change rather than for every string masked. */
  private longestFirst: string[] = [];

  constructor(known: Iterable<string> = []) {
    for (const secret of known) this.learn(secret);
  }

  learn(secret: string | undefined | null): void {
    if (typeof secret !== 'string') return;
    const bare = secret.replace(/^(Bearer|Basic)\s+/i, '');
    for (const value of [secret, bare]) {
      if (value.length < SHORTEST_SECRET || value.includes(MASK) || this.secrets.has(value)) continue;
      this.secrets.add(value);
      this.longestFirst = [...this.secrets].sort((a, b) => b.length - a.length);
    }
  }

  /** Learns the credentials a header set carries (call on every header set before masking any text). */
  learnHeaders(headers: Record<string, string> | undefined): void {
    for (const [name, value] of Object.entries(headers ?? {})) {
      if (SECRET_HEADERS.test(name)) this.learn(value);
      else if (COOKIE_HEADERS.test(name)) for (const pair of value.split(/[;\n]/)) this.learn(pair.split('=').slice(1).join('=').trim());
    }
  }

  /** Learns the values of credential fields anywhere in a JSON value. */
  learnFields(value: unknown): void {
    if (Array.isArray(value)) value.forEach((item) => this.learnFields(item));
    else if (value && typeof value === 'object') {
      for (const [key, field] of Object.entries(value)) {
        if (SECRET_KEYS.test(key) && typeof field === 'string') this.learn(field);
        else this.learnFields(field);
      }
    }
  }

  text(text: string): string {
    let masked = text;
    // Longest first, so a token is not half-masked by a shorter secret it contains.
    for (const secret of this.longestFirst) if (masked.includes(secret)) masked = masked.split(secret).join(MASK);
    for (const [shape, replace] of SECRET_SHAPES) masked = masked.replace(shape, replace);
    return masked;
  }

  headers(headers: Record<string, string> | undefined): Record<string, string> {
    const masked: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers ?? {})) {
      if (SECRET_HEADERS.test(name)) masked[name] = /^(Bearer|Basic)\s/i.test(value) ? `${value.split(/\s/)[0]} ${MASK}` : MASK;
      else if (COOKIE_HEADERS.test(name)) masked[name] = value.replace(/(^|[;\n]\s*)([^=;\n]+)=([^;\n]*)/g, (_m, lead, cookie, content) => `${lead}${cookie}=${isCookieAttribute(cookie) ? content : MASK}`);
      else masked[name] = this.text(value);
    }
    return masked;
  }

  /** A JSON value with credential fields masked and every string passed through `text`. */
  json<T>(value: T): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (Array.isArray(value)) return value.map((item) => this.json(item)) as T;
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, field]) => [key, SECRET_KEYS.test(key) && typeof field === 'string' && field !== '' ? MASK : this.json(field)]),
      ) as T;
    }
    return value;
  }
}

function isCookieAttribute(name: string): boolean {
  return /^\s*(path|domain|expires|max-age|samesite|secure|httponly|priority|partitioned)\s*$/i.test(name);
}
