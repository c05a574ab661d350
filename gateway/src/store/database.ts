import { openPostgres } from './postgres';
import type { Database } from './sql';
import { openSqlite } from './sqlite';

/** The shared PostgreSQL at `databaseUrl` when one is configured, else the embedded SQLite at `databasePath`. */
export function openDatabase(where: { databaseUrl?: string; databasePath: string }): Promise<Database> {
  return where.databaseUrl ? openPostgres(where.databaseUrl) : Promise.resolve(openSqlite(where.databasePath));
}
