/**
 * `npm run report -- <messages.ndjson…> [--out dir] [--profile name] [--target kind]`: builds the
 * living documentation from one run's Cucumber message files (several files are the shards of one
 * run and are merged). The run is not added to the history again: its own run did that.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildLivingDocumentation, writeLivingDocumentation } from '../support/report/living/build';
import { readMessageFiles } from '../support/report/living/read-messages';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: 'reports' },
    profile: { type: 'string', default: 'default' },
    target: { type: 'string', default: 'embedded' },
    history: { type: 'string', default: 'reports/history.jsonl' },
    features: { type: 'string', default: 'features' },
  },
});

if (!positionals.length) {
  process.stderr.write('usage: npm run report -- <messages.ndjson…> [--out dir] [--profile name] [--target kind]\n');
  process.exit(2);
}

const started = performance.now();
const { envelopes, torn } = readMessageFiles(positionals.map((file) => readFileSync(file, 'utf8')));
const result = buildLivingDocumentation(envelopes, torn, {
  outDir: values.out,
  profile: values.profile,
  target: values.target,
  history: values.history,
  features: values.features,
  openapi: 'support/contract/openapi.json',
  recordHistory: false,
});
writeLivingDocumentation(values.out, result);
process.stdout.write(
  `${values.out}/living-documentation.html: ${(result.html.length / 1e6).toFixed(1)} MB from ${positionals.length} file(s) in ${Math.round(performance.now() - started)} ms${result.summary.finished ? '' : ' (the run did not finish)'}\n`,
);
