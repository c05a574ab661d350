/**
 * The one way repositories reach their database, embedded SQLite or a shared PostgreSQL alike.
 * SQL is written once, with `?` placeholders and forms both understand (`ON CONFLICT`,
 * `RETURNING id`, quoted camelCase aliases); integers come back as numbers on both.
 */
export interface Sql {
  all<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  get<Row>(sql: string, params?: readonly unknown[]): Promise<Row | undefined>;
  /** The first column of the first row. */
  value<Value>(sql: string, params?: readonly unknown[]): Promise<Value | undefined>;
  /** Runs a statement; how many rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /**
   * Runs `work` in one transaction on one connection; `tx` is that connection. Called on a `tx`,
   * the work joins the transaction already open.
   */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /**
   * Inside a transaction: waits for, then holds until it ends, the lock named `key`, so work that
   * reads then writes (a quota, a next sequence number) is not interleaved with the same work of
   * another instance. SQLite needs none: its transactions already run one at a time.
   */
  lock(key: string): Promise<void>;
}

/** A database as the gateway holds it. */
export interface Database extends Sql {
  readonly dialect: 'sqlite' | 'postgres';
  close(): Promise<void>;
}

/** The database cannot be reached (closed, down, or not answering in time): a 503, not a 500. */
export class DatabaseUnavailable extends Error {
  constructor(cause: unknown) {
    super(`the database is unavailable: ${(cause as Error)?.message ?? String(cause)}`, { cause });
  }
}

/** Whether the database answers a query: what readiness means. */
export async function isReachable(db: Sql): Promise<boolean> {
  try {
    return (await db.value('SELECT 1')) === 1;
  } catch {
    return false;
  }
}

/** A row that would break a unique constraint or primary key: SQLite's and PostgreSQL's codes. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
