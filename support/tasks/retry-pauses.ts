/**
 * MediaNest draws the pause before each retry of a read at random, from nothing up to its cap (200 ms,
 * then 400 ms: "full jitter"), from Math.random, its only use of it. A scenario can make every draw
 * come out at its largest, so the pauses an upstream sees are exactly the caps.
 */
const random = Math.random;

export const RetryPauses = {
  /** Every draw just under 1, each a little different (code that draws ids from it stays unique). */
  atTheirLongest(): void {
    let draws = 0;
    Math.random = () => 1 - ++draws * 1e-12;
  },

  /** Draws are random again (after every scenario). */
  random(): void {
    Math.random = random;
  },
};
