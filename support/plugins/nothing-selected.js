// A Cucumber plugin: a run whose tags (or names, or lines) select no scenario fails, saying which
// tag expression selected nothing, and its report files say that nothing ran. Cucumber has already
// emptied the report files before it filters, so they are written again as the process exits,
// after Cucumber's own formatters have finished. CommonJS, loaded by Cucumber's import().
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

/** The values of a command-line option, in both `--tags x` and `--tags=x` forms. */
function optionValues(argv, names) {
  const values = [];
  argv.forEach((arg, i) => {
    for (const name of names) {
      if (arg === name && argv[i + 1] !== undefined) values.push(argv[i + 1]);
      else if (arg.startsWith(`${name}=`)) values.push(arg.slice(name.length + 1));
    }
  });
  return values;
}

const escapeXml = (text) => text.replace(/[<>&"]/g, (char) => `&#${char.charCodeAt(0)};`);

function reportSaying(sentence) {
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>No scenario ran</title></head>\n<body style="font-family: sans-serif"><h1>No scenario ran</h1><p>${escapeXml(sentence)}</p></body></html>\n`;
}

function junitSaying(sentence, suiteName) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="${escapeXml(suiteName)}" tests="0" failures="0" errors="1" skipped="0">\n  <error message="${escapeXml(sentence)}"/>\n</testsuite>\n`;
}

module.exports = {
  type: 'plugin',
  optionsKey: 'nothingSelected',
  coordinator({ on, transform, options, environment }) {
    let scenarios = 0;
    on('message', (envelope) => {
      if (envelope.pickle) scenarios += 1;
    });
    transform('pickles:filter', (selected) => {
      if (selected.length > 0 || scenarios === 0) return undefined;
      const tags = [options.tags, ...optionValues(process.argv, ['--tags', '-t'])].filter(Boolean).map((tag) => `(${tag})`).join(' and ') || '(none)';
      const names = optionValues(process.argv, ['--name']);
      // `features/x.feature:12` picks the scenario at line 12: a line that starts none picks nothing
      const lines = process.argv.filter((arg) => /\.feature(:\d+)+$/.test(arg));
      const sentence = `No scenario ran: the tag expression ${tags}${names.length ? ` with the names ${names.join(', ')}` : ''}${lines.length ? ` at the lines ${lines.join(', ')}` : ''} selected none of the ${scenarios} scenarios read.`;
      process.once('exit', () => {
        environment.stderr.write(`\n${sentence}\n`); // last, under Cucumber's "0 scenarios"

        if (options.reports) {
          mkdirSync(options.reports, { recursive: true });
          for (const page of ['cucumber-report.html', 'living-documentation.html']) writeFileSync(join(options.reports, page), reportSaying(sentence));
          writeFileSync(join(options.reports, 'cucumber-junit.xml'), junitSaying(sentence, options.suiteName ?? 'cucumber'));
        }
        process.exitCode = 1; // Cucumber counts a run of nothing as a success
      });
      return undefined;
    });
  },
};
