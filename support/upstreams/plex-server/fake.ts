import { http, HttpResponse, type HttpHandler } from 'msw';
import type { ScenarioClock } from '../../clock';
import { FakeUpstream } from '../fake-upstream';
import { PlexServerModel, type LibrarySection, type PlexCollection, type PlexItem } from './model';

type Container = Record<string, unknown>;
type Answer = (url: URL, params: Record<string, string>, request: Request) => Container | Response;

/** A Plex Media Server's HTTP API as the gateway uses it (UPSTREAMS.md section 2). */
export class PlexServerFake extends FakeUpstream {
  readonly model: PlexServerModel;

  constructor(origin: string, clock: ScenarioClock, private readonly isValidToken: (token: string) => boolean) {
    super('plex-server', origin, clock);
    this.model = new PlexServerModel(() => clock.now());
  }

  protected handlers(origin: string): HttpHandler[] {
    const model = this.model;
    const library = (section: LibrarySection) => ({ librarySectionID: Number(section.key), librarySectionTitle: section.title, librarySectionUUID: section.uuid });
    const inSection = (key: string, answer: (section: LibrarySection) => Container | Response) => {
      const section = model.section(key);
      return section ? answer(section) : page(404, 'Not Found');
    };
    return [
      this.get(`${origin}/`, () => ({
        ...{ size: 0, friendlyName: model.friendlyName, machineIdentifier: model.machineIdentifier, version: model.version },
        ...{ platform: 'Linux', platformVersion: '6.8.0', myPlex: true, updatedAt: Math.floor(this.clock.now() / 1000) },
      })),
      this.get(`${origin}/library/sections`, () => {
        const sections = model.sections().map((section) => ({ allowSync: true, refreshing: false, content: true, directory: true, ...section }));
        return { size: sections.length, allowSync: false, title1: 'Plex Library', ...list('Directory', sections) };
      }),
      this.get(`${origin}/library/sections/:key/all`, (url, { key }, request) =>
        inSection(key, (section) => {
          const items = model.items(key);
          const { start, size } = paging(url, request);
          const shown = items.slice(start, size === undefined ? undefined : start + size).map((item) => metadata(item));
          const about = { title1: section.title, title2: `All ${section.title}`, viewGroup: section.type, identifier: 'com.plexapp.plugins.library' };
          return { size: shown.length, totalSize: items.length, offset: start, allowSync: true, ...library(section), ...about, ...list('Metadata', shown) };
        }),
      ),
      this.get(`${origin}/library/recentlyAdded`, (url, _, request) => {
        const items = model.recentlyAdded();
        const { start, size = 50 } = paging(url, request);
        const shown = items.slice(start, start + size).map((item) => this.located(item));
        return { size: shown.length, totalSize: items.length, offset: start, mixedParents: true, ...list('Metadata', shown) };
      }),
      this.get(`${origin}/hubs/search`, (url) => {
        const query = url.searchParams.get('query');
        if (!query) return page(400, 'Bad Request');
        const limit = Number(url.searchParams.get('limit')) || 3;
        const found = model.search(query).map((item) => this.located(item));
        const collections = model.sections().flatMap((section) => model.collections(section.key)).filter((c) => c.title.toLowerCase().includes(query.toLowerCase()));
        const hubs = [...(['movie', 'show', 'artist'] as const).map((type) => hub(type, found.filter((item) => item.type === type), limit)), hub('collection', collections.map(collectionJson), limit)];
        return { size: hubs.length, ...list('Hub', hubs) };
      }),
      this.get(`${origin}/search`, (url) => {
        const found = model.search(url.searchParams.get('query') ?? '').map((item) => this.located(item));
        return { size: found.length, identifier: 'com.plexapp.plugins.library', ...list('Metadata', found) };
      }),
      this.get(`${origin}/library/sections/:key/collections`, (_, { key }) =>
        inSection(key, (section) => {
          const collections = model.collections(key).map(collectionJson);
          return { size: collections.length, totalSize: collections.length, offset: 0, ...library(section), title1: section.title, ...list('Metadata', collections) };
        }),
      ),
      this.get(`${origin}/library/collections/:ratingKey/children`, (_, { ratingKey }) => {
        const children = model.collection(ratingKey)?.children.map((item) => this.located(item));
        return children ? { size: children.length, ...list('Metadata', children) } : page(404, 'Not Found');
      }),
      this.get(`${origin}/library/metadata/:ratingKey`, (_, { ratingKey }) => {
        const item = model.item(ratingKey);
        return item ? { size: 1, Metadata: [this.located(item)] } : page(404, 'Not Found');
      }),
      // Plex starts the scan and answers at once, with nothing in the body
      this.get(`${origin}/library/sections/:key/refresh`, (_, { key }) => (model.refresh(key) ? new Response(null, { status: 200 }) : page(404, 'Not Found'))),
    ];
  }

