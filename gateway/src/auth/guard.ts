import type { FastifyRequest } from 'fastify';
import { ApiError } from '../http/errors';
import type { GatewayServices } from '../services';
import type { User } from '../store/users';
import type { TokenClaims } from './tokens';

export const SESSION_COOKIE = 'medianest_session';
export const CSRF_COOKIE = 'medianest_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export type Access = 'public' | 'user' | 'admin';

export interface Authenticated {
  user: User;
  claims: TokenClaims;
  /** Signed in by the session cookie (the web portal) rather than a bearer token: writes then need the CSRF header. */
  byCookie: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth?: Authenticated;
    authFailure?: ApiError;
  }
  interface FastifyContextConfig {
    /** Who may call the route: a route that does not say is for signed-in users (forgetting to say closes it, never opens it). */
    access?: Access;
    /** False exempts the route from the per-user and per-IP limits. */
    rateLimited?: boolean;
  }
}

/** Verifies a token and loads its user: any failure is a 401 `ApiError`. */
export async function authenticateToken(services: GatewayServices, token: string): Promise<{ user: User; claims: TokenClaims }> {
  return sessionOf(services, services.tokens.recall(token) ?? (await services.tokens.verify(token)));
}

/** The user behind verified claims, unless the session was signed out or the account is gone. */
async function sessionOf(services: GatewayServices, claims: TokenClaims): Promise<{ user: User; claims: TokenClaims }> {
  if (await services.signIns.isRevoked(claims.jti)) throw new ApiError('TOKEN_REVOKED', 'This session was signed out');
  const user = await services.users.byId(claims.userId);
  if (!user) throw new ApiError('TOKEN_INVALID', 'The token is not valid');
  return { user, claims };
}

/**
 * Works out who is calling, without refusing anyone yet (the rate limiter needs to know first).
 * A call without a token is settled at once; one with a token waits for the database.
 */
export function identify(services: GatewayServices, request: FastifyRequest): Promise<void> | undefined {
  const header = request.headers.authorization;
  const cookie = request.cookies[SESSION_COOKIE]; // @fastify/cookie parses every request's, before this hook
  if (header === undefined && !cookie) return undefined;
  const byCookie = header === undefined;
  const settle = (session: { user: User; claims: TokenClaims }) => void (request.auth = { user: session.user, claims: session.claims, byCookie });
  const refuse = (error: unknown): undefined => {
    if (!(error instanceof ApiError)) throw error;
    request.authFailure = error;
    return undefined;
  };
  try {
    let token = cookie!;
    if (header !== undefined) {
      const [scheme, value] = header.split(' ');
      if (scheme!.toLowerCase() !== 'bearer' || !value) throw new ApiError('TOKEN_INVALID', 'Send the token as "Bearer <token>"');
      token = value;
    }
    const known = services.tokens.recall(token);
    const session = known ? sessionOf(services, known) : services.tokens.verify(token).then((claims) => sessionOf(services, claims));
    return session.then(settle, refuse);
  } catch (error) {
    return refuse(error);
  }
}

/** Refuses the request unless its caller may use the route; cookie sessions also need the CSRF header to write. */
export function enforce(request: FastifyRequest): void {
  if (request.is404) return; // an address no route answers is answered 404 or 405, signed in or not
  const access = request.routeOptions.config.access; // saying nothing is 'user'
  if (access === 'public') return;
  if (!request.auth) throw request.authFailure ?? new ApiError('UNAUTHORIZED', 'Sign in first');
  if (access === 'admin' && request.auth.user.role !== 'admin') throw new ApiError('FORBIDDEN', 'Only an admin may do this');
  if (request.auth.byCookie && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method)) {
    const expected = request.cookies[CSRF_COOKIE]; // a cookie session came with cookies
    if (!expected || request.headers[CSRF_HEADER] !== expected) {
      throw new ApiError('CSRF_INVALID', 'Send the X-CSRF-Token header with the value of the medianest_csrf cookie');
    }
  }
}

/** The signed-in caller of a route whose access is 'user' or 'admin': enforce() refused everyone else before the handler. */
export function caller(request: FastifyRequest): Authenticated {
  return request.auth!;
}
