import { CORRELATION_ID, must, plexServer, type Probe, queryOf, refusedWith, segment, TOKEN } from './probe';

/** What the Plex Media Server's client must understand of the recordings. */
export const PLEX_SERVER_PROBES: Probe[] = [
  {
    upstream: 'plex-server',
    exchanges: ['sections'],
    run: async () => {
      const sections = await plexServer().sections(TOKEN, CORRELATION_ID);
      must(sections.length > 0 && sections.every((s) => typeof s.key === 'string' && typeof s.title === 'string'), `libraries need string keys and titles: ${JSON.stringify(sections)}`);
      return `${sections.length} libraries: ${sections.map((s) => `${s.key} ${s.title} (${s.type})`).join(', ')}`;
    },
  },
  {
    upstream: 'plex-server',
    exchanges: ['section-items'],
    run: async (recorded) => {
      const { items, total } = await plexServer().items(TOKEN, segment(recorded, 'section-items', 3), 0, 50, CORRELATION_ID);
      must(items.length > 0 && items.every((item) => typeof item.ratingKey === 'string' && typeof item.title === 'string'), 'items need string rating keys and titles');
      must(Number.isInteger(total) && total >= items.length, `the total (${total}) should count at least the ${items.length} items listed`);
      return `${items.length} of ${total} items, first "${items[0]!.title}"`;
    },
  },
  {
    upstream: 'plex-server',
    exchanges: ['recently-added'],
    run: async () => {
      const items = await plexServer().recentlyAdded(TOKEN, 50, CORRELATION_ID);
      must(items.every((item) => typeof item.ratingKey === 'string'), 'recent items need string rating keys');
      return `${items.length} recently added`;
    },
  },
  {
    upstream: 'plex-server',
    exchanges: ['hub-search'],
    run: async (recorded) => {
      const query = queryOf(recorded, 'hub-search', 'query');
      const found = await plexServer().search(TOKEN, query, 10, CORRELATION_ID);
      must(found.length > 0 && found.every((item) => typeof item.title === 'string'), `searching "${query}" should find the library item it was taken from`);
      return `"${query}" found ${found.length}`;
    },
  },
  {
    upstream: 'plex-server',
    exchanges: ['collections'],
    run: async (recorded) => {
      const collections = await plexServer().collections(TOKEN, segment(recorded, 'collections', 3), CORRELATION_ID);
      must(collections.every((c) => typeof c.ratingKey === 'string' && typeof c.title === 'string'), 'collections need string rating keys and titles');
      return `${collections.length} collections`;
    },
  },
  { upstream: 'plex-server', exchanges: ['token-refused'], run: () => refusedWith('PLEX_TOKEN_INVALID', plexServer().sections('refused', CORRELATION_ID)) },
];
