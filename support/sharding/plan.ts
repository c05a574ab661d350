import type { GherkinDocument, Pickle } from '@cucumber/messages';
import { scenarioId } from '../report/living/catalogue';

/** Shard `index` (from 1) of `total`, as `--shard` spells it: "2/3". */
export interface Shard {
  index: number;
  total: number;
}

/** What Cucumber hands a plugin's `pickles:filter`: a scenario (one Examples row of an outline) and its document. */
export interface ShardablePickle {
  pickle: Pickle;
  gherkinDocument: GherkinDocument;
}

/** Scenario durations by scenario id (support/sharding/scenario-durations.json), in milliseconds. */
export type Durations = Record<string, number>;

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || total < 1 || index < 1 || index > total) throw new Error(`a shard reads INDEX/TOTAL with 1 ≤ INDEX ≤ TOTAL, e.g. 2/3; got "${text}"`);
  return { index, total };
}

/**
 * The scenario's id as the living documentation and the history know it: its file, its name and,
 * for an outline, its Examples row. Pickle ids are random per process and cannot be used.
 */
export function idOf({ pickle, gherkinDocument }: ShardablePickle): string {
  const [scenarioNodeId, rowNodeId] = pickle.astNodeIds;
  const children = gherkinDocument.feature?.children ?? [];
  const scenarios = children.flatMap((child) => (child.rule ? child.rule.children.map((inner) => inner.scenario) : [child.scenario]));
  const scenario = scenarios.find((candidate) => candidate?.id === scenarioNodeId);
  const row = rowNodeId === undefined ? undefined : scenario?.examples.flatMap((examples) => examples.tableBody).find((candidate) => candidate.id === rowNodeId);
  return scenarioId(pickle.uri, scenario?.name ?? pickle.name, row?.cells.map((cell) => cell.value));
}

/**
 * The scenarios of one shard, in Cucumber's order. With durations, the scenarios are packed
 * longest first, each into the shard with the least time so far, so shards finish together; a
 * scenario with no recorded duration counts as the median one. Without durations the split is
 * Cucumber's own `--shard`: every TOTAL-th scenario. Every scenario lands in exactly one shard,
 * and every shard computes the same packing, so CI machines need no coordination.
 */
export function scenariosOfShard<T extends ShardablePickle>(pickles: readonly T[], shard: Shard, durations: Durations): T[] {
  const known = pickles.map((pickle) => durations[idOf(pickle)]).filter((ms): ms is number => ms !== undefined).sort((a, b) => a - b);
  if (!known.length) return pickles.filter((_, position) => position % shard.total === shard.index - 1);
  const median = known[Math.floor(known.length / 2)]!;
  const sized = pickles.map((pickle, position) => ({ position, ms: durations[idOf(pickle)] ?? median }));
  sized.sort((a, b) => b.ms - a.ms || a.position - b.position);
  const loads = Array.from({ length: shard.total }, () => 0);
  const mine = new Set<number>();
  for (const { position, ms } of sized) {
    const lightest = loads.indexOf(Math.min(...loads));
    loads[lightest]! += ms;
    if (lightest === shard.index - 1) mine.add(position);
  }
  return pickles.filter((_, position) => mine.has(position));
}
