import type { Db } from './database';

export type Role = 'admin' | 'user';

export interface User {
  id: number;
  plexId: number;
  username: string;
  email: string | null;
  thumb: string | null;
  role: Role;
  createdAt: number;
  updatedAt: number;
  lastSignInAt: number;
}

/** The columns of a `User`, named as its fields: rows come back as users, with no copying. */
const USER_COLUMNS =
  'id, plex_id AS plexId, username, email, thumb, role, created_at AS createdAt, updated_at AS updatedAt, last_sign_in_at AS lastSignInAt';

export interface PlexIdentity {
  plexId: number;
  username: string;
  email: string | null;
  thumb: string | null;
  encryptedToken: string;
}

/** Users keyed by their Plex account id. */
export class UserRepository {
  constructor(private readonly db: Db) {}

  /**
   * Creates or updates the account in one transaction, deciding the role of a new account:
   * listed admins are admins; with no list, the first account ever is.
   */
  signIn(identity: PlexIdentity, adminUsernames: string[], now: number): User {
    return this.db.transaction(() => {
      const existing = this.db.prepare('SELECT id FROM users WHERE plex_id = ?').get(identity.plexId) as { id: number } | undefined;
      if (existing) {
        this.db
          .prepare('UPDATE users SET username = ?, email = ?, thumb = ?, plex_token_encrypted = ?, updated_at = ?, last_sign_in_at = ? WHERE id = ?')
          .run(identity.username, identity.email, identity.thumb, identity.encryptedToken, now, now, existing.id);
        if (adminUsernames.includes(identity.username)) this.setRole(existing.id, 'admin', now);
        return this.byId(existing.id)!;
      }
      const isFirst = this.db.prepare('SELECT COUNT(*) FROM users').pluck().get() === 0;
      const role: Role = adminUsernames.includes(identity.username) || (adminUsernames.length === 0 && isFirst) ? 'admin' : 'user';
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO users (plex_id, username, email, thumb, role, plex_token_encrypted, created_at, updated_at, last_sign_in_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(identity.plexId, identity.username, identity.email, identity.thumb, role, identity.encryptedToken, now, now, now);
      return this.byId(Number(lastInsertRowid))!;
    })();
  }

  byId(id: number): User | undefined {
    return this.db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`).get(id) as User | undefined;
  }

  list(): User[] {
    return this.db.prepare(`SELECT ${USER_COLUMNS} FROM users ORDER BY created_at, id`).all() as User[];
  }

  setRole(id: number, role: Role, now: number): void {
    this.db.prepare('UPDATE users SET role = ?, updated_at = ? WHERE id = ?').run(role, now, id);
  }

  encryptedPlexToken(id: number): string | undefined {
    return this.db.prepare('SELECT plex_token_encrypted FROM users WHERE id = ?').pluck().get(id) as string | undefined;
  }
}
