/** What a scenario says about a title it puts into the library; the model fills in Plex's own fields. */
export interface NewItem {
  title: string;
  /** absent for a title Plex has not matched yet: it then has no year, summary or poster */
  year?: number;
  summary?: string;
  /** ms; for a show, one episode */
  duration?: number;
  /** absent when nobody watched it */
  viewCount?: number;
  /** shows: seasons and episodes */
  seasons?: number;
  episodes?: number;
}

export interface SeedSection {
  key: string;
  type: 'movie' | 'show' | 'artist';
  title: string;
  agent: string;
  scanner: string;
  path: string;
  items: readonly NewItem[];
}

const minutes = (n: number) => n * 60_000;

/**
 * The server the suite starts from: the movies and shows also marked available in Overseerr's
 * catalogue (overseerr/catalogue.ts), and an empty music library, whose listing Plex sends without
 * a `Metadata` array at all.
 */
export const SEED_SECTIONS: readonly SeedSection[] = [
  {
    key: '1',
    type: 'movie',
    title: 'Movies',
    agent: 'tv.plex.agents.movie',
    scanner: 'Plex Movie',
    path: '/data/movies',
    items: [
      { title: 'Casablanca', year: 1942, duration: minutes(102), viewCount: 3, summary: 'A nightclub owner meets his former lover in wartime Morocco.' },
      { title: 'The Godfather', year: 1972, duration: minutes(175), viewCount: 1, summary: 'The head of a crime family hands power to his son.' },
      { title: 'Alien', year: 1979, duration: minutes(117), viewCount: 2, summary: 'The crew of a commercial spaceship meets a deadly life form.' },
      { title: 'Pulp Fiction', year: 1994, duration: minutes(154), summary: 'Stories of Los Angeles criminals intertwine.' },
      { title: 'Heat', year: 1995, duration: minutes(170), summary: 'A detective hunts a crew of professional thieves.' },
      { title: 'Amélie', year: 2001, duration: minutes(122), viewCount: 1, summary: 'A shy waitress decides to change the lives of those around her.' },
      { title: 'Spirited Away', year: 2001, duration: minutes(125), summary: 'A girl is trapped in a world of spirits.' },
      { title: 'Moon', year: 2009, duration: minutes(97), summary: 'A lunar miner nears the end of a three-year contract.' },
      { title: 'Her', year: 2013, duration: minutes(126), summary: 'A lonely writer falls for an operating system.' },
      { title: 'Whiplash', year: 2014, duration: minutes(107), viewCount: 4, summary: 'A young drummer meets a ruthless instructor.' },
      { title: 'Mad Max: Fury Road', year: 2015, duration: minutes(120), summary: 'A rebel and a drifter flee a desert tyrant.' },
      { title: 'Parasite', year: 2019, duration: minutes(132), summary: 'A poor family schemes its way into a rich household.' },
    ],
  },
  {
    key: '2',
    type: 'show',
    title: 'TV Shows',
    agent: 'tv.plex.agents.series',
    scanner: 'Plex TV Series',
    path: '/data/tv',
    items: [
      { title: 'Breaking Bad', year: 2008, seasons: 5, episodes: 62, duration: minutes(47), viewCount: 62, summary: 'A chemistry teacher turns to making drugs.' },
      { title: 'Dark', year: 2017, seasons: 3, episodes: 26, duration: minutes(55), summary: 'A missing child exposes the secrets of four families.' },
      { title: 'Chernobyl', year: 2019, seasons: 1, episodes: 5, duration: minutes(65), summary: 'The story of the 1986 nuclear disaster.' },
    ],
  },
  { key: '3', type: 'artist', title: 'Music', agent: 'tv.plex.agents.music', scanner: 'Plex Music', path: '/data/music', items: [] },
];

/** Collections in the Movies library, by member title. */
export const SEED_COLLECTIONS: readonly { title: string; members: readonly string[] }[] = [
  { title: 'Science Fiction Essentials', members: ['Alien', 'Moon', 'Her', 'Mad Max: Fury Road'] },
  { title: 'Crime Classics', members: ['The Godfather', 'Pulp Fiction', 'Heat'] },
];
