import Redis from 'ioredis';
import { Pool } from 'pg';
import { startPostgres, type PostgresServer } from '../servers/postgres-server';
import { startRedis, type RedisServer } from '../servers/redis-server';

/** The migrations' own bookkeeping survives a reset: the schema stays migrated. */
const KEPT_TABLES = /migrations/;
/** PostgreSQL's SQLSTATE for a table that does not exist. */
const UNDEFINED_TABLE = '42P01';
/** How long the suite waits for PostgreSQL or Redis before a reset fails (both are on loopback). */
const CONNECT_TIMEOUT_MS = 2_000;

/**
 * The PostgreSQL and Redis the cluster's instances share, started once per run, and the suite's
 * own connections to them: emptied before each scenario, taken down and brought back by the
 * scenarios about outages.
 */
export class ClusterServers {
  /** Servers a scenario took down, brought back before the next one. */
  private readonly paused = new Set<'PostgreSQL' | 'Redis'>();

  private constructor(
    private readonly postgres: PostgresServer,
    private readonly redis: RedisServer,
    private readonly sql: Pool,
    private readonly keys: Redis,
  ) {}

  static async start(): Promise<ClusterServers> {
    const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    const sql = new Pool({ connectionString: postgres.url, max: 1, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    // while a scenario holds a server down, the suite's idle connection to it breaks: that is expected
    sql.on('error', () => undefined);
    const keys = new Redis(redis.url, { lazyConnect: true, connectTimeout: CONNECT_TIMEOUT_MS, maxRetriesPerRequest: 1 });
    keys.on('error', () => undefined);
    return new ClusterServers(postgres, redis, sql, keys);
  }

  /** The servers' ports: PostgreSQL's, then Redis's. */
  get ports(): number[] {
    return [this.postgres.port, this.redis.port];
  }

  /** What the instances are told: DATABASE_URL and REDIS_URL. */
  get environment(): Record<string, string> {
    return { DATABASE_URL: this.postgres.url, REDIS_URL: this.redis.url };
  }

  /**
   * An empty schema and an empty Redis: every table but the migrations' emptied in one statement,
   * identities restarted (the first user is 1 again, as on a fresh gateway), and FLUSHDB.
   */
  async reset(): Promise<void> {
    const tables = (await this.sql.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()")).rows
      .map((row) => row.name)
      .filter((name) => !KEPT_TABLES.test(name));
    if (tables.length) await this.sql.query(`TRUNCATE ${tables.map((name) => `"${name}"`).join(', ')} RESTART IDENTITY CASCADE`);
    await this.keys.flushdb();
  }

  /** What the gateway is still doing for a scenario that ended: downloads that have not finished, requests Overseerr has not answered. */
  async workInFlight(): Promise<string[]> {
    try {
      const { rows } = await this.sql.query<{ what: string }>(
        `SELECT 'download ' || id || ' ' || status AS what FROM downloads WHERE status IN ('queued', 'downloading')
         UNION ALL SELECT 'media request ' || id || ' ' || status FROM media_requests WHERE status = 'creating'`,
      );
      return rows.map((row) => row.what);
    } catch (error) {
      // no such table: the instances keep nothing in this database, so nothing of theirs is in flight
      if ((error as { code?: string }).code === UNDEFINED_TABLE) return [];
      throw error;
    }
  }

  async pause(server: 'PostgreSQL' | 'Redis'): Promise<void> {
    this.paused.add(server);
    await (server === 'PostgreSQL' ? this.postgres : this.redis).pause();
  }

  async resume(server: 'PostgreSQL' | 'Redis'): Promise<void> {
    await (server === 'PostgreSQL' ? this.postgres : this.redis).resume();
    this.paused.delete(server);
  }

  /** Brings back what a scenario took down; true when there was something to bring back. */
  async restore(): Promise<boolean> {
    const paused = [...this.paused];
    for (const server of paused) await this.resume(server);
    return paused.length > 0;
  }

  async stop(): Promise<void> {
    await this.sql.end().catch(() => undefined);
    this.keys.disconnect();
    await Promise.all([this.postgres.stop(), this.redis.stop()]);
  }
}
