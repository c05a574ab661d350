/**
 * `npm run scenarios`: how many scenarios each profile runs, read from the features and each
 * profile's tags without loading the support code (a second or two).
 */
import { loadConfiguration, loadSources } from '@cucumber/cucumber/api';

async function main(): Promise<void> {
  const profiles = Object.keys(require('../cucumber.js') as Record<string, unknown>);
  for (const profile of profiles) {
    const { runConfiguration } = await loadConfiguration({ profiles: [profile] });
    const { plan } = await loadSources(runConfiguration.sources);
    console.log(`${profile.padEnd(8)} ${String(plan.length).padStart(4)} scenarios  (tags: ${runConfiguration.sources.tagExpression})`);
  }
}

void main();
