import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { Clock } from '../clock';
import { ApiError } from '../http/errors';
import type { Role } from '../store/users';

export const TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;
const ISSUER = 'medianest';
const AUDIENCE = 'medianest-api';

export interface TokenClaims {
  userId: number;
  role: Role;
  jti: string;
  expiresAt: number;
}

/** Signs and verifies the gateway's session JWTs: HS256 only, issuer and audience checked. */
export class TokenService {
  private readonly key: Uint8Array;

  constructor(secret: string, private readonly clock: Clock) {
    this.key = new TextEncoder().encode(secret);
  }

  async sign(userId: number, role: Role): Promise<{ token: string; claims: TokenClaims }> {
    const issuedAt = Math.floor(this.clock.now() / 1000);
    const claims: TokenClaims = { userId, role, jti: randomUUID(), expiresAt: (issuedAt + TOKEN_LIFETIME_SECONDS) * 1000 };
    const token = await new SignJWT({ role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(String(userId))
      .setJti(claims.jti)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + TOKEN_LIFETIME_SECONDS)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .sign(this.key);
    return { token, claims };
  }

  /** The token's claims; a 401 `ApiError` for anything not signed by us, current and for this API. */
  async verify(token: string): Promise<TokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: new Date(this.clock.now()),
        requiredClaims: ['sub', 'jti', 'iat', 'exp'],
      });
      const userId = Number(payload.sub);
      if (!Number.isSafeInteger(userId) || (payload.role !== 'admin' && payload.role !== 'user')) throw new Error('claims');
      return { userId, role: payload.role, jti: String(payload.jti), expiresAt: payload.exp! * 1000 };
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new ApiError('TOKEN_EXPIRED', 'Your session has expired: sign in again');
      throw new ApiError('TOKEN_INVALID', 'The token is not valid');
    }
  }
}
