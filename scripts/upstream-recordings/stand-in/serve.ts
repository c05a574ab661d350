import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { UpstreamName } from '../exchanges';
import { overseerr } from './overseerr';
import { plexServer } from './plex-server';
import { plexTv } from './plex-tv';
import { uptimeKuma } from './uptime-kuma';

/** A request as a stand-in sees it. */
export interface StandInRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
}

export interface StandInReply {
  status: number;
  contentType?: string;
  body?: string;
}

export type StandIn = (request: StandInRequest) => StandInReply;

/** The credentials the stand-ins accept. */
export const STAND_IN_CREDENTIALS = { plexToken: 'stand-in-plex-token', overseerrApiKey: 'stand-in-overseerr-key', uptimeKumaSlug: 'medianest' };

export const json = (status: number, body: unknown): StandInReply => ({ status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) });

/** What a service answers a client that did not ask for JSON. */
export const xml = (status: number, body: string): StandInReply => ({ status, contentType: 'application/xml', body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}` });

export const wantsJson = (request: StandInRequest) => (request.headers.accept ?? '').includes('application/json');

const STAND_INS: Record<UpstreamName, StandIn> = { 'plex-tv': plexTv(), 'plex-server': plexServer, overseerr, 'uptime-kuma': uptimeKuma };

/** Every stand-in on its own 127.0.0.1 port (chosen free); `close` stops them all. */
export async function startStandIns(): Promise<{ origins: Record<UpstreamName, string>; close(): Promise<void> }> {
  const servers: Server[] = [];
  const origins = {} as Record<UpstreamName, string>;
  for (const [name, standIn] of Object.entries(STAND_INS) as Array<[UpstreamName, StandIn]>) {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const reply = standIn({ method: req.method ?? 'GET', url: new URL(req.url ?? '/', 'http://stand-in'), headers: req.headers });
        res.writeHead(reply.status, reply.contentType ? { 'content-type': reply.contentType } : {}).end(reply.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    origins[name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  const close = () => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))).then(() => undefined);
  return { origins, close };
}
