import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { caller } from '../auth/guard';
import { ApiError } from '../http/errors';
import { ok } from '../http/envelope';
import { UPSTREAM_FAILURES } from '../http/route-contract';
import { UpstreamFailure } from '../resilience/upstream-failure';
import type { GatewayServices } from '../services';
import type { User } from '../store/users';
import { LibraryCache, type Cache, type Lookup } from './cache';
import { announceLibraryChanged, onLibraryChanged } from './invalidation';
import { SharedLibraryCache } from './shared-cache';
import {
  collectionsReply, itemListReply, itemsQuery, itemsReply, librariesReply, libraryParams, presentCollection, presentItem, recentQuery,
  refreshReply, searchQuery,
} from './schemas';

interface Answer {
  data: unknown;
  meta?: Record<string, unknown>;
}

/** A cached answer, and once it has been served from the cache, its serialized bytes. */
interface Kept {
  answer: Answer;
  body?: ReturnType<FastifyReply['serialize']>;
}

/** A Plex read may find the caller's Plex sign-in refused, or Plex failing; a keyed one, no such library. */
const PLEX_READ = ['PLEX_TOKEN_INVALID', ...UPSTREAM_FAILURES] as const;
const PLEX_KEYED = ['NOT_FOUND', ...PLEX_READ] as const;

const JSON_TYPE = 'application/json; charset=utf-8';

