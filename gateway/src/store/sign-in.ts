import type { Sql } from './sql';

/**
 * The PINs this gateway created at plex.tv (plex.tv answers 404 for expired and unknown PINs alike),
 * revoked tokens, and the install's settings.
 */
export class SignInRepository {
  constructor(private readonly db: Sql) {}

  async recordPin(id: number, code: string, expiresAt: number, now: number): Promise<void> {
    await this.db.run(
      `INSERT INTO plex_pins (id, code, expires_at, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET code = excluded.code, expires_at = excluded.expires_at, created_at = excluded.created_at, consumed_at = NULL`,
      [id, code, expiresAt, now],
    );
  }

  async pin(id: number): Promise<{ expiresAt: number; consumed: boolean } | undefined> {
    const row = await this.db.get<{ expires_at: number; consumed_at: number | null }>('SELECT expires_at, consumed_at FROM plex_pins WHERE id = ?', [id]);
    return row && { expiresAt: row.expires_at, consumed: row.consumed_at !== null };
  }

  /** A PIN signs in once; replaying it is refused. */
  async consumePin(id: number, now: number): Promise<boolean> {
    return (await this.db.run('UPDATE plex_pins SET consumed_at = ? WHERE id = ? AND consumed_at IS NULL', [now, id])) === 1;
  }

  async revoke(jti: string, expiresAt: number): Promise<void> {
    await this.db.run('INSERT INTO revoked_tokens (jti, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING', [jti, expiresAt]);
  }

  async isRevoked(jti: string): Promise<boolean> {
    return (await this.db.value('SELECT 1 FROM revoked_tokens WHERE jti = ?', [jti])) === 1;
  }

  setting(key: string): Promise<string | undefined> {
    return this.db.value<string>('SELECT value FROM settings WHERE key = ?', [key]);
  }

  /** The setting's value, saving `value` first if it has none: of instances starting together, the first to save wins. */
  async settingOrSave(key: string, value: string): Promise<string> {
    await this.db.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [key, value]);
    return (await this.setting(key))!;
  }
}
