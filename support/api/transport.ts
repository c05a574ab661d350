import { Agent } from 'node:http';
import { CookieAccessInfo } from 'cookiejar';
import supertest from 'supertest';
import { checkedAgainstContract, flatten, parse, type ApiRequest, type ApiResponse, type HttpExchange } from './exchange';

type Test = supertest.Test;
type MakesTests = Record<string, (path: string) => Test>;

/**
 * Sends requests to the gateway under test with supertest, at the target's base URL (every target
 * listens on a real port), and records every exchange for the living documentation. The fakes'
 * transport intercepts fetch only, so these node:http requests always reach the gateway.
 */
export class ApiTransport {
  /** Kept-alive connections, one pool per source address (the system's choice under ''). */
  private readonly agents = new Map<string, Agent>();

  constructor(
    /** Where the actor's next request goes (the cluster's load balancer picks an instance per request). */
    private readonly baseUrl: (actor: string) => Promise<string>,
    private readonly record: (exchange: HttpExchange) => void,
    /** The scenario clock, read when each request is sent. */
    private readonly now: () => number = Date.now,
  ) {}

  /** A browser's cookie jar (a supertest agent): it sends every cookie it holds and drops expired ones. */
  browser(actor: string): Browser {
    return new Browser(() => this.baseUrl(actor));
  }

  /**
   * Sends one request, through the browser's jar when one is given, and records the exchange.
   * `from` is the local address its connection starts from, so the gateway sees another client.
   */
  async send(actor: string, request: ApiRequest, browser?: Browser, from = ''): Promise<HttpExchange> {
    const base = await this.baseUrl(actor);
    const makes: MakesTests = browser ? browser.agent(base) : (supertest(base) as unknown as MakesTests);
    // the payload is made text or bytes here: superagent's own serializer would write a Buffer as JSON
    const test = makes[request.method.toLowerCase()]!(request.path).agent(this.agentFrom(from)).redirects(0).buffer(true).parse(asText).serialize((body) => body);
    const payload = request.body === undefined ? undefined : typeof request.body === 'string' || Buffer.isBuffer(request.body) ? request.body : JSON.stringify(request.body);
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (payload !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    // node:http frames a DELETE's body only when told its length: without it the body reads as a next request
    if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
    test.set(headers);
    const jarCookies = (test as unknown as { cookies?: string }).cookies;
    const sent = jarCookies && !('cookie' in headers) ? { ...headers, cookie: jarCookies } : headers;
    const started = performance.now();
    const at = this.now();
    const response = await answerTo(payload === undefined ? test : test.send(payload as string));
    const exchange = checkedAgainstContract({ actor, request: { ...request, headers: sent }, response, durationMs: performance.now() - started, at, realAt: started, asserted: false });
    this.record(exchange);
    return exchange;
  }

  close(): void {
    for (const agent of this.agents.values()) agent.destroy();
  }

  private agentFrom(localAddress: string): Agent {
    let agent = this.agents.get(localAddress);
    if (!agent) this.agents.set(localAddress, (agent = new Agent({ keepAlive: true, maxSockets: 256, ...(localAddress && { localAddress }) })));
    return agent;
  }
}

/**
 * The portal in a person's browser: a supertest agent whose jar keeps the cookies the gateway sets.
 * Cookies belong to the host, whatever the port: a restarted gateway, or another instance of the
 * cluster, gets the same jar.
 */
export class Browser {
  private current?: { base: string; agent: supertest.Agent };

  constructor(private readonly baseUrl: () => Promise<string>) {}

  /** The agent for the gateway's address `base`. */
  agent(base: string): MakesTests {
    if (this.current?.base !== base) {
      const agent = supertest.agent(base);
      if (this.current) agent.jar = this.current.agent.jar;
      this.current = { base, agent };
    }
    return this.current.agent as unknown as MakesTests;
  }

  /** Keeps cookies as if the gateway had set them with these Set-Cookie lines. */
  async keep(setCookie: string): Promise<void> {
    const base = this.current?.base ?? (await this.baseUrl());
    const { hostname } = new URL(base);
    this.agent(base);
    if (setCookie) this.current!.agent.jar.setCookies(setCookie.split('\n'), hostname, '/');
  }

  /** A cookie's value as a script of the portal reads it; none once the gateway cleared or it expired. */
  async cookie(name: string): Promise<string | undefined> {
    const base = this.current?.base ?? (await this.baseUrl());
    const { hostname } = new URL(base);
    this.agent(base);
    return this.current!.agent.jar.getCookies(new CookieAccessInfo(hostname, '/', false)).toValueString().split('; ').find((pair) => pair.startsWith(`${name}=`))?.slice(name.length + 1);
  }
}

/** Keeps the body as text (superagent would buffer only text and JSON); JSON is parsed by `parse`. */
function asText(res: supertest.Response, done: (error: Error | null, body: string) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  let text = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (text += chunk));
  stream.on('end', () => done(null, text));
}

async function answerTo(test: Test): Promise<ApiResponse> {
  const res = await test;
  const text = typeof res.body === 'string' ? res.body : '';
  return { status: res.status, headers: flatten(res.headers as NodeJS.Dict<string | string[]>), text, body: parse(text) };
}
