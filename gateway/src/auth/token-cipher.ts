import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Keeps users' Plex tokens encrypted at rest: AES-256-GCM, a fresh IV each time. */
export class TokenCipher {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHash('sha256').update(secret).digest();
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(plain), cipher.final()]); // a string is read as UTF-8
    return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url')).join('.');
  }

  /** The token, or undefined when it was sealed with another key (ENCRYPTION_KEY changed) or altered. */
  decrypt(stored: string): string | undefined {
    const [iv, tag, sealed] = stored.split('.').map((part) => Buffer.from(part, 'base64url'));
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv!);
      decipher.setAuthTag(tag!);
      return Buffer.concat([decipher.update(sealed!), decipher.final()]).toString('utf8');
    } catch {
      // the authentication tag does not match: another key sealed it, or it was altered
    }
    return undefined;
  }
}
