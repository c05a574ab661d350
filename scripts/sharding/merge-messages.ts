/**
 * Merges the message files of one run's shards into the messages of one run, as if one process
 * had run every scenario. Every shard reads the same feature files and support code and emits
 * their messages in the same order, but with ids random per process: each shard's documents,
 * pickles, step definitions, hooks and parameter types are matched to the first shard's, node by
 * node, and take its ids; what only one shard has (its test cases, steps, results, attachments)
 * keeps its ids behind a prefix of the shard's own. The result has one meta, one copy of each
 * document and pickle, one testRunStarted and one testRunFinished (successful when every shard was).
 */
import type { Envelope } from '@cucumber/messages';
import { ID_FIELD, remapIds } from '../../support/report/living/read-messages';

type Json = unknown;

/** Message kinds every shard emits alike, in the same order: matched, then kept once. */
const SHARED = ['gherkinDocument', 'pickle', 'stepDefinition', 'hook', 'parameterType'] as const;
/** Message kinds kept from the first shard only. */
const FIRST_ONLY = new Set(['meta', 'source', 'undefinedParameterType', ...SHARED]);

export interface MergedRun {
  envelopes: Envelope[];
  /** The pickles that ran (ids of the merged run), with how many shards ran each. */
  ranPickles: Map<string, number>;
}

export function mergeShardMessages(shards: Envelope[][]): MergedRun {
  const [first, ...others] = shards;
  if (!first) throw new Error('no shard messages to merge');
  const started = first.find((envelope) => envelope.testRunStarted)?.testRunStarted;
  if (!started) throw new Error('the first shard has no testRunStarted: it did not run');
  const merged: Envelope[] = first.filter((envelope) => !envelope.testRunFinished);
  const finished = [first.find((envelope) => envelope.testRunFinished)?.testRunFinished];
  others.forEach((shard, index) => {
    const ids = matchIds(first, shard, `shard ${index + 2}`);
    const otherStarted = shard.find((envelope) => envelope.testRunStarted)?.testRunStarted;
    if (otherStarted?.id && started.id) ids.set(otherStarted.id, started.id);
    const prefix = `shard${index + 2}-`;
    for (const envelope of shard) {
      const kind = Object.keys(envelope)[0]!;
      if (FIRST_ONLY.has(kind) || kind === 'testRunStarted') continue;
      if (kind === 'testRunFinished') finished.push(envelope.testRunFinished);
      else merged.push(remapIds(envelope, (id) => ids.get(id) ?? `${prefix}${id}`));
    }
  });
  if (finished.some((run) => !run)) throw new Error('a shard has no testRunFinished: it did not finish');
  const last = finished.reduce((a, b) => (seconds(b!.timestamp) > seconds(a!.timestamp) ? b : a))!;
  merged.push({ testRunFinished: { ...last, success: finished.every((run) => run!.success), testRunStartedId: started.id } } as Envelope);
  const ranPickles = new Map<string, number>();
  for (const envelope of merged) if (envelope.testCase) ranPickles.set(envelope.testCase.pickleId, (ranPickles.get(envelope.testCase.pickleId) ?? 0) + 1);
  return { envelopes: merged, ranPickles };
}

/** The ids of `shard`'s shared messages, mapped to the first shard's. */
function matchIds(first: Envelope[], shard: Envelope[], name: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const kind of SHARED) {
    const mine = shard.flatMap((envelope) => (envelope[kind] ? [envelope[kind]] : []));
    const theirs = first.flatMap((envelope) => (envelope[kind] ? [envelope[kind]] : []));
    if (mine.length !== theirs.length) throw new Error(`${name} read ${mine.length} ${kind} messages, the first shard ${theirs.length}: they did not run the same suite`);
    mine.forEach((message, index) => zipIds(message, theirs[index], ids, `${name} ${kind} ${index}`));
  }
  return ids;
}

/** Walks two messages that must be alike apart from ids, recording each `id` of one against the other's. */
function zipIds(mine: Json, theirs: Json, ids: Map<string, string>, where: string, key = ''): void {
  if (typeof mine === 'string' && typeof theirs === 'string') {
    if (key === 'id') ids.set(mine, theirs);
    else if (!ID_FIELD.test(key) && mine !== theirs) throw new Error(`${where}: "${mine}" where the first shard has "${theirs}"`);
  } else if (Array.isArray(mine) && Array.isArray(theirs) && mine.length === theirs.length) {
    mine.forEach((item, index) => zipIds(item, theirs[index], ids, where, key));
  } else if (mine && theirs && typeof mine === 'object' && typeof theirs === 'object') {
    for (const [field, value] of Object.entries(mine)) zipIds(value, (theirs as Record<string, Json>)[field], ids, where, field);
  } else if (mine !== theirs && JSON.stringify(mine) !== JSON.stringify(theirs)) {
    throw new Error(`${where}: the shards differ at ${key}`);
  }
}

function seconds(timestamp: { seconds: number; nanos: number }): number {
  return timestamp.seconds + timestamp.nanos / 1e9;
}
