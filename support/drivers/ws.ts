import assert from 'node:assert/strict';
import { WebSocket, type RawData } from 'ws';
import { until } from '../tasks/while-time-passes';

/** A message from the gateway, `{type, data}`, and when it arrived (real time, and on the scenario clock). */
export interface LiveMessage {
  type: string;
  data: any;
  receivedAt: number;
  at: number;
}

export interface ConnectOptions {
  /** Sent as `Authorization: Bearer` at the upgrade. */
  bearer?: string;
  /** Sent as the `Cookie` header at the upgrade, as a browser does. */
  cookies?: Record<string, string>;
  /** The page a browser says the connection comes from. */
  origin?: string;
  /** The connection comes from the portal the gateway itself serves: its Origin is the gateway's own address (unless `origin` says otherwise). */
  sameOrigin?: boolean;
  /** False makes a dead peer: pings from the gateway go unanswered. */
  answersPings?: boolean;
}

/** The HTTP answer to an upgrade the gateway refused: no socket was opened. */
export interface Refusal {
  status: number;
  body: any;
}

const WAIT_MS = 5_000;
/**
 * How long an opening handshake may take before the client gives up: opening 200 sockets at once
 * on a busy two-core machine took more than 5 s for the last of them (closed 1006 before ready).
 */
const HANDSHAKE_LIMIT_MS = 15_000;

/**
 * One WebSocket to the gateway over a real socket (the `ws` package), recording everything it
 * receives. Steps wait on it with bounded real-time polling: messages cross a real socket.
 */
export class LiveConnection {
  readonly messages: LiveMessage[] = [];
  pingsReceived = 0;
  closed?: { code: number; reason: string };
  refused?: Refusal;
  readonly openedAt = performance.now();
  /** When it was opened and closed on the scenario clock, for the report's timeline. */
  readonly openedOnClock: number;
  closedOnClock?: number;
  closedAt?: number;

  constructor(
    readonly owner: string,
    private readonly ws: WebSocket,
    /** False for a dead peer, which leaves the gateway's pings unanswered. */
    readonly answersPings = true,
    now: () => number = Date.now,
  ) {
    this.openedOnClock = now();
    ws.on('message', (raw: RawData) => this.messages.push({ ...parse(raw), receivedAt: performance.now(), at: now() }));
    ws.on('ping', () => this.pingsReceived++);
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString('utf8') };
      this.closedOnClock = now();
      this.closedAt = performance.now();
    });
    ws.on('error', () => undefined); // a refused or dropped connection shows in `refused` or `closed`
  }

  /** Opens a connection; resolves once it is open, refused at the upgrade, or failed. */
  static open(url: string, owner: string, options: ConnectOptions = {}, now: () => number = Date.now): Promise<LiveConnection> {
    const headers: Record<string, string> = {};
    if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
    if (options.cookies) headers.cookie = Object.entries(options.cookies).map(([name, value]) => `${name}=${value}`).join('; ');
    const ws = new WebSocket(url, { headers, origin: options.origin, autoPong: options.answersPings ?? true, handshakeTimeout: HANDSHAKE_LIMIT_MS });
    const connection = new LiveConnection(owner, ws, options.answersPings ?? true, now);
    return new Promise((resolve) => {
      ws.once('open', () => resolve(connection));
      ws.once('close', () => resolve(connection));
      ws.once('unexpected-response', (request, response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          connection.refused = { status: response.statusCode ?? 0, body: safeJson(Buffer.concat(chunks).toString('utf8')) };
          request.destroy();
          resolve(connection);
        });
      });
    });
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** An object is sent as JSON, a string as it is, a Buffer as a binary message. */
  send(message: object | string | Buffer): void {
    this.ws.send(typeof message === 'string' || Buffer.isBuffer(message) ? message : JSON.stringify(message));
  }

  received(type: string, matching: (data: any) => boolean = () => true): LiveMessage[] {
    return this.messages.filter((message) => message.type === type && matching(message.data));
  }

  async waitFor(type: string, matching: (data: any) => boolean = () => true, limitMs = WAIT_MS): Promise<LiveMessage> {
    await until(() => this.received(type, matching).length > 0 || this.closed !== undefined, `${this.owner}'s connection to receive ${type}`, limitMs);
    const found = this.received(type, matching)[0];
    assert.ok(found, `${this.owner}'s connection closed (${this.closed?.code} ${this.closed?.reason}) before it received ${type}; it received ${this.describe()}`);
    return found;
  }

  async waitForClose(limitMs = WAIT_MS): Promise<{ code: number; reason: string }> {
    await until(() => this.closed !== undefined, `${this.owner}'s connection to close`, limitMs);
    return this.closed!;
  }

  /**
   * A ping message and its pong: the gateway handles a socket's frames in order, so after this it
   * has seen everything sent before, including the automatic answers to its own pings.
   */
  async roundTrip(): Promise<void> {
    const pongs = this.received('pong').length;
    this.send({ type: 'ping' });
    await until(() => this.received('pong').length > pongs || this.closed !== undefined, `${this.owner}'s connection to answer a ping`);
    assert.ok(!this.closed, `${this.owner}'s connection closed with ${this.closed?.code} during a ping`);
  }

  /** Closes the connection as an app that is done does (1000, normal closure). */
  close(): void {
    this.ws.close(1000);
  }

  terminate(): void {
    this.ws.terminate();
  }

  describe(): string {
    return this.messages.map((message) => message.type).join(', ') || 'nothing';
  }
}

