// A Cucumber plugin: `MEDIANEST_SHARD=2/3 npx cucumber-js …` runs shard 2 of 3, packed by the
// scenarios' recorded durations (support/sharding/scenario-durations.json) so that shards take
// about the same time. Cucumber's own `--shard` splits by position and runs before any plugin:
// use one or the other. `--plugin-options '{"balancedShards":{"shard":"2/3"}}'` works too.
// CommonJS, loaded by Cucumber's import(); the packing is TypeScript (support/sharding/plan.ts).
if (!require.extensions['.ts']) require('ts-node/register/transpile-only');
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { parseShard, scenariosOfShard } = require('../sharding/plan.ts');

const DURATIONS = join(__dirname, '..', 'sharding', 'scenario-durations.json');

module.exports = {
  type: 'plugin',
  optionsKey: 'balancedShards',
  coordinator({ transform, options, environment, logger }) {
    const spec = options?.shard ?? environment.env.MEDIANEST_SHARD;
    if (!spec) return;
    const shard = parseShard(spec);
    const durations = existsSync(DURATIONS) ? JSON.parse(readFileSync(DURATIONS, 'utf8')).scenarios : {};
    transform('pickles:filter', (selected) => {
      const mine = scenariosOfShard(selected, shard, durations);
      logger.info(`shard ${shard.index}/${shard.total}: ${mine.length} of ${selected.length} scenarios`);
      return mine;
    });
  },
};
