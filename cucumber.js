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
  // Writes living-documentation.html and summary.json beside the others; its own output is one line.
  './support/report/living/living-documentation.js:reports/living-documentation.log',
  ['./support/report/api-coverage-formatter.js', 'reports/api-coverage.json'],
];

/** The living documentation's options: formatters never see the profile or the target otherwise. */
function livingDocumentation(profile, target = 'embedded', outDir = 'reports') {
  return { livingDocumentation: { outDir, profile, target, history: 'reports/history.jsonl', features: 'features', openapi: 'support/contract/openapi.json' } };
}

const common = {
  requireModule: ['ts-node/register/transpile-only'],
  require: ['support/**/*.ts', 'step-definitions/**/*.ts'],
  format: reports,
  formatOptions: { junit: { suiteName: 'MediaNest gateway acceptance' }, ...livingDocumentation('default') },
  worldParameters: { target: 'embedded' },
};

const everydayTags = 'not @wip and not @load and not @fuzz';

/** The same reports, written under reports/<folder>/. */
const reportsFor = (folder) =>
  reports.map((format) => (Array.isArray(format) ? [format[0], format[1].replace('reports/', `reports/${folder}/`)] : format.replace('reports/', `reports/${folder}/`)));

const optionsFor = (profile, target) => ({ formatOptions: { ...common.formatOptions, ...livingDocumentation(profile, target) } });

module.exports = {
  default: { ...common, tags: everydayTags },
  ci: { ...common, ...optionsFor('ci'), tags: everydayTags, format: ['summary', ...reports.slice(1)], parallel: 2 },
  smoke: { ...common, ...optionsFor('smoke'), tags: '@smoke and not @wip' },
  spawned: { ...common, ...optionsFor('spawned', 'spawned'), tags: `${everydayTags} and not @embedded-only`, worldParameters: { target: 'spawned' } },
  load: { ...common, ...optionsFor('load'), paths: ['features/load/**/*.feature'], tags: '@load and not @wip', parallel: 0 },
  // generated requests to every operation of the contract (features/contract/fuzzing_from_the_contract.feature)
  fuzz: { ...common, formatOptions: { ...common.formatOptions, ...livingDocumentation('fuzz', 'embedded', 'reports/fuzz') }, tags: '@fuzz and not @wip', format: reportsFor('fuzz') },
  remote: {
    ...common,
    ...optionsFor('remote', 'remote'),
    // Downloads need the suite's fake yt-dlp and its per-scenario journal beside the gateway.
    tags: `${everydayTags} and not @embedded-only and not @fresh-gateway and not @downloads`,
    worldParameters: { target: 'remote' },
  },
};
