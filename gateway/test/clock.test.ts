import assert from 'node:assert/strict';
import { test } from 'node:test';
import { virtualClock } from '../../support/clock';
import { TokenService } from '../src/auth/tokens';
import { sleep } from '../src/clock';

test('advancing the virtual clock expires a token and fires gateway timers, while real timers stay real', async () => {
  const clock = virtualClock();
  try {
    const tokens = new TokenService('a-secret-of-at-least-thirty-two-characters', clock);
    const { token } = await tokens.sign(1, 'user');
    assert.equal((await tokens.verify(token)).userId, 1);

    let fired = false;
    void sleep(clock, 10_000).then(() => (fired = true));
    const realStart = performance.now();
    const realTimer = new Promise((resolve) => setTimeout(resolve, 20));

    await clock.advance(24 * 60 * 60 * 1000);

    assert.equal(fired, true, 'a timer set on the clock fired');
    await assert.rejects(tokens.verify(token), { code: 'TOKEN_EXPIRED' });
    assert.ok(Math.abs(Date.now() - clock.now()) < 5, 'Date follows the virtual clock');
    await realTimer;
    assert.ok(performance.now() - realStart < 2_000, 'the real timer still ran on real time');
  } finally {
    clock.uninstall();
  }
});

test('sleep on a clock stops when its signal aborts', async () => {
  const clock = virtualClock();
  try {
    const controller = new AbortController();
    const waiting = sleep(clock, 5_000, controller.signal);
    controller.abort(new Error('gave up'));
    await assert.rejects(waiting, /gave up/);
  } finally {
    clock.uninstall();
  }
});
