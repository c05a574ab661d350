import type { LoadFigures } from './driver';

/** One side of a comparison: every round measured, and the best of them. */
export interface Side {
  best: LoadFigures;
  rounds: LoadFigures[];
}

/** Runs of each side of a comparison; the best counts. */
export const ROUNDS = 3;

/**
 * Two machines' worth of noise live on a two-core machine: each side of a comparison is measured
 * three times, alternately (A, B, A, B, A, B), and each keeps its best run by `score` (higher is
 * better). `firstA` is side A's first round, measured moments before.
 */
export async function interleaved(firstA: LoadFigures, measureA: () => Promise<LoadFigures>, measureB: () => Promise<LoadFigures>, score: (figures: LoadFigures) => number): Promise<[Side, Side]> {
  const [a, b] = [[firstA], [await measureB()]];
  for (let round = 1; round < ROUNDS; round++) {
    a.push(await measureA());
    b.push(await measureB());
  }
  const side = (rounds: LoadFigures[]): Side => ({ best: rounds.reduce((x, y) => (score(x) >= score(y) ? x : y)), rounds });
  return [side(a), side(b)];
}
