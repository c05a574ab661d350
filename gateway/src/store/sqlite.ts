import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS } from './migrations';
import { DatabaseUnavailable, type Database, type Sql } from './sql';

type Statement = BetterSqlite3.Statement<unknown[], unknown>;

/** Opens the embedded SQLite database (a file, or `:memory:`) and brings its schema up to date. */
export function openSqlite(path: string): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new BetterSqlite3(path === ':memory:' ? migratedInMemory() : path);
  db.pragma('foreign_keys = ON');
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  migrate(db);
  return new SqliteDatabase(db);
}

/** Statements run on the one connection, synchronously; the promises only give them the port's shape. */
class SqliteConnection implements Sql {
  constructor(
    protected readonly db: BetterSqlite3.Database,
    /**
     * Repositories write their SQL inline; compiling it again on every call cost the hot read paths
     * about a tenth of their time, so each distinct SQL text is prepared once per database.
     */
    protected readonly statements = new Map<string, Statement>(),
  ) {}

  async all<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return this.statement(sql).pluck(false).all(...params) as Row[];
  }

  async get<Row>(sql: string, params: readonly unknown[] = []): Promise<Row | undefined> {
    return this.statement(sql).pluck(false).get(...params) as Row | undefined;
  }

  async value<Value>(sql: string, params: readonly unknown[] = []): Promise<Value | undefined> {
    return this.statement(sql).pluck(true).get(...params) as Value | undefined;
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return this.statement(sql).run(...params).changes;
  }

  /** Already inside the transaction: the work joins it. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    return work(this);
  }

  async lock(): Promise<void> {}

  protected statement(sql: string): Statement {
    if (!this.db.open) throw new DatabaseUnavailable(new Error('the SQLite database was closed'));
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }
}

/**
 * better-sqlite3 runs a transaction's statements synchronously, but the port's work is async: between
 * two of its awaits another request could run a statement on the same connection, inside the
 * transaction, and be rolled back with it. So transactions run one at a time, in order, and a
 * statement outside any transaction waits while one is open. Work inside a transaction awaits
 * database calls only (each settles at once), so a transaction still holds the connection for
 * one turn of the event loop, as `db.transaction()` did.
 */
export class SqliteDatabase extends SqliteConnection implements Database {
  readonly dialect = 'sqlite';
  private open = false;
  private readonly tx = new SqliteConnection(this.db, this.statements);
  /** Settles once every transaction asked for so far has ended. */
  private queue: Promise<unknown> = Promise.resolve();

  override async all<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]> {
    while (this.open) await this.queue;
    return super.all(sql, params);
  }

  override async get<Row>(sql: string, params?: readonly unknown[]): Promise<Row | undefined> {
    while (this.open) await this.queue;
    return super.get(sql, params);
  }

  override async value<Value>(sql: string, params?: readonly unknown[]): Promise<Value | undefined> {
    while (this.open) await this.queue;
    return super.value(sql, params);
  }

  override async run(sql: string, params?: readonly unknown[]): Promise<number> {
    while (this.open) await this.queue;
    return super.run(sql, params);
  }

  override transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    const done = this.queue.then(() => this.inTransaction(work));
    this.queue = done.catch(() => undefined);
    return done;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private async inTransaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    this.open = true;
    try {
      this.statement('BEGIN').run();
      try {
        const result = await work(this.tx);
        this.statement('COMMIT').run();
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.statement('ROLLBACK').run();
        throw error;
      }
    } finally {
      this.open = false;
    }
  }
}

let emptyMigrated: Buffer | undefined;

/**
 * An in-memory database starts as a copy of one migrated once per process (serialized, then
 * deserialized each time): tests open one per scenario, and running every migration again cost
 * more than copying its result. `migrate` still runs on the copy and finds nothing to do.
 */
function migratedInMemory(): Buffer {
  if (!emptyMigrated) {
    const template = new BetterSqlite3(':memory:');
    template.pragma('foreign_keys = ON');
    migrate(template);
    emptyMigrated = template.serialize();
    template.close();
  }
  return emptyMigrated;
}

function migrate(db: BetterSqlite3.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)');
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)').run(migration.version, migration.name);
    })();
  }
}
