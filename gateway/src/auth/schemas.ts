import { envelope, enumOf, integer, nullable, object, recordId, string, type Schema } from '../http/envelope';

export const userSchema: Schema = object({
  id: integer,
  username: string,
  email: nullable(string),
  thumb: nullable(string),
  role: enumOf('admin', 'user'),
  createdAt: string,
});

export const createPinBody: Schema = object({ clientName: { type: 'string', minLength: 1, maxLength: 100 } }, []);
export const createPinReply = envelope(object({ id: integer, code: string, authUrl: string, expiresAt: string }));

export const verifyBody: Schema = object({ pinId: recordId });
export const verifyReply = envelope(object({ user: userSchema, token: string, expiresAt: string }));

export const sessionReply = envelope(object({ user: userSchema, expiresAt: string }));

export const usersReply = envelope({ type: 'array', items: userSchema });
export const userIdParams: Schema = object({ id: recordId });
export const roleBody: Schema = object({ role: enumOf('admin', 'user') });
export const userReply = envelope(userSchema);
