import type { ApiRequest, HttpDriver, HttpExchange } from './drivers/http';

export interface CallOptions extends Omit<ApiRequest, 'method' | 'path'> {
  /** Sends the session cookies but not the CSRF header, as a forged cross-site request would. */
  withoutCsrf?: boolean;
}

export interface Session {
  token: string;
  cookies: Record<string, string>;
  user: { id: number; username: string; role: string };
}

/**
 * A person using MediaNest: a Plex account name and, once signed in, a session that rides along
 * on every call, as a bearer token or as the browser's cookies.
 */
export class Actor {
  session?: Session;
  sendsCookies = false;
  /** The PIN this person is signing in with, between asking for it and returning to MediaNest. */
  pinId?: number;

  constructor(
    readonly name: string,
    private readonly http: HttpDriver,
  ) {}

  call(method: string, path: string, request: CallOptions = {}): Promise<HttpExchange> {
    const credentials = this.credentials(method);
    if (request.withoutCsrf) delete credentials['x-csrf-token'];
    return this.http.send(this.name, { ...request, method, path, headers: { ...credentials, ...request.headers } });
  }

  signedIn(): Session {
    if (!this.session) throw new Error(`${this.name} is not signed in`);
    return this.session;
  }

  private credentials(method: string): Record<string, string> {
    if (!this.session) return {};
    if (!this.sendsCookies) return { authorization: `Bearer ${this.session.token}` };
    const cookie = Object.entries(this.session.cookies).map(([name, value]) => `${name}=${value}`).join('; ');
    const writes = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method);
    const csrf = this.session.cookies.medianest_csrf;
    return { cookie, ...(writes && csrf ? { 'x-csrf-token': csrf } : {}) };
  }
}

/** The cookies a response sets, by name. */
export function cookiesSetBy(exchange: HttpExchange): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const line of (exchange.response.headers['set-cookie'] ?? '').split('\n')) {
    const [pair] = line.split(';');
    const at = pair?.indexOf('=') ?? -1;
    if (pair && at > 0) cookies[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return cookies;
}
