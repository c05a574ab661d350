import { createHash } from 'node:crypto';
import { isUniqueViolation, type Sql } from '../store/sql';

/** How long a key is remembered (CONTRACT.md: 24 h). */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

export type KeyState =
  | { state: 'new' }
  | { state: 'reused' } // same key, another body
  | { state: 'in-flight' } // the first call with this key has not answered yet
  | { state: 'answered'; response: string };

/**
 * `Idempotency-Key`s of one user: a key is claimed with the body's fingerprint before the work is
 * done and answered with the response once it succeeded; a failure forgets it, so a retry runs again.
 */
export class IdempotencyKeys {
  constructor(private readonly db: Sql) {}

  /** What a key means now; call inside the transaction that claims it. */
  async check(userId: number, key: string, fingerprint: string, now: number): Promise<KeyState> {
    await this.db.run('DELETE FROM idempotency_keys WHERE user_id = ? AND key = ? AND created_at <= ?', [userId, key, now - IDEMPOTENCY_WINDOW_MS]);
    const row = await this.db.get<{ fingerprint: string; response: string | null }>('SELECT fingerprint, response FROM idempotency_keys WHERE user_id = ? AND key = ?', [userId, key]);
    if (!row) return { state: 'new' };
    if (row.fingerprint !== fingerprint) return { state: 'reused' };
    return row.response === null ? { state: 'in-flight' } : { state: 'answered', response: row.response };
  }

  /**
   * Claims a key found new; false when another instance claimed it meanwhile (its transaction saw
   * the key new too): the key is then in flight. In a PostgreSQL transaction that ends the transaction.
   */
  async claim(userId: number, key: string, fingerprint: string, now: number): Promise<boolean> {
    try {
      await this.db.run('INSERT INTO idempotency_keys (user_id, key, fingerprint, created_at) VALUES (?, ?, ?, ?)', [userId, key, fingerprint, now]);
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async answer(userId: number, key: string, response: string): Promise<void> {
    await this.db.run('UPDATE idempotency_keys SET response = ? WHERE user_id = ? AND key = ?', [response, userId, key]);
  }

  async forget(userId: number, key: string): Promise<void> {
    await this.db.run('DELETE FROM idempotency_keys WHERE user_id = ? AND key = ? AND response IS NULL', [userId, key]);
  }
}

/** The same body, whatever the order of its fields, has the same fingerprint. */
export function fingerprint(body: unknown): string {
  return createHash('sha256').update(canonical(body)).digest('base64url');
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
