import { json, STAND_IN_CREDENTIALS, wantsJson, xml, type StandIn, type StandInReply, type StandInRequest } from './serve';

/** A small Plex Media Server as UPSTREAMS.md section 2 describes it: two libraries, read with a token. */
const ADDED = 1_732_000_000;
/** A Metadata item: duration in ms, addedAt in unix seconds, viewCount only once watched. */
const item = (type: 'movie' | 'show', ratingKey: string, title: string, year: number, minutes: number, viewCount?: number) => ({
  ratingKey,
  key: `/library/metadata/${ratingKey}`,
  guid: `plex://${type}/${ratingKey.padStart(24, '0')}`,
  type,
  title,
  summary: `${title}, as the stand-in's library holds it.`,
  year,
  thumb: `/library/metadata/${ratingKey}/thumb/${ADDED}`,
  duration: minutes * 60_000,
  addedAt: ADDED + Number(ratingKey),
  ...(viewCount === undefined ? {} : { viewCount }),
});

const LIBRARIES = [
  { key: '1', type: 'movie', title: 'Films', uuid: '6f3b0c1e-films', updatedAt: ADDED, items: [item('movie', '101', 'Arrival', 2016, 116, 2), item('movie', '102', 'Blade Runner', 1982, 117), item('movie', '103', 'Inception', 2010, 148, 1)] },
  { key: '2', type: 'show', title: 'Series', uuid: '8a2d4e7f-series', updatedAt: ADDED, items: [item('show', '201', 'Severance', 2022, 50)] },
];
const COLLECTIONS: Record<string, unknown[]> = {
  '1': [{ type: 'collection', ratingKey: '901', key: '/library/collections/901/children', title: 'Denis Villeneuve', childCount: '1' }],
  '2': [],
};

export const plexServer: StandIn = (request) => {
  const token = request.headers['x-plex-token'] ?? request.url.searchParams.get('X-Plex-Token');
  if (token !== STAND_IN_CREDENTIALS.plexToken) return { status: 401, contentType: 'text/html', body: '<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>' };
  const path = request.url.pathname;
  if (path === '/library/sections') {
    const sections = LIBRARIES.map(({ items: _, ...section }) => section);
    return container(request, { size: sections.length, Directory: sections });
  }
  if (path === '/library/recentlyAdded') {
    const all = LIBRARIES.flatMap((library) => library.items).sort((a, b) => b.addedAt - a.addedAt);
    return container(request, { size: all.length, Metadata: all });
  }
  if (path === '/hubs/search') {
    const limit = Number(request.url.searchParams.get('limit') ?? 3);
    const query = (request.url.searchParams.get('query') ?? '').toLowerCase();
    const hubs = [['movie', 'movie'], ['show', 'show']].map(([type, hubIdentifier]) => {
      const found = LIBRARIES.flatMap((library) => library.items).filter((item) => item.type === type && item.title.toLowerCase().includes(query)).slice(0, limit);
      return { type, hubIdentifier, size: found.length, ...(found.length ? { Metadata: found } : {}) };
    });
    return container(request, { size: hubs.length, Hub: hubs });
  }
  const [, key, what] = /^\/library\/sections\/([^/]+)\/(all|collections)$/.exec(path) ?? [];
  const library = LIBRARIES.find((candidate) => candidate.key === key);
  if (!library) return { status: 404, contentType: 'text/html', body: '<html><head><title>Not Found</title></head><body><h1>404 Not Found</h1></body></html>' };
  if (what === 'collections') return container(request, { size: COLLECTIONS[library.key]!.length, Metadata: COLLECTIONS[library.key] });
  const offset = Number(request.headers['x-plex-container-start'] ?? 0);
  const size = Number(request.headers['x-plex-container-size'] ?? library.items.length);
  const shown = library.items.slice(offset, offset + size);
  return container(request, { size: shown.length, totalSize: library.items.length, offset, Metadata: shown });
};

function container(request: StandInRequest, body: Record<string, unknown>): StandInReply {
  return wantsJson(request) ? json(200, { MediaContainer: body }) : xml(200, `<MediaContainer size="${String(body.size)}"/>`);
}
