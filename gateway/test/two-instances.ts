import { Pool } from 'pg';
import { postgresMissing, startPostgres, type PostgresServer } from '../../support/servers/postgres-server';
import { buildGateway, type Gateway } from '../src/app';
import { readConfig } from '../src/config';
import { openPostgres } from '../src/store/postgres';
import type { Database } from '../src/store/sql';
import { openSqlite } from '../src/store/sqlite';
import { UserRepository, type User } from '../src/store/users';

/** Two gateway instances' databases: on SQLite one database both use, on PostgreSQL two pools on one server. */
export interface TwoInstances {
  a: Database;
  b: Database;
  close(): Promise<void>;
}

export interface Dialect {
  name: 'sqlite' | 'postgres';
  /** Why the dialect cannot run here; undefined when it can. */
  missing: string | undefined;
  /** Once per test file: PostgreSQL's server starts. */
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
  /** Both instances on an empty, migrated database. */
  open(): Promise<TwoInstances>;
  /** PostgreSQL's server, to pause. */
  server?: () => PostgresServer;
}

const sqlite: Dialect = {
  name: 'sqlite',
  missing: undefined,
  setUp: async () => undefined,
  tearDown: async () => undefined,
  async open() {
    const db = openSqlite(':memory:');
    return { a: db, b: db, close: () => db.close() };
  },
};

let server: PostgresServer | undefined;

const postgres: Dialect = {
  name: 'postgres',
  missing: postgresMissing(),
  async setUp() {
    server = await startPostgres();
  },
  async tearDown() {
    await server?.stop();
  },
  async open() {
    await emptySchema();
    const [a, b] = await Promise.all([openPostgres(server!.url), openPostgres(server!.url)]);
    return { a, b, close: async () => void (await Promise.all([a.close(), b.close()])) };
  },
  server: () => server!,
};

export const DIALECTS = [sqlite, postgres];

/** Drops every table: the next open migrates from nothing. */
export async function emptySchema(): Promise<void> {
  const pool = new Pool({ connectionString: server!.url });
  try {
    await pool.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  } finally {
    await pool.end();
  }
}

export function signInBob(db: Database): Promise<User> {
  return new UserRepository(db).signIn({ plexId: 7, username: 'Bob', email: null, thumb: null, encryptedToken: 'sealed' }, [], 1_000);
}

/** A gateway instance named `instance` on `db`, with no upstreams and a yt-dlp that cannot start. */
export function gatewayOn(db: Database, instance: string, env: Record<string, string> = {}): Promise<Gateway> {
  const config = readConfig({
    PORT: '0',
    JWT_SECRET: 'x'.repeat(32),
    ENCRYPTION_KEY: 'y'.repeat(32),
    INSTANCE_NAME: instance,
    YT_DLP_PATH: '/nonexistent/yt-dlp',
    LOG_LEVEL: 'silent',
    ...env,
  });
  return buildGateway(config, { db, logStream: { write: () => undefined } });
}
