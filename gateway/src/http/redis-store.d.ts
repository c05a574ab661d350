/** The Redis store of @fastify/rate-limit (a Lua INCR with PEXPIRE, through ioredis' defineCommand), which ships no types of its own. */
declare module '@fastify/rate-limit/store/RedisStore' {
  import type Redis from 'ioredis';
  class RedisStore {
    constructor(continueExceeding: boolean, exponentialBackoff: boolean, redis: Redis, key?: string);
  }
  export = RedisStore;
}
