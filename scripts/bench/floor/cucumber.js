// The bench's trivial-scenario floor (scripts/bench.ts): the suite's runner and report formats
// (ts-node, progress, HTML, JUnit, messages), three steps that do nothing, no support code.
// The features are generated into reports/bench/floor/features by scripts/bench/floor/features.ts.
const folder = 'reports/bench/floor';

module.exports = {
  default: {
    requireModule: ['ts-node/register/transpile-only'],
    require: ['scripts/bench/floor/steps.ts'],
    paths: [`${folder}/features/**/*.feature`],
    format: ['progress', `html:${folder}/cucumber-report.html`, `junit:${folder}/cucumber-junit.xml`, `message:${folder}/cucumber-messages.ndjson`],
    formatOptions: { junit: { suiteName: 'MediaNest bench floor' } },
  },
};
