import { randomBytes, randomUUID } from 'node:crypto';
import { SEED_COLLECTIONS, SEED_SECTIONS, type NewItem } from './library-seed';

export type { NewItem } from './library-seed';

export interface LibrarySection {
  key: string;
  type: 'movie' | 'show' | 'artist';
  title: string;
  agent: string;
  scanner: string;
  language: string;
  uuid: string;
  createdAt: number;
  updatedAt: number;
  scannedAt: number;
  Location: Array<{ id: number; path: string }>;
}

/** A library item as Plex describes it: ratingKey a string of digits, duration in ms, times in unix s. */
export interface PlexItem {
  ratingKey: string;
  key: string;
  guid: string;
  type: 'movie' | 'show' | 'artist';
  title: string;
  titleSort: string;
  /** Plex leaves out what its agent has not found: a title not matched yet has no summary, year or poster. */
  summary?: string;
  year?: number;
  thumb?: string;
  art: string;
  duration?: number;
  addedAt: number;
  updatedAt: number;
  viewCount?: number;
  childCount?: number;
  leafCount?: number;
  librarySectionID: number;
}

export interface PlexCollection {
  ratingKey: string;
  key: string;
  guid: string;
  type: 'collection';
  title: string;
  subtype: 'movie';
  librarySectionID: number;
  addedAt: number;
  updatedAt: number;
  children: PlexItem[];
}

/** A Plex Media Server's libraries: what it lists now, and what its next scan will find. */
export class PlexServerModel {
  readonly machineIdentifier = randomBytes(20).toString('hex');
  readonly friendlyName = 'MediaNest Plex';
  readonly version = '1.41.3.9314-a0bfb8370';
  private readonly sectionList: LibrarySection[] = [];
  private readonly itemList: PlexItem[] = [];
  private readonly collectionList: PlexCollection[] = [];
  private readonly staged = new Map<string, NewItem[]>();
  private readonly refreshes = new Map<string, number>();
  private nextRatingKey = 101;

  constructor(private readonly now: () => number) {
    const seeded = SEED_SECTIONS.flatMap((section) => section.items.map((item) => ({ key: section.key, item })));
    const start = this.seconds() - 86_400 * (seeded.length + 30);
    for (const seed of SEED_SECTIONS) {
      const { key, type, title, agent, scanner, path } = seed;
      const at = start - 86_400;
      const location = [{ id: Number(key), path }];
      this.sectionList.push({ key, type, title, agent, scanner, language: 'en-US', uuid: randomUUID(), createdAt: at, updatedAt: at, scannedAt: at, Location: location });
    }
    // one title a day, oldest first, so "recently added" has a stable order
    seeded.forEach(({ key, item }, day) => this.addItem(key, item, start + 86_400 * day));
    for (const { title, members } of SEED_COLLECTIONS) {
      const ratingKey = String(this.nextRatingKey++);
      const children = members.map((member) => this.itemList.find((item) => item.title === member)).filter((item) => item !== undefined);
      const [guid, key] = [`collection://${randomUUID()}`, `/library/collections/${ratingKey}/children`];
      this.collectionList.push({ ratingKey, key, guid, type: 'collection', title, subtype: 'movie', librarySectionID: 1, addedAt: start, updatedAt: start, children });
    }
  }

  /** A server just set up: no libraries yet, so no titles and no collections either. */
  clear(): void {
    for (const list of [this.sectionList, this.itemList, this.collectionList]) list.length = 0;
  }

  sections(): LibrarySection[] {
    return [...this.sectionList];
  }

  section(key: string): LibrarySection | undefined {
    return this.sectionList.find((section) => section.key === key);
  }

  /** A library's items in Plex's default order: by title, leading articles ignored. */
  items(sectionKey: string): PlexItem[] {
    return this.itemList.filter((item) => String(item.librarySectionID) === sectionKey).sort((a, b) => a.titleSort.localeCompare(b.titleSort));
  }

  recentlyAdded(): PlexItem[] {
    return [...this.itemList].sort((a, b) => b.addedAt - a.addedAt || Number(b.ratingKey) - Number(a.ratingKey));
  }

  search(query: string): PlexItem[] {
    return this.itemList.filter((item) => item.title.toLowerCase().includes(query.toLowerCase()));
  }

  item(ratingKey: string): PlexItem | undefined {
    return this.itemList.find((item) => item.ratingKey === ratingKey);
  }

  collections(sectionKey: string): PlexCollection[] {
    return this.collectionList.filter((collection) => String(collection.librarySectionID) === sectionKey);
  }

  collection(ratingKey: string): PlexCollection | undefined {
    return this.collectionList.find((collection) => collection.ratingKey === ratingKey);
  }

  /** A title that is in the library at once, as after a scan. */
  addItem(sectionKey: string, init: NewItem, addedAt = this.seconds()): PlexItem {
    const section = this.section(sectionKey);
    if (!section) throw new Error(`Plex has no library section ${sectionKey}`);
    const ratingKey = String(this.nextRatingKey++);
    const { title, year, summary = '', duration, viewCount } = init;
    const found = year === undefined ? {} : { summary, year, thumb: `/library/metadata/${ratingKey}/thumb/${addedAt}` };
    const item: PlexItem = {
      ...{ ratingKey, key: `/library/metadata/${ratingKey}`, guid: `plex://${section.type}/${randomBytes(12).toString('hex')}`, type: section.type },
      ...{ title, titleSort: title.replace(/^(the|a|an) /i, ''), ...found },
      ...{ art: `/library/metadata/${ratingKey}/art/${addedAt}`, duration, addedAt, updatedAt: addedAt, viewCount, librarySectionID: Number(sectionKey) },
      ...(section.type === 'show' ? { childCount: init.seasons ?? 1, leafCount: init.episodes ?? 10 } : {}),
    };
    this.itemList.push(item);
    section.updatedAt = addedAt;
    return item;
  }

  /** A title on disk that Plex will list only after the next scan of its library. */
  stageItem(sectionKey: string, init: NewItem): void {
    if (!this.section(sectionKey)) throw new Error(`Plex has no library section ${sectionKey}`);
    this.staged.set(sectionKey, [...(this.staged.get(sectionKey) ?? []), init]);
  }

  /** A scan of one library: it counts, and it finds what was staged. False for an unknown library. */
  refresh(sectionKey: string): boolean {
    const section = this.section(sectionKey);
    if (!section) return false;
    this.refreshes.set(sectionKey, this.refreshCount(sectionKey) + 1);
    (this.staged.get(sectionKey) ?? []).forEach((init) => this.addItem(sectionKey, init));
    this.staged.delete(sectionKey);
    section.scannedAt = this.seconds();
    return true;
  }

  refreshCount(sectionKey: string): number {
    return this.refreshes.get(sectionKey) ?? 0;
  }

  holds(title: string): boolean {
    return this.itemList.some((item) => item.title.toLowerCase() === title.toLowerCase());
  }

  private seconds(): number {
    return Math.floor(this.now() / 1000);
  }
}
