/**
 * `npm run contract:export`: writes the reference gateway's /openapi.json to
 * support/contract/openapi.json. The copy is the suite's contract, reviewed like the features: run
 * this after changing a route on purpose, then read the diff. A scenario fails while they differ.
 */
import { writeFileSync } from 'node:fs';
import { buildGateway } from '../gateway/src/app';
import { readConfig } from '../gateway/src/config';

export const CONTRACT_PATH = 'support/contract/openapi.json';

async function main(): Promise<void> {
  const gateway = await buildGateway(readConfig({ PORT: '0', DATABASE_PATH: ':memory:', LOG_LEVEL: 'silent' }));
  try {
    const answer = await fetch(`${gateway.url}/api/v1/openapi.json`);
    writeFileSync(CONTRACT_PATH, `${JSON.stringify(await answer.json(), null, 1)}\n`);
    console.log(`wrote ${CONTRACT_PATH}`);
  } finally {
    await gateway.close();
  }
}

if (require.main === module) void main();
