import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { FakeUpstream, UpstreamName } from '../fake-upstream';

interface Endpoint {
  server: Server;
  port: number;
  fake?: FakeUpstream;
}

/**
 * Serves fakes on 127.0.0.1 ports for a gateway in another process. One port per upstream for the
 * worker's life (port 0 unless the remote profile fixes it); each scenario attaches its own fakes.
 * A fake that is down closes its port, so the gateway sees a refused connection.
 */
export class LoopbackTransport {
  private constructor(private readonly endpoints: Map<UpstreamName, Endpoint>) {}

  static async start(names: UpstreamName[], ports: Partial<Record<UpstreamName, number>> = {}): Promise<LoopbackTransport> {
    const endpoints = new Map<UpstreamName, Endpoint>();
    for (const name of names) {
      const endpoint: Endpoint = { server: createServer(), port: ports[name] ?? 0 };
      endpoint.server.on('request', (req, res) => void serve(endpoint, req, res));
      endpoint.port = await listen(endpoint.server, endpoint.port);
      endpoints.set(name, endpoint);
    }
    return new LoopbackTransport(endpoints);
  }

  origin(name: UpstreamName): string {
    return `http://127.0.0.1:${this.endpoint(name).port}`;
  }

  async attach(fakes: FakeUpstream[]): Promise<void> {
    for (const fake of fakes) {
      const endpoint = this.endpoint(fake.name);
      endpoint.fake = fake;
      fake.onAvailabilityChange((up) => void (up ? listen(endpoint.server, endpoint.port) : closePort(endpoint.server)));
      if (!endpoint.server.listening) await listen(endpoint.server, endpoint.port);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.endpoints.values()].map((endpoint) => closePort(endpoint.server)));
  }

  private endpoint(name: UpstreamName): Endpoint {
    const endpoint = this.endpoints.get(name);
    if (!endpoint) throw new Error(`no loopback port serves ${name}`);
    return endpoint;
  }
}

async function serve(endpoint: Endpoint, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!endpoint.fake) return void res.writeHead(503).end();
  const aborted = new AbortController();
  res.on('close', () => aborted.abort(new Error('client went away')));
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const request = new Request(`http://127.0.0.1:${endpoint.port}${req.url}`, {
    method: req.method,
    headers: req.headers as Record<string, string>,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    duplex: 'half',
    signal: aborted.signal,
  } as RequestInit);
  let response: Response;
  try {
    response = await endpoint.fake.handle(request);
  } catch {
    return void req.socket.destroy();
  }
  if (response.type === 'error') return void req.socket.destroy();
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return void res.end();
  res.flushHeaders(); // the status line and headers go out at once, as a server sends them, even when the body is slow to come
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
    res.end();
  } catch {
    req.socket.destroy(); // the fake's body broke off: so does the connection
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closePort(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
