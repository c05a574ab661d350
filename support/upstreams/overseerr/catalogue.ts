export type MediaType = 'movie' | 'tv';

/** A title as TMDB knows it, which is all Overseerr knows before anyone requests it. */
export interface CatalogueTitle {
  mediaType: MediaType;
  tmdbId: number;
  /** `title` for a movie, `name` for a series. */
  title: string;
  /** `releaseDate` for a movie, `firstAirDate` for a series: YYYY-MM-DD. */
  date: string;
  overview: string;
  posterPath: string;
  /** tv only */
  tvdbId?: number;
  /** tv only: regular seasons (TMDB's season 0, the specials, is never requestable). */
  seasons?: number;
  /** Already in Plex when the scenario starts (Overseerr learnt it from its Plex sync). */
  available?: boolean;
}

/** What a search finds besides titles: people and collections, which nobody can request. */
export interface CatalogueOther {
  mediaType: 'person' | 'collection';
  tmdbId: number;
  name: string;
}

/** TMDB as Overseerr sees it: what a search or a request can find. */
export class Catalogue {
  private readonly titles = new Map<string, CatalogueTitle>();
  private readonly others = seedOthers();

  add(title: CatalogueTitle): CatalogueTitle {
    this.titles.set(`${title.mediaType}:${title.tmdbId}`, title);
    return title;
  }

  get(mediaType: MediaType, tmdbId: number): CatalogueTitle | undefined {
    return this.titles.get(`${mediaType}:${tmdbId}`);
  }

  /** TMDB's multi search matches far more loosely; a case-insensitive substring is enough here. */
  search(query: string): CatalogueTitle[] {
    return [...this.titles.values()].filter((title) => title.title.toLowerCase().includes(query.toLowerCase()));
  }

  /** The people and collections a search finds, matched as titles are. */
  searchOthers(query: string): CatalogueOther[] {
    return this.others.filter((other) => other.name.toLowerCase().includes(query.toLowerCase()));
  }
}

export function movie(tmdbId: number, title: string, date: string, overview: string, available = false): CatalogueTitle {
  return { mediaType: 'movie', tmdbId, title, date, overview, posterPath: posterPath(tmdbId), available };
}

export function series(
  tmdbId: number,
  title: string,
  date: string,
  tvdbId: number,
  seasons: number,
  overview: string,
  available = false,
): CatalogueTitle {
  return { mediaType: 'tv', tmdbId, title, date, overview, posterPath: posterPath(tmdbId), tvdbId, seasons, available };
}

export function yearOf(title: CatalogueTitle): number {
  return Number(title.date.slice(0, 4));
}

function posterPath(tmdbId: number): string {
  return `/p${tmdbId.toString(36)}.jpg`;
}

/**
 * Real TMDB ids. The Star Trek titles make one query span two pages of 20; the titles marked
 * available are the ones the Plex fake's library starts with (plex-server/library-seed.ts).
 */
