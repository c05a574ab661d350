import type { HttpExchange } from './api/exchange';
import { MediaNestApi, type CallOptions } from './api/medianest-api';
import type { ApiTransport, Browser } from './api/transport';

export type { CallOptions } from './api/medianest-api';

export interface Session {
  token: string;
  user: { id: number; username: string; role: string };
  /** When the session ends, as the sign-in answer said. */
  expiresAt: string;
  /** The cookies the sign-in set, by name, and their Set-Cookie lines as the gateway sent them. */
  cookies: Record<string, string>;
  setCookie: string;
}

const WRITES = ['POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * A person using MediaNest: a Plex account name and, once signed in, a session that rides along
 * on every call: as a bearer token from an app, or as the cookies of the portal in a browser.
 */
export class Actor {
  session?: Session;
  /** The PIN this person is signing in with, between asking for it and returning to MediaNest. */
  pinId?: number;
  /** The MediaNest API as this person calls it, one method per operation of the contract. */
  readonly api: MediaNestApi;
  private browser?: Browser;

  constructor(
    readonly name: string,
    private readonly transport: ApiTransport,
    /** The local address this person's connections start from; the system's choice when none. */
    private readonly sourceAddress?: string,
  ) {
    this.api = new MediaNestApi((method, path, options) => this.call(method, path, options));
  }

  /**
   * Sends one request as this person, to a path the contract's base path included (the sweeps and
   * the fuzzer build these from the contract; everyone else calls `api`). A request with its own
   * Cookie header bypasses the browser's jar: a lone or expired cookie is set by the scenario.
   */
  async call(method: string, path: string, { withoutCsrf, ...request }: CallOptions = {}): Promise<HttpExchange> {
    const ownCookie = Object.keys(request.headers ?? {}).some((name) => name.toLowerCase() === 'cookie');
    const browser = ownCookie ? undefined : this.browser;
    const credentials = await this.credentials(method, withoutCsrf);
    return this.transport.send(this.name, { ...request, method, path, headers: { ...credentials, ...request.headers } }, browser, this.sourceAddress);
  }

  /** From now on this person uses the web portal: the cookies the sign-in set, and the CSRF token on every change. */
  async usesThePortal(): Promise<void> {
    this.browser ??= this.transport.browser(this.name);
    await this.browser.keep(this.signedIn().setCookie);
  }

  /** Back to an app's bearer token (a sweep's browser session ends). */
  leavesThePortal(): void {
    this.browser = undefined;
  }

  get onThePortal(): boolean {
    return this.browser !== undefined;
  }

  signedIn(): Session {
    if (!this.session) throw new Error(`${this.name} is not signed in`);
    return this.session;
  }

  private async credentials(method: string, withoutCsrf = false): Promise<Record<string, string>> {
    if (this.browser) {
      const csrf = WRITES.includes(method) && !withoutCsrf ? await this.browser.cookie('medianest_csrf') : undefined;
      return csrf ? { 'x-csrf-token': csrf } : {};
    }
    return this.session ? { authorization: `Bearer ${this.session.token}` } : {};
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
