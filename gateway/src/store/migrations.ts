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
  {
    version: 10,
    name: 'media requests, one live request per user and title',
    sql: `
      CREATE TABLE media_requests (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        media_type TEXT NOT NULL CHECK (media_type IN ('movie', 'tv')),
        tmdb_id INTEGER NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        seasons TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL CHECK (status IN ('creating', 'pending', 'approved', 'processing', 'available', 'declined', 'failed')),
        overseerr_request_id INTEGER UNIQUE,
        reason TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      -- the row a create reserves before calling Overseerr: a second identical create collides here
      CREATE UNIQUE INDEX media_requests_live ON media_requests (user_id, media_type, tmdb_id) WHERE status NOT IN ('declined', 'failed');
      CREATE INDEX media_requests_by_user ON media_requests (user_id, created_at, id);
    `,
  },
  {
    version: 11,
    name: 'idempotency keys of media request creation',
    sql: `
      CREATE TABLE idempotency_keys (
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        response TEXT,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, key)
      );
    `,
  },
  {
    version: 20,
    name: 'YouTube downloads and their event streams',
    sql: `
      CREATE TABLE downloads (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        video_id TEXT NOT NULL,
        title TEXT,
        status TEXT NOT NULL CHECK (status IN ('queued', 'downloading', 'completed', 'failed', 'cancelled')),
        progress REAL NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        quality TEXT NOT NULL,
        format TEXT NOT NULL,
        file_name TEXT,
        file_size INTEGER,
        error TEXT,
        created_at INTEGER NOT NULL,
        started_at INTEGER,
        completed_at INTEGER,
        updated_at INTEGER NOT NULL
      );
      -- one live download per user and video: a second one collides here
      CREATE UNIQUE INDEX downloads_active_video ON downloads (user_id, video_id) WHERE status IN ('queued', 'downloading');
      CREATE INDEX downloads_by_user ON downloads (user_id, created_at, id);
      CREATE INDEX downloads_by_status ON downloads (status, created_at, id);
      CREATE TABLE download_events (
        download_id INTEGER NOT NULL REFERENCES downloads(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        type TEXT NOT NULL,
        data TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (download_id, seq)
      );
    `,
  },
];
