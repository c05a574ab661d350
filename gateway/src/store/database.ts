import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

/** Opens the embedded SQL database and brings its schema up to date. */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path === ':memory:' ? migratedInMemory() : path);
  cacheStatements(db);
  db.pragma('foreign_keys = ON');
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  migrate(db);
  return db;
}

let emptyMigrated: Buffer | undefined;

/**
 * An in-memory database starts as a copy of one migrated once per process (serialized, then
 * deserialized each time): tests open one per scenario, and running every migration again cost
 * more than copying its result. `migrate` still runs on the copy and finds nothing to do.
 */
function migratedInMemory(): Buffer {
  if (!emptyMigrated) {
    const template = new Database(':memory:');
    template.pragma('foreign_keys = ON');
    migrate(template);
    emptyMigrated = template.serialize();
    template.close();
  }
  return emptyMigrated;
}

/**
 * Repositories write their SQL inline; compiling it again on every call cost the hot read paths
 * about a tenth of their time, so each distinct SQL text is prepared once per database. A shared
 * statement comes back in the default mode; call sites that want `pluck()` set it on every use.
 */
function cacheStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const statements = new Map<string, ReturnType<Db['prepare']>>();
  db.prepare = ((sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = prepare(sql)));
    return statement.reader ? statement.pluck(false) : statement;
  }) as Db['prepare'];
}

function migrate(db: Db): void {
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

/** Whether the database answers a query: what readiness means. */
export function isReachable(db: Db): boolean {
  try {
    return db.prepare('SELECT 1').pluck().get() === 1;
  } catch {
    return false;
  }
}