export function seedCatalogue(): CatalogueTitle[] {
  return [
    movie(603, 'The Matrix', '1999-03-31', 'A hacker learns that the world he knows is a simulation.'),
    movie(604, 'The Matrix Reloaded', '2003-05-15', 'Neo and the rebels race to defend Zion.'),
    movie(605, 'The Matrix Revolutions', '2003-11-05', 'The war between humans and machines comes to an end.'),
    movie(624860, 'The Matrix Resurrections', '2021-12-16', 'Neo returns to a world he no longer remembers.'),
    movie(27205, 'Inception', '2010-07-15', 'A thief who steals secrets from dreams is asked to plant one.'),
    movie(438631, 'Dune', '2021-09-15', 'A noble family takes charge of the most dangerous planet in the universe.'),
    movie(693134, 'Dune: Part Two', '2024-02-27', 'Paul Atreides unites with the Fremen.'),
    movie(329865, 'Arrival', '2016-11-10', 'A linguist is asked to talk to visitors from space.'),
    movie(335984, 'Blade Runner 2049', '2017-10-04', 'A young blade runner unearths a long-buried secret.'),
    movie(157336, 'Interstellar', '2014-11-05', 'Explorers travel through a wormhole to save humanity.'),
    movie(545611, 'Everything Everywhere All at Once', '2022-03-24', 'A laundromat owner is swept into the multiverse.'),
    series(95396, 'Severance', '2022-02-17', 371980, 2, 'Office workers have their work memories surgically divided.'),
    series(63639, 'The Expanse', '2015-12-14', 280619, 6, 'A detective and a ship captain uncover a conspiracy.'),
    series(83867, 'Andor', '2022-09-21', 393189, 2, 'A thief becomes a rebel in the years before the Rebellion.'),
    series(57243, 'Doctor Who', '2005-03-26', 78804, 13, 'A time-travelling alien explores the universe in a police box.'),
    ...starTrek(),
    movie(348, 'Alien', '1979-05-25', 'The crew of a commercial spaceship meets a deadly life form.', true),
    movie(949, 'Heat', '1995-12-15', 'A detective hunts a crew of professional thieves.', true),
    movie(129, 'Spirited Away', '2001-07-20', 'A girl is trapped in a world of spirits.', true),
    movie(496243, 'Parasite', '2019-05-30', 'A poor family schemes its way into a rich household.', true),
    movie(238, 'The Godfather', '1972-03-14', 'The head of a crime family hands power to his son.', true),
    movie(680, 'Pulp Fiction', '1994-09-10', 'Stories of Los Angeles criminals intertwine.', true),
    movie(289, 'Casablanca', '1942-11-26', 'A nightclub owner meets his former lover in wartime Morocco.', true),
    movie(244786, 'Whiplash', '2014-10-10', 'A young drummer meets a ruthless instructor.', true),
    movie(76341, 'Mad Max: Fury Road', '2015-05-13', 'A rebel and a drifter flee a desert tyrant.', true),
    movie(152601, 'Her', '2013-12-18', 'A lonely writer falls for an operating system.', true),
    movie(17431, 'Moon', '2009-06-12', 'A lunar miner nears the end of a three-year contract.', true),
    movie(194, 'Amélie', '2001-04-25', 'A shy waitress decides to change the lives of those around her.', true),
    series(1396, 'Breaking Bad', '2008-01-20', 81189, 5, 'A chemistry teacher turns to making drugs.', true),
    series(70523, 'Dark', '2017-12-01', 334824, 3, 'A missing child exposes the secrets of four families.', true),
    series(87108, 'Chernobyl', '2019-05-06', 360893, 1, 'The story of the 1986 nuclear disaster.', true),
  ];
}

function starTrek(): CatalogueTitle[] {
  const about = 'The crew of the starship Enterprise explores the galaxy.';
  return [
    movie(152, 'Star Trek: The Motion Picture', '1979-12-07', about),
    movie(154, 'Star Trek II: The Wrath of Khan', '1982-06-04', about),
    movie(157, 'Star Trek III: The Search for Spock', '1984-06-01', about),
    movie(168, 'Star Trek IV: The Voyage Home', '1986-11-25', about),
    movie(172, 'Star Trek V: The Final Frontier', '1989-06-09', about),
    movie(174, 'Star Trek VI: The Undiscovered Country', '1991-12-05', about),
    movie(193, 'Star Trek: Generations', '1994-11-17', about),
    movie(199, 'Star Trek: First Contact', '1996-11-22', about),
    movie(200, 'Star Trek: Insurrection', '1998-12-10', about),
    movie(201, 'Star Trek: Nemesis', '2002-12-13', about),
    movie(13475, 'Star Trek', '2009-05-06', about),
    movie(54138, 'Star Trek Into Darkness', '2013-05-05', about),
    movie(188927, 'Star Trek Beyond', '2016-07-07', about),
    series(253, 'Star Trek', '1966-09-08', 77526, 3, about),
    series(655, 'Star Trek: The Next Generation', '1987-09-28', 71470, 7, about),
    series(580, 'Star Trek: Deep Space Nine', '1993-01-03', 72073, 7, about),
    series(1855, 'Star Trek: Voyager', '1995-01-16', 74550, 7, about),
    series(314, 'Star Trek: Enterprise', '2001-09-26', 73893, 4, about),
    series(67198, 'Star Trek: Discovery', '2017-09-24', 328711, 5, about),
    series(85949, 'Star Trek: Picard', '2020-01-23', 364093, 3, about),
    series(85948, 'Star Trek: Lower Decks', '2020-08-06', 367138, 5, about),
    series(103516, 'Star Trek: Strange New Worlds', '2022-05-05', 382389, 3, about),
  ];
}

/** Real TMDB ids: a director, and a collection whose name a search for its films also finds. */
function seedOthers(): CatalogueOther[] {
  return [
    { mediaType: 'person', tmdbId: 137427, name: 'Denis Villeneuve' },
    { mediaType: 'collection', tmdbId: 726871, name: 'Dune Collection' },
  ];
}
