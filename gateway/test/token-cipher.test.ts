import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TokenCipher } from '../src/auth/token-cipher';

test('a Plex token survives a round trip and is not stored as itself', () => {
  const cipher = new TokenCipher('an-encryption-key-of-thirty-two-chars!!');
  const sealed = cipher.encrypt('plex-token-123');
  assert.doesNotMatch(sealed, /plex-token-123/);
  assert.notEqual(cipher.encrypt('plex-token-123'), sealed, 'a fresh IV each time');
  assert.equal(cipher.decrypt(sealed), 'plex-token-123');
});

test('a tampered or foreign ciphertext is refused', () => {
  const cipher = new TokenCipher('an-encryption-key-of-thirty-two-chars!!');
  const [iv, tag, data] = cipher.encrypt('plex-token-123').split('.');
  assert.equal(cipher.decrypt(`${iv}.${tag}.${data!.slice(0, -2)}AA`), undefined);
  assert.equal(new TokenCipher('another-key-of-thirty-two-characters!!').decrypt(`${iv}.${tag}.${data}`), undefined);
});
