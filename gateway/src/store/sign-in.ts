import type { Db } from './database';

/**
 * The PINs this gateway created at plex.tv (plex.tv answers 404 for expired and unknown PINs alike),
 * revoked tokens, and the install's settings.
 */
export class SignInRepository {
  constructor(private readonly db: Db) {}

  recordPin(id: number, code: string, expiresAt: number, now: number): void {
    this.db.prepare('INSERT OR REPLACE INTO plex_pins (id, code, expires_at, created_at) VALUES (?, ?, ?, ?)').run(id, code, expiresAt, now);
  }

  pin(id: number): { expiresAt: number; consumed: boolean } | undefined {
    const row = this.db.prepare('SELECT expires_at, consumed_at FROM plex_pins WHERE id = ?').get(id) as
      | { expires_at: number; consumed_at: number | null }
      | undefined;
    return row && { expiresAt: row.expires_at, consumed: row.consumed_at !== null };
  }

  /** A PIN signs in once; replaying it is refused. */
  consumePin(id: number, now: number): boolean {
    return this.db.prepare('UPDATE plex_pins SET consumed_at = ? WHERE id = ? AND consumed_at IS NULL').run(now, id).changes === 1;
  }

  revoke(jti: string, expiresAt: number): void {
    this.db.prepare('INSERT OR IGNORE INTO revoked_tokens (jti, expires_at) VALUES (?, ?)').run(jti, expiresAt);
  }

  isRevoked(jti: string): boolean {
    return this.db.prepare('SELECT 1 FROM revoked_tokens WHERE jti = ?').pluck().get(jti) === 1;
  }

  setting(key: string): string | undefined {
    return this.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  }

  saveSetting(key: string, value: string): void {
    this.db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run(key, value);
  }
}
