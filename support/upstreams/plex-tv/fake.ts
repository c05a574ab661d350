import { http, HttpResponse, type HttpHandler } from 'msw';
import type { ScenarioClock } from '../../clock';
import { FakeUpstream } from '../fake-upstream';
import { expiresAt, PlexTvModel, type PlexPin } from './model';

/** plex.tv's v2 JSON API: PINs and the signed-in account. */
export class PlexTvFake extends FakeUpstream {
  readonly model: PlexTvModel;

  constructor(origin: string, clock: ScenarioClock) {
    super('plex-tv', origin, clock);
    this.model = new PlexTvModel(() => clock.now());
  }

  protected handlers(origin: string): HttpHandler[] {
    const api = `${origin}/api/v2`;
    return [
      http.post(`${api}/pins`, ({ request }) => {
        const clientId = plexHeader(request, 'X-Plex-Client-Identifier');
        if (!clientId) return plexError(400, 1000, 'X-Plex-Client-Identifier is missing');
        if (!wantsJson(request)) return xml();
        const strong = new URL(request.url).searchParams.get('strong') === 'true';
        return HttpResponse.json(pinJson(this.model.createPin(clientId, strong)), { status: 201 });
      }),
      http.get(`${api}/pins/:id`, ({ request, params }) => {
        const pin = this.model.livePin(Number(params.id));
        if (!pin || pin.clientIdentifier !== plexHeader(request, 'X-Plex-Client-Identifier')) {
          return plexError(404, 1020, 'Code not found or expired');
        }
        return wantsJson(request) ? HttpResponse.json(pinJson(pin)) : xml();
      }),
      http.get(`${api}/user`, ({ request }) => {
        const account = this.model.accountForToken(plexHeader(request, 'X-Plex-Token'));
        if (!account) return plexError(401, 1001, 'User could not be authenticated');
        return wantsJson(request) ? HttpResponse.json({ ...account, title: account.title }) : xml();
      }),
    ];
  }
}

/** plex.tv takes its X-Plex-* values from headers or from the query string. */
function plexHeader(request: Request, name: string): string | null {
  return request.headers.get(name) ?? new URL(request.url).searchParams.get(name);
}

function wantsJson(request: Request): boolean {
  return (request.headers.get('accept') ?? '').includes('application/json');
}

function xml(): Response {
  return new Response('<?xml version="1.0" encoding="UTF-8"?>\n<pin/>', { headers: { 'content-type': 'application/xml' } });
}

function plexError(status: number, code: number, message: string): Response {
  return HttpResponse.json({ errors: [{ code, message, status }] }, { status });
}

function pinJson(pin: PlexPin) {
  return {
    id: pin.id,
    code: pin.code,
    product: 'Plex Web',
    trusted: false,
    qr: `https://plex.tv/api/v2/pins/qr/${pin.code}`,
    clientIdentifier: pin.clientIdentifier,
    expiresIn: pin.expiresIn,
    createdAt: new Date(pin.createdAt).toISOString(),
    expiresAt: new Date(expiresAt(pin)).toISOString(),
    authToken: pin.authToken,
    newRegistration: null,
  };
}
