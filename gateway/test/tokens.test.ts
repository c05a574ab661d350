import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TOKEN_LIFETIME_SECONDS, TokenService } from '../src/auth/tokens';
import type { Clock } from '../src/clock';

const SECRET = 'a-signing-secret-of-at-least-thirty-two-chars';

function clockAt(start: number): Clock & { advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    advance: (ms) => void (now += ms),
    setTimeout: () => {
      throw new Error('not used');
    },
    clearTimeout: () => undefined,
  };
}

const code = (code: string) => (error: unknown) => (error as { code?: string }).code === code;

test('a signed token verifies to its claims, and is recalled at once afterwards', async () => {
  const tokens = new TokenService(SECRET, clockAt(Date.UTC(2026, 0, 1)));
  const { token, claims } = await tokens.sign(7, 'admin');
  assert.equal(tokens.recall(token), undefined, 'not verified yet');
  assert.deepEqual(await tokens.verify(token), claims);
  assert.deepEqual(tokens.recall(token), claims);
});

test('a recalled token still expires with its lifetime', async () => {
  const clock = clockAt(Date.UTC(2026, 0, 1));
  const tokens = new TokenService(SECRET, clock);
  const { token } = await tokens.sign(7, 'user');
  await tokens.verify(token);
  clock.advance(TOKEN_LIFETIME_SECONDS * 1000 - 1);
  assert.ok(tokens.recall(token));
  clock.advance(1);
  assert.throws(() => tokens.recall(token), code('TOKEN_EXPIRED'));
  await assert.rejects(tokens.verify(token), code('TOKEN_EXPIRED'));
});

test('a token signed with another secret, or altered, is refused and never recalled', async () => {
  const clock = clockAt(Date.UTC(2026, 0, 1));
  const tokens = new TokenService(SECRET, clock);
  const { token: foreign } = await new TokenService('another-secret-of-at-least-thirty-two-chars', clock).sign(7, 'admin');
  await assert.rejects(tokens.verify(foreign), code('TOKEN_INVALID'));
  assert.equal(tokens.recall(foreign), undefined);

  const { token } = await tokens.sign(7, 'user');
  const [header, payload, signature] = token.split('.');
  const promoted = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'admin' })).toString('base64url');
  await assert.rejects(tokens.verify(`${header}.${promoted}.${signature}`), code('TOKEN_INVALID'));
});