/** Everyone's connections in one scenario, by owner; closed when the scenario ends. */
export class LiveConnections {
  readonly all: LiveConnection[] = [];

  constructor(
    /** Where the owner's connection goes (the cluster's load balancer picks an instance; the socket stays there). */
    private readonly gatewayUrl: (owner: string) => Promise<string>,
    /** The scenario clock, read as messages arrive. */
    private readonly now: () => number = Date.now,
  ) {}

  async open(owner: string, { sameOrigin, ...options }: ConnectOptions = {}): Promise<LiveConnection> {
    const url = new URL('/api/v1/ws', await this.gatewayUrl(owner));
    const origin = options.origin ?? (sameOrigin ? url.origin : undefined);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const connection = await LiveConnection.open(url.toString(), owner, { ...options, origin }, this.now);
    this.all.push(connection);
    return connection;
  }

  of(owner: string): LiveConnection[] {
    return this.all.filter((connection) => connection.owner === owner);
  }

  /** The owner's most recent connection. */
  latest(owner: string): LiveConnection {
    const connection = this.of(owner).at(-1);
    assert.ok(connection, `${owner} has opened no live connection`);
    return connection;
  }

  closeAll(): void {
    this.all.forEach((connection) => connection.terminate());
  }

  /** What each connection received, for the report. */
  transcript(startedAt: number): string {
    return this.all
      .map((connection, index) => {
        const head = `#${index + 1} ${connection.owner}: ${connection.refused ? `refused with HTTP ${connection.refused.status}` : 'opened'}`;
        const lines = connection.messages.map((message) => `  +${Math.round(message.receivedAt - startedAt)} ms ${message.type} ${JSON.stringify(message.data)}`);
        const end = connection.closed ? [`  closed ${connection.closed.code} ${connection.closed.reason}`] : [];
        return [head, ...lines, ...end].join('\n');
      })
      .join('\n');
  }
}

function parse(raw: RawData | Buffer): { type: string; data: any } {
  const text = Array.isArray(raw) ? Buffer.concat(raw).toString('utf8') : Buffer.from(raw as Buffer).toString('utf8');
  const message = safeJson(text);
  return typeof message?.type === 'string' ? { type: message.type, data: message.data } : { type: '(not a message)', data: text };
}

function safeJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
