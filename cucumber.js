// Profiles of the MediaNest acceptance suite. Tags given on the command line are ANDed with a
// profile's own, so `npx cucumber-js -p spawned --tags @smoke` runs the smoke scenarios spawned.
// No profile but `load` names paths: Cucumber adds paths given on the command line to a profile's,
// so `npx cucumber-js features/library/library_cache.feature` runs that file alone, and with no
// path at all Cucumber reads features/**/*.feature.
const reports = [
  'progress',
  'html:reports/cucumber-report.html',
  'junit:reports/cucumber-junit.xml',
  'message:reports/cucumber-messages.ndjson',
  ['./support/report/api-coverage-formatter.js', 'reports/api-coverage.json'],
];

const common = {
  requireModule: ['ts-node/register/transpile-only'],
  require: ['support/**/*.ts', 'step-definitions/**/*.ts'],
  format: reports,
  formatOptions: { junit: { suiteName: 'MediaNest gateway acceptance' } },
  worldParameters: { target: 'embedded' },
};

const everydayTags = 'not @wip and not @load and not @fuzz';

/** The same reports, written under reports/<folder>/. */
const reportsFor = (folder) =>
  reports.map((format) => (Array.isArray(format) ? [format[0], format[1].replace('reports/', `reports/${folder}/`)] : format.replace('reports/', `reports/${folder}/`)));

module.exports = {
  default: { ...common, tags: everydayTags },
  ci: { ...common, tags: everydayTags, format: ['summary', ...reports.slice(1)], parallel: 2 },
  smoke: { ...common, tags: '@smoke and not @wip' },
  spawned: { ...common, tags: `${everydayTags} and not @embedded-only`, worldParameters: { target: 'spawned' } },
  // generated requests to every operation of the contract (features/contract/fuzzing_from_the_contract.feature)
  fuzz: { ...common, tags: '@fuzz and not @wip', format: reportsFor('fuzz') },
  load: { ...common, paths: ['features/load/**/*.feature'], tags: '@load and not @wip', parallel: 0 },
  remote: {
    ...common,
    // Downloads need the suite's fake yt-dlp and its per-scenario journal beside the gateway.
    tags: `${everydayTags} and not @embedded-only and not @fresh-gateway and not @downloads`,
    worldParameters: { target: 'remote' },
  },
};
