import type { User } from '../store/users';

/** A user as the API shows it: never the Plex token, never the Plex account id. */
export function presentUser(user: User) {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    thumb: user.thumb,
    role: user.role,
    createdAt: new Date(user.createdAt).toISOString(),
  };
}
