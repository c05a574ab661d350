// Profiles of the MediaNest acceptance suite. Tags given on the command line are ANDed with a
// profile's own, so `npx cucumber-js -p spawned --tags @smoke` runs the smoke scenarios spawned.
// No profile names paths: Cucumber adds paths given on the command line to a profile's, so
// `npx cucumber-js -p load features/load/reads_under_load.feature` runs that file alone, and with
// no path at all Cucumber reads features/**/*.feature (the profile's tags pick its scenarios).

const { availableParallelism } = require('node:os');

/** Cucumber's options that take a value (besides --tags and --name): the word after one is not a feature path. */
const TAKES_A_VALUE = new Set(['-c', '--config', '-f', '--format', '--format-options', '--i18n-keywords', '-i', '--import', '-l', '--loader', '--language', '--order', '-p', '--profile', '--parallel', '--plugin', '--plugin-options', '-r', '--require', '--require-module', '--retry', '--retry-tag-filter', '--shard', '--world-parameters']);

/**
 * Whether the command line narrows the run to part of a profile's selection: a feature path (or
 * `file:line`), `--tags` or `--name`.
 */
function narrowed(argv) {
  for (let i = 0; i < argv.length; i++) {
    const [option] = argv[i].split('=');
    if (['-t', '--tags', '--name'].includes(option) || /^-t./.test(argv[i])) return true;
    if (TAKES_A_VALUE.has(argv[i])) i++;
    else if (!argv[i].startsWith('-')) return true;
  }
  return false;
}

/**
 * The default profile's workers, chosen by measurement on two cores (README, "Why two workers"):
 * the whole selection runs on two workers, each loading the suite once, which beats one process
 * on a quiet machine and comes out even beside a busy core; a narrowed run (a file, a tag, a name) stays in one process,
 * where a second worker's start-up costs more than it saves. `--parallel N` on the command line
 * decides instead.
 */
const defaultWorkers = narrowed(process.argv.slice(2)) || availableParallelism() < 2 ? 0 : 2;

/**
 * The report files of a run, in `folder`: the default profile writes to reports/, every other
 * profile to reports/<profile>/, so one run never overwrites another's report. Add a formatter
 * to every profile here.
 */
const reportsFor = (folder, progress = 'progress') => [
  progress,
  `html:${folder}/cucumber-report.html`,
  `junit:${folder}/cucumber-junit.xml`,
  `message:${folder}/cucumber-messages.ndjson`,
  // writes living-documentation.html and summary.json into the folder; its own output is one line
  `./support/report/living/living-documentation.js:${folder}/living-documentation.log`,
  ['./support/report/api-coverage-formatter.js', `${folder}/api-coverage.json`],
];

const SUITE_NAME = 'MediaNest gateway acceptance';

/**
 * `MEDIANEST_SHARD=i/n` runs shard i of n (support/plugins/balanced-shards.js), as one CI machine
 * of n would: its reports go to reports/shards/<profile>-i-of-n/, and it adds no line to the
 * history (the merged run does: `npm run shards`, or the workflow's merge job).
 */
const SHARD = process.env.MEDIANEST_SHARD;
const shardFolder = (name) => `reports/shards/${name}-${SHARD.replace('/', '-of-')}`;

/** The living documentation's options: formatters never see the profile or the target otherwise. */
const livingDocumentation = (name, target, outDir) => ({
  outDir,
  recordHistory: !SHARD,
  profile: name,
  target,
  history: 'reports/history.jsonl',
  features: 'features',
  openapi: 'support/contract/openapi.json',
  mutationReport: 'reports/mutation/mutation.json',
});

/**
 * A profile: its tags, its report folder, and anything else it sets. A run whose tags select no
 * scenario fails and leaves reports saying so (support/plugins/nothing-selected.js).
 */
