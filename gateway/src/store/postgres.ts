import { DatabaseError, Pool, types, type PoolClient } from 'pg';
import { MIGRATIONS, forPostgres } from './migrations';
import { DatabaseUnavailable, type Database, type Sql } from './sql';

const INT8 = 20;
/** BIGINT and COUNT come back as strings by default: every integer the gateway keeps fits a number. */
const TYPES = { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8 ? Number : types.getTypeParser(oid, format))) as typeof types.getTypeParser };
/** An unreachable database fails a request in this long instead of leaving it hanging. */
const CONNECT_TIMEOUT_MS = 2_000;

/** Connects to a shared PostgreSQL and brings its schema up to date (safely, if other instances start too). */
export async function openPostgres(url: string): Promise<PostgresDatabase> {
  const pool = new Pool({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, types: TYPES });
  // an idle connection the server dropped (a restart) is replaced on the next query; it must not end the process
  pool.on('error', () => undefined);
  const db = new PostgresDatabase(pool);
  try {
    await migrate(db);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return db;
}

type Queryable = Pool | PoolClient;

/** Statements on the pool (any connection) or, inside a transaction, on its one connection. */
class PostgresSql implements Sql {
  constructor(protected readonly target: Queryable, private readonly inTransaction: boolean) {}

  async all<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.query(sql, params)).rows as Row[];
  }

  async get<Row>(sql: string, params: readonly unknown[] = []): Promise<Row | undefined> {
    return (await this.query(sql, params)).rows[0] as Row | undefined;
  }

  async value<Value>(sql: string, params: readonly unknown[] = []): Promise<Value | undefined> {
    const { rows, fields } = await this.query(sql, params);
    return rows[0]?.[fields[0]!.name] as Value | undefined;
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return (await this.query(sql, params)).rowCount ?? 0;
  }

  async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this);
    let client: PoolClient;
    try {
      client = await (this.target as Pool).connect();
    } catch (error) {
      throw new DatabaseUnavailable(error);
    }
    let broken: Error | undefined;
    // a connection dropped between two statements is reported here, then by the next statement: it must not end the process
    const dropped = (error: Error) => (broken = error);
    client.on('error', dropped);
    try {
      const tx = new PostgresSql(client, true);
      await tx.query('BEGIN');
      const result = await work(tx);
      await tx.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((failure: Error) => (broken = failure));
      throw error;
    } finally {
      client.off('error', dropped);
      client.release(broken);
    }
  }

  async lock(key: string): Promise<void> {
    if (!this.inTransaction) throw new Error('a lock is held by a transaction: take it inside one');
    await this.query('SELECT pg_advisory_xact_lock(hashtext(?))', [key]);
  }

  async query(sql: string, params: readonly unknown[] = []) {
    try {
      return await this.target.query(numbered(sql), params as unknown[]);
    } catch (error) {
      throw isConnectionFailure(error) ? new DatabaseUnavailable(error) : error;
    }
  }
}

export class PostgresDatabase extends PostgresSql implements Database {
  readonly dialect = 'postgres';

  constructor(private readonly pool: Pool) {
    super(pool, false);
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}

const numberedSql = new Map<string, string>();

/** `?` placeholders as PostgreSQL's `$1, $2, ...` (the gateway's SQL has no `?` inside literals). */
function numbered(sql: string): string {
  let text = numberedSql.get(sql);
  if (text === undefined) {
    let n = 0;
    numberedSql.set(sql, (text = sql.replace(/\?/g, () => `$${++n}`)));
  }
  return text;
}

/** Errors of reaching the server (refused, timed out, dropped, shutting down), not of the SQL. */
function isConnectionFailure(error: unknown): boolean {
  if (error instanceof DatabaseError) return /^(08|57P)/.test(error.code ?? '');
  return error instanceof Error && /connect|terminat|timeout|not queryable|after calling end/i.test(error.message);
}

/** Every instance may start at once: one migrates under an advisory lock while the others wait, then find nothing to do. */
async function migrate(db: PostgresDatabase): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.lock('medianest schema migrations');
    await tx.run(forPostgres('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)'));
    const applied = new Set((await tx.all<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => row.version));
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await (tx as PostgresSql).query(migration.postgres ?? forPostgres(migration.sql));
      await tx.run('INSERT INTO schema_migrations (version, name) VALUES (?, ?)', [migration.version, migration.name]);
    }
  });
}
