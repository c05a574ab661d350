/**
 * `npm run shards -- N [--profile name]`: the suite split into N shards as N CI machines would run
 * it, here one after the other. First the committed scenario durations are refreshed from the
 * history (support/sharding/scenario-durations.json), so the shards are packed to finish together;
 * each shard is `MEDIANEST_SHARD=i/N npx cucumber-js -p <profile>` writing its reports into
 * reports/shards/<profile>-i-of-N/. Then the shards' messages are merged into one run:
 * reports/shards/merged.ndjson, cucumber-junit.xml and living-documentation.html, and the merged run
 * is checked against the unsharded selection: no scenario lost, none run twice. Prints each shard's
 * time and the slowest shard against the mean; exits non-zero if a shard failed or the sets differ.
 *
 * `npm run shards -- --merge <messages.ndjson…> [--profile name]` only merges and checks shards run
 * elsewhere (the CI workflow's merge job, .github/workflows/acceptance.yml).
 */
import { loadConfiguration, loadSources, type IRunConfiguration } from '@cucumber/cucumber/api';
import { JUnitXmlPrinter } from '@cucumber/junit-xml-formatter';
import type { Envelope, Pickle } from '@cucumber/messages';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildLivingDocumentation, writeLivingDocumentation } from '../support/report/living/build';
import { runCucumber, type CucumberRun } from './cucumber-run';
import { mergeShardMessages } from './sharding/merge-messages';
import { DURATIONS_FILE, refreshDurations } from './sharding/scenario-durations';

const FOLDER = 'reports/shards';
const HISTORY = 'reports/history.jsonl';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { profile: { type: 'string', default: 'default' }, merge: { type: 'boolean', default: false } } });
  const profile = values.profile!;
  if (values.merge) {
    if (!positionals.length) throw new Error('usage: npm run shards -- --merge <messages.ndjson…> [--profile name]');
    const problems = await mergeAndCheck(profile, positionals.length, positionals);
    process.exit(problems.length ? 1 : 0);
  }
  const total = Number(positionals[0] ?? 3);
  if (!Number.isInteger(total) || total < 1) throw new Error(`usage: npm run shards -- N [--profile name]; got "${positionals[0]}"`);
  const runs = refreshDurations(HISTORY);
  console.log(runs ? `shards: durations from the last ${runs} runs in ${HISTORY} written to ${DURATIONS_FILE}` : `shards: no history in ${HISTORY}; packing with ${DURATIONS_FILE} as committed`);
  rmSync(FOLDER, { recursive: true, force: true });

  const shards: CucumberRun[] = [];
  for (let index = 1; index <= total; index++) {
    const run = await runCucumber(['-p', profile], `${FOLDER}/${profile}-${index}-of-${total}/cucumber-messages.ndjson`, { env: { MEDIANEST_SHARD: `${index}/${total}` }, profileWritesMessages: true });
    shards.push(run);
    console.log(`shard ${index}/${total}: ${run.code === 0 ? 'passed' : `FAILED (exit ${run.code})`}, ${run.scenarios.length} scenarios in ${run.seconds} s`);
  }
  const problems = await mergeAndCheck(profile, total, shards.map((run) => run.messagesFile));
  const seconds = shards.map((run) => run.seconds);
  const mean = seconds.reduce((sum, value) => sum + value, 0) / seconds.length;
  console.log(`shards: slowest shard ${Math.max(...seconds)} s, mean ${mean.toFixed(1)} s: ${(Math.max(...seconds) / mean).toFixed(2)}× the mean`);
  const failed = shards.filter((run) => run.code !== 0).length;
  console.log(`shards: ${total} shards, ${failed} failed, ${problems.length ? 'the union differs from the unsharded run' : 'the union is exactly the unsharded run'}`);
  process.exit(failed || problems.length ? 1 : 0);
}

/** Merges the shards' messages into one run's reports in reports/shards/, and compares it with the unsharded selection. */
async function mergeAndCheck(profile: string, total: number, files: string[]): Promise<string[]> {
  const { runConfiguration } = await loadConfiguration({ profiles: [profile] });
  const target = (runConfiguration.runtime.worldParameters as { target?: string } | undefined)?.target ?? 'embedded';
  const { envelopes, ranPickles } = mergeShardMessages(files.map(readEnvelopes));
  mkdirSync(FOLDER, { recursive: true });
  writeFileSync(`${FOLDER}/merged.ndjson`, envelopes.map((envelope) => JSON.stringify(envelope)).join('\n') + '\n');
  writeFileSync(`${FOLDER}/cucumber-junit.xml`, junitOf(envelopes));
  const options = { outDir: FOLDER, profile: `${profile}, ${total} shards`, target, history: HISTORY, features: 'features', openapi: 'support/contract/openapi.json', recordHistory: true };
  writeLivingDocumentation(FOLDER, buildLivingDocumentation(envelopes, false, options));
  const problems = await compareWithUnsharded(runConfiguration, envelopes, ranPickles);
  console.log(`shards: merged ${ranPickles.size} scenarios from ${files.length} shards into ${FOLDER}/merged.ndjson, cucumber-junit.xml and living-documentation.html`);
  for (const problem of problems) console.log(`shards: ${problem}`);
  return problems;
}

/** What differs between the scenarios the shards ran and those one unsharded run selects. */
async function compareWithUnsharded(runConfiguration: IRunConfiguration, envelopes: Envelope[], ranPickles: Map<string, number>): Promise<string[]> {
  const { plan } = await loadSources(runConfiguration.sources);
  const expected = new Set(plan.map((pickle) => `${pickle.uri}:${pickle.location.line}`));
  const pickles = new Map(envelopes.flatMap((envelope) => (envelope.pickle ? [[envelope.pickle.id, envelope.pickle] as [string, Pickle]] : [])));
  const ran = new Map<string, number>();
  for (const [id, times] of ranPickles) {
    const pickle = pickles.get(id)!;
    ran.set(`${pickle.uri}:${pickle.location?.line}`, times);
  }
  return [
    ...[...expected].filter((where) => !ran.has(where)).map((where) => `lost: ${where} ran in no shard`),
    ...[...ran].filter(([, times]) => times > 1).map(([where, times]) => `twice: ${where} ran in ${times} shards`),
    ...[...ran.keys()].filter((where) => !expected.has(where)).map((where) => `extra: ${where} is not selected by an unsharded run`),
  ];
}

function junitOf(envelopes: Envelope[]): string {
  let xml = '';
  const printer = new JUnitXmlPrinter({ suiteName: 'MediaNest gateway acceptance' }, (content) => (xml += content));
  for (const envelope of envelopes) printer.update(envelope);
  return xml;
}

function readEnvelopes(file: string): Envelope[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Envelope);
}

main().catch((error: Error) => {
  console.error(`shards: ${error.message}`);
  process.exit(1);
});