  /** A GET route behind Plex's token check, answering JSON only to a client that asks for it. */
  private get(path: string, answer: Answer): HttpHandler {
    return http.get(path, ({ request, params }) => {
      const url = new URL(request.url);
      const token = request.headers.get('X-Plex-Token') ?? url.searchParams.get('X-Plex-Token');
      if (!token || !this.isValidToken(token)) return page(401, 'Unauthorized');
      const answered = answer(url, Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)])), request);
      if (answered instanceof Response) return answered;
      return (request.headers.get('accept') ?? '').includes('application/json') ? HttpResponse.json({ MediaContainer: answered }) : xml(answered);
    });
  }

  /** Items listed outside their library carry the library they belong to. */
  private located(item: PlexItem) {
    const section = this.model.section(String(item.librarySectionID));
    return { ...metadata(item), librarySectionID: item.librarySectionID, librarySectionTitle: section?.title, librarySectionKey: `/library/sections/${item.librarySectionID}` };
  }
}

function metadata(item: PlexItem) {
  const { librarySectionID: _, ...shown } = item;
  return shown;
}

/** Collections' counts and years are strings in Plex's JSON. */
function collectionJson({ children, librarySectionID: _, ...collection }: PlexCollection) {
  const years = children.flatMap((child) => (child.year === undefined ? [] : [child.year]));
  const span = years.length ? { minYear: String(Math.min(...years)), maxYear: String(Math.max(...years)) } : {};
  return { ...collection, summary: '', thumb: `/library/collections/${collection.ratingKey}/composite/${collection.updatedAt}`, childCount: String(children.length), ...span };
}

function hub(type: string, found: Container[], limit: number) {
  const title = { movie: 'Movies', show: 'Shows', artist: 'Artists', collection: 'Collections' }[type] ?? type;
  const shown = found.slice(0, limit);
  return { title, type, hubIdentifier: type, context: `hub.${type}`, size: shown.length, more: found.length > limit, style: 'shelf', ...list('Metadata', shown) };
}

/** Plex leaves an empty list out of the container altogether. */
function list(name: string, entries: Container[]): Container {
  return entries.length > 0 ? { [name]: entries } : {};
}

/** X-Plex-Container-Start/-Size, as headers or query parameters; anything not a count is ignored. */
function paging(url: URL, request: Request): { start: number; size?: number } {
  const read = (name: string) => {
    const value = request.headers.get(name) ?? url.searchParams.get(name) ?? '';
    return /^\d+$/.test(value) ? Number(value) : undefined;
  };
  return { start: read('X-Plex-Container-Start') ?? 0, size: read('X-Plex-Container-Size') };
}

function page(status: number, reason: string): Response {
  const body = `<html><head><title>${reason}</title></head><body><h1>${status} ${reason}</h1></body></html>`;
  return new Response(body, { status, headers: { 'content-type': 'text/html' } });
}

/** The XML Plex sends a client that did not ask for JSON: scalars as attributes, lists as child elements. */
function xml(container: Container): Response {
  const escape = (value: unknown) => String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const attributes = (entry: Container) =>
    Object.entries(entry)
      .filter(([, value]) => value !== undefined && value !== null && typeof value !== 'object')
      .map(([name, value]) => ` ${name}="${escape(value)}"`)
      .join('');
  const element = (name: string, entry: Container): string => {
    const tag = name === 'Metadata' ? (entry.type === 'movie' ? 'Video' : 'Directory') : name;
    const children = Object.entries(entry).filter(([, value]) => Array.isArray(value)) as Array<[string, Container[]]>;
    const inner = children.flatMap(([child, entries]) => entries.map((e) => element(child, e))).join('');
    return inner ? `<${tag}${attributes(entry)}>${inner}</${tag}>` : `<${tag}${attributes(entry)} />`;
  };
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n${element('MediaContainer', container)}\n`;
  return new Response(body, { headers: { 'content-type': 'text/xml;charset=utf-8' } });
}
