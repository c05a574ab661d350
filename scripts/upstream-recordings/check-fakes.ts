/**
 * `npm run check-fakes`: are the fakes still the services the recordings came from?
 * (b) Healthy fakes, started as `npm run fakes` starts them, are sent every recorded exchange and
 *     answer with the recorded status, content type and shape, or each difference is listed.
 * (a) In a process of its own (nock's), the recordings are replayed to the gateway's own upstream
 *     clients, which must understand them.
 * `--extras` also lists the fields only a fake sends (noted, never failed).
 */
import { spawnSync } from 'node:child_process';
import { startHealthyFakes } from '../healthy-fakes';
import { compareWithFakes, fakesInstall } from './compare-with-fakes';

async function main(): Promise<void> {
  const { transport, upstreams, origins } = await startHealthyFakes();
  const comparison = await compareWithFakes(fakesInstall(upstreams, origins)).finally(() => transport.close());
  console.log(`The fakes against the recordings: ${comparison.compared} exchanges, ${comparison.differences.length} differences`);
  for (const difference of comparison.differences) console.log(`  DIFFERENT  ${difference}`);
  const extrasLine = `  ${comparison.extras.length} fields only the fakes send`;
  console.log(process.argv.includes('--extras') ? [extrasLine, ...comparison.extras.map((extra) => `    ${extra}`)].join('\n') : `${extrasLine} (--extras lists them)`);

  console.log('\nThe recordings replayed with nock to the gateway\'s upstream clients:');
  const replay = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'scripts/upstream-recordings/replay.ts'], { stdio: 'inherit' });
  const failed = comparison.differences.length > 0 || replay.status !== 0;
  console.log(`\ncheck-fakes: ${failed ? 'FAILED' : 'the fakes answer as the recordings do, and the gateway understands the recordings'}`);
  process.exit(failed ? 1 : 0);
}

void main();
