import { randomBytes } from 'node:crypto';
import { json, STAND_IN_CREDENTIALS, wantsJson, xml, type StandIn, type StandInRequest } from './serve';

/** plex.tv's v2 API as UPSTREAMS.md section 1 describes it: PINs and the signed-in account. */
export function plexTv(): StandIn {
  const pins = new Map<number, { id: number; code: string; clientIdentifier: string; createdAt: number; expiresIn: number }>();
  let nextId = 2_100_000_001;
  return (request) => {
    const path = request.url.pathname;
    const clientIdentifier = plexValue(request, 'x-plex-client-identifier');
    if (request.method === 'POST' && path === '/api/v2/pins') {
      if (!clientIdentifier) return json(400, { errors: [{ code: 1000, message: 'X-Plex-Client-Identifier is missing', status: 400 }] });
      const strong = request.url.searchParams.get('strong') === 'true';
      const pin = { id: nextId++, code: strong ? randomBytes(20).toString('hex').slice(0, 25) : 'K7QX', clientIdentifier, createdAt: Date.now(), expiresIn: strong ? 1800 : 900 };
      pins.set(pin.id, pin);
      return wantsJson(request) ? json(201, pinJson(pin)) : xml(201, `<pin><id type="integer">${pin.id}</id><code>${pin.code}</code><auth_token/></pin>`);
    }
    const pinId = /^\/api\/v2\/pins\/(\d+)$/.exec(path)?.[1];
    if (request.method === 'GET' && pinId) {
      const pin = pins.get(Number(pinId));
      if (!pin || pin.clientIdentifier !== clientIdentifier || Date.now() > pin.createdAt + pin.expiresIn * 1000) {
        return json(404, { errors: [{ code: 1020, message: 'Code not found or expired', status: 404 }] });
      }
      return json(200, pinJson(pin));
    }
    if (request.method === 'GET' && path === '/api/v2/user') {
      if (plexValue(request, 'x-plex-token') !== STAND_IN_CREDENTIALS.plexToken) {
        return json(401, { errors: [{ code: 1001, message: 'User could not be authenticated', status: 401 }] });
      }
      return json(200, {
        id: 7_340_021,
        uuid: 'a1b2c3d4e5f60718',
        username: 'standin',
        title: 'standin',
        email: 'standin@example.org',
        thumb: 'https://plex.tv/users/a1b2c3d4e5f60718/avatar',
        authToken: STAND_IN_CREDENTIALS.plexToken,
      });
    }
    return json(404, { errors: [{ code: 1002, message: 'Not found', status: 404 }] });
  };
}

/** X-Plex-* values come as headers or in the query string. */
function plexValue(request: StandInRequest, name: string): string | undefined {
  const header = request.headers[name];
  if (typeof header === 'string') return header;
  const fromQuery = [...request.url.searchParams].find(([key]) => key.toLowerCase() === name);
  return fromQuery?.[1];
}

function pinJson(pin: { id: number; code: string; clientIdentifier: string; createdAt: number; expiresIn: number }) {
  return {
    id: pin.id,
    code: pin.code,
    clientIdentifier: pin.clientIdentifier,
    qr: `https://plex.tv/api/v2/pins/qr/${pin.code}`,
    trusted: false,
    expiresIn: pin.expiresIn,
    createdAt: new Date(pin.createdAt).toISOString(),
    expiresAt: new Date(pin.createdAt + pin.expiresIn * 1000).toISOString(),
    authToken: null,
  };
}
