import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ApiError } from '../http/errors';
import { noContent, ok } from '../http/envelope';
import { routeLimit } from '../http/rate-limits';
import { UPSTREAM_FAILURES } from '../http/route-contract';
import type { GatewayServices } from '../services';
import type { User } from '../store/users';
import { caller, CSRF_COOKIE, SESSION_COOKIE } from './guard';
import { presentUser } from './present';
import { createPinBody, createPinReply, sessionReply, verifyBody, verifyReply } from './schemas';

/** Sign-in with a Plex PIN, the session, and logout (CONTRACT.md, "Authentication"). */
export async function authRoutes(app: FastifyInstance, { services }: { services: GatewayServices }) {
  const { clock, config, plexTv, signIns, users, tokens, cipher } = services;

  app.post('/auth/plex/pin', {
    config: { access: 'public', rateLimit: routeLimit('pin', config.rateLimits.pinPerMinute), refusals: [...UPSTREAM_FAILURES, 'DATABASE_UNAVAILABLE'] },
    schema: { operationId: 'createPin', summary: 'Ask plex.tv for a sign-in PIN', tags: ['auth'], body: createPinBody, response: { 201: createPinReply } },
  }, async (request, reply) => {
    const pin = await plexTv.createPin(request.id);
    await signIns.recordPin(pin.id, pin.code, Date.parse(pin.expiresAt), clock.now());
    return reply.code(201).send(ok({ id: pin.id, code: pin.code, authUrl: plexTv.authUrl(pin.code), expiresAt: pin.expiresAt }));
  });

  app.post<{ Body: { pinId: number } }>('/auth/plex/verify', {
    config: {
      access: 'public',
      rateLimit: routeLimit('verify', config.rateLimits.verifyPerMinute),
      refusals: ['PIN_NOT_AUTHORIZED', 'PIN_NOT_FOUND', 'PIN_EXPIRED', 'PLEX_TOKEN_INVALID', ...UPSTREAM_FAILURES, 'DATABASE_UNAVAILABLE'],
    },
    schema: { operationId: 'verifyPin', summary: 'Sign in with a PIN approved at plex.tv', tags: ['auth'], body: verifyBody, response: { 200: verifyReply } },
  }, async (request, reply) => {
    const { pinId } = request.body;
    // Only PINs this gateway asked plex.tv for: one made at plex.tv some other way, even for
    // MediaNest's client id, would be a way in that the single-use record could not guard.
    const known = await signIns.pin(pinId);
    if (!known) throw new ApiError('PIN_NOT_FOUND', 'No such PIN');
    if (known.consumed) throw new ApiError('PIN_NOT_FOUND', 'This PIN was already used to sign in');
    if (known.expiresAt <= clock.now()) throw new ApiError('PIN_EXPIRED', 'The PIN has expired: start again');
    const pin = await plexTv.pin(pinId, request.id);
    if (!pin) throw new ApiError('PIN_NOT_FOUND', 'No such PIN');
    if (!pin.authToken) throw new ApiError('PIN_NOT_AUTHORIZED', 'The PIN has not been approved at plex.tv yet');
    const account = await plexTv.account(pin.authToken, request.id);
    if (!(await signIns.consumePin(pinId, clock.now()))) throw new ApiError('PIN_NOT_FOUND', 'This PIN was already used to sign in');
    const identity = { plexId: account.id, username: account.username, email: account.email, thumb: account.thumb, encryptedToken: cipher.encrypt(pin.authToken) };
    const user = await users.signIn(identity, config.adminPlexUsernames, clock.now());
    const { token, expiresAt } = await startSession(reply, user);
    return ok({ user: presentUser(user), token, expiresAt });
  });

  app.get('/auth/session', {
    schema: { operationId: 'getSession', summary: 'Who is signed in, until when', tags: ['auth'], response: { 200: sessionReply } },
  }, async (request) => {
    const { user, claims } = caller(request);
    return ok({ user: presentUser(user), expiresAt: new Date(claims.expiresAt).toISOString() });
  });

  app.post('/auth/logout', {
    schema: { operationId: 'logout', summary: 'Sign out: the token is revoked at once', tags: ['auth'], response: { 204: noContent('Signed out') } },
  }, async (request, reply) => {
    const { claims } = caller(request);
    await signIns.revoke(claims.jti, claims.expiresAt);
    services.events.sessionRevoked(claims.jti);
    return reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' }).code(204).send();
  });

  async function startSession(reply: FastifyReply, user: User) {
    const { token, claims } = await tokens.sign(user.id, user.role);
    const cookie = { path: '/', sameSite: 'lax' as const, secure: config.nodeEnv === 'production', expires: new Date(claims.expiresAt) };
    reply.setCookie(SESSION_COOKIE, token, { ...cookie, httpOnly: true });
    reply.setCookie(CSRF_COOKIE, randomBytes(24).toString('base64url'), { ...cookie, httpOnly: false });
    return { token, expiresAt: new Date(claims.expiresAt).toISOString() };
  }
}
