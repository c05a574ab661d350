/** The in-memory store of @fastify/rate-limit (fixed windows, Date.now()), which ships no types of its own. */
declare module '@fastify/rate-limit/store/LocalStore' {
  interface Counted {
    current: number;
    ttl: number;
  }
  class LocalStore {
    constructor(continueExceeding: boolean, exponentialBackoff: boolean, cache?: number);
    incr(key: string, callback: (error: Error | null, counted?: Counted) => void, timeWindow: number, max: number): void;
  }
  export = LocalStore;
}