const profile = (name, { tags, reports: ownReports, progress, worldParameters = { target: 'embedded' }, ...rest }) => {
  const reports = SHARD ? shardFolder(name) : ownReports;
  return {
    requireModule: ['ts-node/register/transpile-only'],
    require: ['support/**/*.ts', 'step-definitions/**/*.ts'],
    plugin: ['./support/plugins/nothing-selected.js', './support/plugins/balanced-shards.js'],
    pluginOptions: { nothingSelected: { tags, reports, suiteName: SUITE_NAME } },
    format: reportsFor(reports, progress),
    formatOptions: { junit: { suiteName: SUITE_NAME }, livingDocumentation: livingDocumentation(name, worldParameters.target, reports) },
    worldParameters,
    tags,
    ...rest,
  };
};

/** `@cluster` scenarios need the cluster target (two instances on PostgreSQL and Redis): only its profile runs them. */
const everydayTags = 'not @wip and not @load and not @fuzz and not @cluster';
/** What runs on several instances sharing PostgreSQL and Redis: all but the clock's and per-instance scenarios, @cluster included. */
const clusterTags = 'not @wip and not @load and not @fuzz and not @embedded-only and not @one-instance';

/**
 * The scenarios Stryker runs against each mutant of gateway/src (npm run mutation,
 * gateway/MUTATION.md): the everyday scenarios on the embedded target, whose gateway runs in the
 * process Stryker instruments. No report formats and no nothing-selected plugin: Stryker adds its
 * own formatter and runs Cucumber once per mutant, so a report would be rebuilt for every mutant.
 * The mutated domain's own scenarios run first (scripts/mutation/scenario-order.js).
 */
const mutation = {
  requireModule: ['ts-node/register/transpile-only'],
  require: ['support/**/*.ts', 'step-definitions/**/*.ts'],
  plugin: ['./scripts/mutation/scenario-order.js'],
  worldParameters: { target: 'embedded' },
  tags: everydayTags,
};

/**
 * The same for the code that runs only with DATABASE_URL and REDIS_URL (the `shared-stores`
 * domain): the cluster's scenarios on its in-process variant (support/target/in-process-cluster.ts),
 * instances A and B built in the process Stryker instruments, on one PostgreSQL and one Redis that
 * each worker starts once and keeps for all its runs.
 */
const mutationSharedStores = {
  ...mutation,
  worldParameters: { target: 'cluster-in-process', keepServers: true },
  tags: clusterTags,
  // run from the command line, the kept servers would hold the process open: it exits after the
  // run, and the servers are stopped as it exits (support/servers/stop-at-exit.ts)
  forceExit: true,
};

module.exports = {
  default: profile('default', { tags: everydayTags, reports: 'reports', parallel: defaultWorkers }),
  ci: profile('ci', { tags: everydayTags, reports: 'reports/ci', progress: 'summary', parallel: 2 }),
  smoke: profile('smoke', { tags: '@smoke and not @wip and not @cluster', reports: 'reports/smoke' }),
  spawned: profile('spawned', { tags: `${everydayTags} and not @embedded-only`, reports: 'reports/spawned', worldParameters: { target: 'spawned' } }),
  // two gateway instances on one PostgreSQL and one Redis (support/target/cluster.ts): what runs
  // spawned, less what is per instance by design (@one-instance), plus the @cluster scenarios
  cluster: profile('cluster', {
    tags: clusterTags,
    reports: 'reports/cluster',
    worldParameters: { target: 'cluster' },
  }),
  load: profile('load', { tags: '@load and not @wip', reports: 'reports/load', parallel: 0 }),
  // generated requests to every operation of the contract (features/contract/fuzzing_from_the_contract.feature)
  fuzz: profile('fuzz', { tags: '@fuzz and not @wip', reports: 'reports/fuzz' }),
  remote: profile('remote', {
    // Downloads need the suite's fake yt-dlp and its per-scenario journal beside the gateway.
    tags: `${everydayTags} and not @embedded-only and not @fresh-gateway and not @downloads`,
    reports: 'reports/remote',
    worldParameters: { target: 'remote' },
  }),
  mutation,
  'mutation-shared-stores': mutationSharedStores,
};