/** The Plex library, read with each person's own Plex token and cached per person (CONTRACT.md, "Library"). */
export async function libraryRoutes(app: FastifyInstance, { services }: { services: GatewayServices }) {
  const { clock, events, users, cipher, plexServer: plex } = services;
  const lifetimeMs = services.config.libraryCacheSeconds * 1000;
  const cache: Cache = services.redis ? new SharedLibraryCache(services.redis.client, clock, lifetimeMs) : new LibraryCache(clock, lifetimeMs);
  // the last invalidation, which a rescan's answer waits for: the next read, on any instance, asks Plex
  let invalidating: void | Promise<void>;
  const stopListening = onLibraryChanged(events, () => (invalidating = cache.invalidateAll()));
  app.addHook('onClose', async () => stopListening());

  // a token sealed with another key (ENCRYPTION_KEY changed since) is as good as none
  const plexToken = async (user: User) => {
    const sealed = await users.encryptedPlexToken(user.id);
    const token = sealed === undefined ? undefined : cipher.decrypt(sealed);
    if (token === undefined) throw new ApiError('PLEX_TOKEN_INVALID', 'Sign in with Plex again');
    return token;
  };

  /**
   * Answers from the caller's fresh copy, else from Plex (keeping a copy), else from a stale copy if
   * Plex failed. A fresh copy of this instance's cache is answered at once, in the bytes serialized
   * for its first hit: the busiest path of the library does no serializing and makes no promise.
   */
  function cached(request: FastifyRequest, reply: FastifyReply, read: (token: string) => Promise<Answer>): Promise<unknown> | undefined {
    const { user } = caller(request);
    const key = `${user.id} ${request.routeOptions.url} ${JSON.stringify(request.params)} ${JSON.stringify(request.query)}`;
    const found = cache.lookup<Kept>(key);
    const answer = (lookup: Lookup<Kept>) => answerFrom(lookup, reply, key, () => plexToken(user).then(read));
    return found instanceof Promise ? found.then((settled) => answer(settled) ?? reply) : answer(found);
  }

  function answerFrom(found: Lookup<Kept>, reply: FastifyReply, key: string, read: () => Promise<Answer>): Promise<unknown> | undefined {
    if (!('fresh' in found)) return fetchOrFallBack(reply, key, read);
    const kept = found.fresh;
    kept.body ??= reply.serialize(ok(kept.answer.data, kept.answer.meta));
    reply.header('cache-status', `medianest; hit; ttl=${found.ttlSeconds}`).type(JSON_TYPE).send(kept.body);
    return undefined;
  }

  async function fetchOrFallBack(reply: FastifyReply, key: string, read: () => Promise<Answer>) {
    try {
      const answer = await read();
      reply.header('cache-status', (await cache.store(key, { answer })) ? 'medianest; fwd=miss; stored' : 'medianest; fwd=miss');
      return ok(answer.data, answer.meta);
    } catch (error) {
      if (!(error instanceof UpstreamFailure)) throw error;
      // looked up again now: another call may have refreshed the copy meanwhile, and the age is as of this answer
      const fallback = await cache.lookup<Kept>(key);
      if ('fresh' in fallback) {
        reply.header('cache-status', `medianest; hit; ttl=${fallback.ttlSeconds}`);
        return ok(fallback.fresh.answer.data, fallback.fresh.answer.meta);
      }
      if (!fallback.stale) throw error;
      reply.header('cache-status', `medianest; hit; ttl=${fallback.stale.ttlSeconds}; detail=stale-if-error`);
      return ok(fallback.stale.value.answer.data, { ...fallback.stale.value.answer.meta, stale: true });
    }
  }

  app.get('/plex/libraries', {
    config: { refusals: PLEX_READ },
    schema: { operationId: 'listLibraries', summary: "The Plex server's libraries", tags: ['library'], response: { 200: librariesReply } },
  }, (request, reply) =>
    cached(request, reply, async (token) => ({
      data: (await plex.sections(token, request.id)).map(({ key, type, title }) => ({ key: String(key), type, title })),
    })),
  );

  app.get<{ Params: { key: string }; Querystring: { offset: number; limit: number } }>('/plex/libraries/:key/items', {
    config: { refusals: PLEX_KEYED },
    schema: { operationId: 'listLibraryItems', summary: "A page of one library's items", tags: ['library'], params: libraryParams, querystring: itemsQuery, response: { 200: itemsReply } },
  }, (request, reply) =>
    cached(request, reply, async (token) => {
      const { offset, limit } = request.query;
      const { items, total } = await plex.items(token, request.params.key, offset, limit, request.id);
      return { data: items.slice(0, limit).map(presentItem), meta: { offset, limit, total } };
    }),
  );

  app.get<{ Querystring: { query: string } }>('/plex/search', {
    config: { refusals: PLEX_READ },
    schema: { operationId: 'searchLibrary', summary: 'Search every library', tags: ['library'], querystring: searchQuery, response: { 200: itemListReply } },
  }, (request, reply) =>
    cached(request, reply, async (token) => ({ data: (await plex.search(token, request.query.query, 50, request.id)).map(presentItem) })),
  );

  app.get<{ Querystring: { limit: number } }>('/plex/recently-added', {
    config: { refusals: PLEX_READ },
    schema: { operationId: 'listRecentlyAdded', summary: 'What was added lately', tags: ['library'], querystring: recentQuery, response: { 200: itemListReply } },
  }, (request, reply) =>
    cached(request, reply, async (token) => ({ data: (await plex.recentlyAdded(token, request.query.limit, request.id)).slice(0, request.query.limit).map(presentItem) })),
  );

  app.get<{ Params: { key: string } }>('/plex/libraries/:key/collections', {
    config: { refusals: PLEX_KEYED },
    schema: { operationId: 'listCollections', summary: "One library's collections", tags: ['library'], params: libraryParams, response: { 200: collectionsReply } },
  }, (request, reply) =>
    cached(request, reply, async (token) => ({ data: (await plex.collections(token, request.params.key, request.id)).map(presentCollection) })),
  );

  app.post<{ Params: { key: string } }>('/admin/plex/libraries/:key/refresh', {
    config: { access: 'admin', refusals: PLEX_KEYED },
    schema: { operationId: 'refreshLibrary', summary: 'Ask Plex to rescan a library', tags: ['admin'], params: libraryParams, response: { 202: refreshReply } },
  }, async (request, reply) => {
    await plex.refresh(await plexToken(caller(request).user), request.params.key, request.id);
    announceLibraryChanged(events, `an admin asked Plex to rescan library ${request.params.key}`, clock.now());
    await invalidating;
    return reply.code(202).send(ok({ key: request.params.key, refreshing: true }));
  });
}
