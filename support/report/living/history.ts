import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { capabilityOf } from './catalogue';
import type { Result, RunResults } from './read-run';

export interface HistoryScenario {
  id: string;
  result: Result;
  attempts: number;
  durationMs: number;
}

/** One line of `reports/history.jsonl`: one run. */
export interface HistoryRun {
  time: string;
  commit: string;
  profile: string;
  target: string;
  scenarios: HistoryScenario[];
}

export interface ScenarioTrend {
  id: string;
  results: Array<Result | null>;
}

export interface HistoryView {
  runs: Array<Pick<HistoryRun, 'time' | 'commit' | 'profile' | 'target'>>;
  /** Per capability, per run (oldest first): passed and failed counts. */
  capabilities: Record<string, Array<{ passed: number; failed: number; skipped: number } | null>>;
  flaky: Array<ScenarioTrend & { why: string }>;
  newFailures: ScenarioTrend[];
  recovered: ScenarioTrend[];
  slowest: Array<{ id: string; durationMs: number; durations: Array<number | null> }>;
}

export const HISTORY_WINDOW = 20;

export function historyLine(run: RunResults, meta: Omit<HistoryRun, 'scenarios'>): HistoryRun {
  return { ...meta, scenarios: run.scenarios.map(({ id, result, attempts, durationMs }) => ({ id, result, attempts, durationMs })) };
}

/** Appends the run, unless it ran nothing (a dry run, or tags that selected no scenario). */
export function appendHistory(file: string, line: HistoryRun): boolean {
  if (!line.scenarios.length) return false;
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(line)}\n`);
  return true;
}

/** The runs in the file, oldest first; a torn line (two runs writing at once, a crash) is skipped. */
export function readHistory(file: string): HistoryRun[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line) => {
      try {
        const run = JSON.parse(line) as HistoryRun;
        return Array.isArray(run.scenarios) ? [run] : [];
      } catch {
        return [];
      }
    });
}

/** What the last runs (the current one last) say: trends, flaky scenarios, new failures, recoveries, the slowest. */
export function analyseHistory(allRuns: HistoryRun[], window = HISTORY_WINDOW): HistoryView {
  const runs = allRuns.slice(-window);
  const current = runs.at(-1);
  const byRun = runs.map((run) => new Map(run.scenarios.map((scenario) => [scenario.id, scenario])));
  const trendOf = (id: string): Array<Result | null> => byRun.map((map) => map.get(id)?.result ?? null);

  const capabilities: HistoryView['capabilities'] = {};
  runs.forEach((run, index) => {
    for (const scenario of run.scenarios) {
      const key = capabilityOf(scenario.id.split(' » ')[0]!);
      const row = (capabilities[key] ??= runs.map(() => null));
      const counts = (row[index] ??= { passed: 0, failed: 0, skipped: 0 });
      counts[scenario.result]++;
    }
  });

  const flaky: HistoryView['flaky'] = [];
  const newFailures: ScenarioTrend[] = [];
  const recovered: ScenarioTrend[] = [];
  for (const scenario of current?.scenarios ?? []) {
    const results = trendOf(scenario.id);
    const decided = results.filter((result): result is Result => result === 'passed' || result === 'failed');
    const flips = decided.slice(1).filter((result, index) => result !== decided[index]).length;
    if (scenario.result === 'passed' && scenario.attempts > 1) flaky.push({ id: scenario.id, results, why: `passed on attempt ${scenario.attempts}` });
    else if (flips >= 2) flaky.push({ id: scenario.id, results, why: `changed between passing and failing ${flips} times in ${runs.length} runs` });
    const before = decided.slice(0, -1).at(-1);
    if (scenario.result === 'failed' && before === 'passed') newFailures.push({ id: scenario.id, results });
    if (scenario.result === 'passed' && before === 'failed') recovered.push({ id: scenario.id, results });
  }

  const slowest = [...(current?.scenarios ?? [])]
    .sort((a, b) => b.durationMs - a.durationMs)
    .slice(0, 10)
    .map((scenario) => ({ id: scenario.id, durationMs: scenario.durationMs, durations: byRun.map((map) => map.get(scenario.id)?.durationMs ?? null) }));

  return { runs: runs.map(({ time, commit, profile, target }) => ({ time, commit, profile, target })), capabilities, flaky, newFailures, recovered, slowest };
}
