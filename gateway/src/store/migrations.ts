export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Schema history, oldest first. Append; never edit a migration that has shipped. */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'users, sign-in PINs, revoked tokens, settings',
    sql: `
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE users (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        plex_id INTEGER NOT NULL UNIQUE,
        username TEXT NOT NULL,
        email TEXT,
        thumb TEXT,
        role TEXT NOT NULL CHECK (role IN ('admin', 'user')),
        plex_token_encrypted TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        last_sign_in_at INTEGER NOT NULL
      );
      CREATE TABLE plex_pins (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        consumed_at INTEGER
      );
      CREATE TABLE revoked_tokens (jti TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
    `,
  },
];
