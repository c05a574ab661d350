/**
 * The committed scenario durations that pack shards (support/sharding/scenario-durations.json),
 * refreshed from the history the living documentation keeps (reports/history.jsonl): each
 * scenario's median over its passing runs among the last runs on the embedded target. CI
 * machines keep no history, so the file is committed and refreshed on a developer's machine.
 */
import { writeFileSync } from 'node:fs';
import { readHistory } from '../../support/report/living/history';
import type { Durations } from '../../support/sharding/plan';

export const DURATIONS_FILE = 'support/sharding/scenario-durations.json';
const RUNS = 10;

export interface DurationsFile {
  about: string;
  /** How many runs of the history the medians come from. */
  runs: number;
  scenarios: Durations;
}

/** Rewrites the durations file from the history; returns how many runs it read, 0 when there is none. */
export function refreshDurations(history: string, file = DURATIONS_FILE): number {
  const runs = readHistory(history).filter((run) => run.target === 'embedded').slice(-RUNS);
  if (!runs.length) return 0;
  const samples = new Map<string, number[]>();
  for (const run of runs) {
    for (const scenario of run.scenarios) if (scenario.result === 'passed') samples.set(scenario.id, [...(samples.get(scenario.id) ?? []), scenario.durationMs]);
  }
  const scenarios: Durations = {};
  for (const id of [...samples.keys()].sort()) scenarios[id] = Math.round(median(samples.get(id)!));
  const content: DurationsFile = { about: 'Median milliseconds per scenario on the embedded target; written by `npm run shards` from reports/history.jsonl', runs: runs.length, scenarios };
  writeFileSync(file, `${JSON.stringify(content, null, 1)}\n`);
  return runs.length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
