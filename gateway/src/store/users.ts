import type { Sql } from './sql';

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
  'id, plex_id AS "plexId", username, email, thumb, role, created_at AS "createdAt", updated_at AS "updatedAt", last_sign_in_at AS "lastSignInAt"';

export interface PlexIdentity {
  plexId: number;
  username: string;
  email: string | null;
  thumb: string | null;
  encryptedToken: string;
}

/** Users keyed by their Plex account id. */
export class UserRepository {
  constructor(private readonly db: Sql) {}

  /**
   * Creates or updates the account in one transaction, deciding the role of a new account:
   * listed admins are admins; with no list, the first account ever is. Sign-ins take turns, so two
   * instances cannot both create the same account, or both find theirs the first.
   */
  signIn(identity: PlexIdentity, adminUsernames: string[], now: number): Promise<User> {
    return this.db.transaction(async (tx) => {
      await tx.lock('users: sign-in');
      const users = new UserRepository(tx);
      const existing = await tx.value<number>('SELECT id FROM users WHERE plex_id = ?', [identity.plexId]);
      if (existing !== undefined) {
        await tx.run('UPDATE users SET username = ?, email = ?, thumb = ?, plex_token_encrypted = ?, updated_at = ?, last_sign_in_at = ? WHERE id = ?', [
          identity.username, identity.email, identity.thumb, identity.encryptedToken, now, now, existing,
        ]);
        if (adminUsernames.includes(identity.username)) await users.setRole(existing, 'admin', now);
        return (await users.byId(existing))!;
      }
      const isFirst = (await tx.value<number>('SELECT COUNT(*) FROM users')) === 0;
      const role: Role = adminUsernames.includes(identity.username) || (adminUsernames.length === 0 && isFirst) ? 'admin' : 'user';
      const id = await tx.value<number>(
        `INSERT INTO users (plex_id, username, email, thumb, role, plex_token_encrypted, created_at, updated_at, last_sign_in_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [identity.plexId, identity.username, identity.email, identity.thumb, role, identity.encryptedToken, now, now, now],
      );
      return (await users.byId(id!))!;
    });
  }

  byId(id: number): Promise<User | undefined> {
    return this.db.get<User>(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`, [id]);
  }

  list(): Promise<User[]> {
    return this.db.all<User>(`SELECT ${USER_COLUMNS} FROM users ORDER BY created_at, id`);
  }

  async setRole(id: number, role: Role, now: number): Promise<void> {
    await this.db.run('UPDATE users SET role = ?, updated_at = ? WHERE id = ?', [role, now, id]);
  }

  encryptedPlexToken(id: number): Promise<string | undefined> {
    return this.db.value<string>('SELECT plex_token_encrypted FROM users WHERE id = ?', [id]);
  }
}
