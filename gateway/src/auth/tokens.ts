import { randomUUID, webcrypto } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { Clock } from '../clock';
import { ApiError } from '../http/errors';
import type { Role } from '../store/users';

export const TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;
const ISSUER = 'medianest';
const AUDIENCE = 'medianest-api';
const VERIFIED_TOKENS_KEPT = 10_000;

export interface TokenClaims {
  userId: number;
  role: Role;
  jti: string;
  expiresAt: number;
}

/** Signs and verifies the gateway's session JWTs: HS256 only, issuer and audience checked. */
export class TokenService {
  /** Tokens already verified, so a busy session is not verified again on every call (oldest dropped first). */
  private readonly verified = new Map<string, TokenClaims>();
  /**
   * Tokens being verified now: a burst of calls with a token not seen yet waits for one
   * verification instead of starting one each (50 at once queued on the crypto thread pool and
   * gave a burst on a busy machine a tail many times a bare route's).
   */
  private readonly verifying = new Map<string, Promise<TokenClaims>>();
  /** Imported once: handing jose the raw bytes would import a key on every sign and verify. */
  private readonly key: Promise<webcrypto.CryptoKey>;

  constructor(secret: string, private readonly clock: Clock) {
    this.key = webcrypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
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
      .sign(await this.key);
    return { token, claims };
  }

  /** The token's claims; a 401 `ApiError` for anything not signed by us, current and for this API. */
  async verify(token: string): Promise<TokenClaims> {
    const known = this.recall(token);
    if (known) return known;
    let verifying = this.verifying.get(token);
    if (!verifying) {
      verifying = this.verifySignedClaims(token)
        .then((claims) => {
          if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value!);
          this.verified.set(token, claims);
          return claims;
        })
        .finally(() => this.verifying.delete(token));
      this.verifying.set(token, verifying);
    }
    return verifying;
  }

  /**
   * The claims of a token verified before, at once (no promise: the busiest path of a cached read),
   * or undefined for a token not seen yet. The same token string always verifies the same way,
   * except for its expiry: that alone is checked again, and a 401 `ApiError` once it has passed.
   */
  recall(token: string): TokenClaims | undefined {
    const known = this.verified.get(token);
    if (known && known.expiresAt <= this.clock.now()) throw new ApiError('TOKEN_EXPIRED', 'Your session has expired: sign in again');
    return known;
  }

  private async verifySignedClaims(token: string): Promise<TokenClaims> {
    try {
      const { payload } = await jwtVerify(token, await this.key, {
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
