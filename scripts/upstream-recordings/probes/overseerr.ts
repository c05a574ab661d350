import { recordingOf } from '../recordings';
import { CORRELATION_ID, must, overseerr, type Probe, queryOf, refusedWith, segment } from './probe';

/** What Overseerr's client must understand of the recordings. */
export const OVERSEERR_PROBES: Probe[] = [
  {
    upstream: 'overseerr',
    exchanges: ['search'],
    run: async (recorded) => {
      const found = await overseerr().search(queryOf(recorded, 'search', 'query'), 1, CORRELATION_ID);
      must(Number.isInteger(found.totalResults) && found.results.length > 0, 'a search needs a total and results');
      must(found.results.every((result) => Number.isInteger(result.id) && typeof result.mediaType === 'string'), 'results need tmdb ids and media types');
      return `${found.results.length} of ${found.totalResults} results`;
    },
  },
  {
    upstream: 'overseerr',
    exchanges: ['movie'],
    run: async (recorded) => {
      const details = await overseerr().details('movie', Number(segment(recorded, 'movie', 4)), CORRELATION_ID);
      must(typeof details.title === 'string', 'film details need a title');
      return `"${details.title}", ${details.mediaInfo ? `media status ${details.mediaInfo.status}` : 'never requested'}`;
    },
  },
  {
    upstream: 'overseerr',
    exchanges: ['users'],
    run: async (recorded) => {
      const first = (recordingOf(recorded, 'users').recording.response as { results: Array<{ id: number; email: string }> }).results[0]!;
      const user = await overseerr().userFor({ email: first.email, username: '' }, CORRELATION_ID);
      must(user?.id === first.id, `the user with email ${first.email} should be user ${first.id}, got ${JSON.stringify(user)}`);
      return `user ${user.id} found by email`;
    },
  },
  { upstream: 'overseerr', exchanges: ['key-refused'], run: (recorded) => refusedWith('UPSTREAM_ERROR', overseerr().search(queryOf(recorded, 'key-refused', 'query'), 1, CORRELATION_ID)) },
];
