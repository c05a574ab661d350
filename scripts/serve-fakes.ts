/**
 * `npm run fakes`: healthy fakes of every upstream on loopback ports, for local development or for
 * a gateway started by hand. Ports come from FAKE_*_PORT when set, else the system picks free ones.
 * Prints a command that starts a gateway against them as it is: on a free port, with the suite's
 * secrets and admin (Ada), a database in a fresh temporary folder, and sign-in limits raised.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUITE_ADMIN } from '../support/personas';
import { scenarioEnvironment } from '../support/target/environment';
import { FAKE_PORT_VARIABLES } from '../support/target/remote';
import { UPSTREAM_NAMES, type Origins } from '../support/upstreams/upstreams';
import { startHealthyFakes } from './healthy-fakes';

async function main(): Promise<void> {
  const ports = Object.fromEntries(UPSTREAM_NAMES.map((name) => [name, Number(process.env[FAKE_PORT_VARIABLES[name]] ?? 0)]));
  const { transport, origins } = await startHealthyFakes(ports);
  for (const name of UPSTREAM_NAMES) console.log(`${name.padEnd(12)} ${origins[name]}`);
  console.log(`\nStart a gateway against them (it prints the address it listens on):\n${gatewayCommand(origins)}`);
  console.log('\nCtrl-C stops the fakes.');
  process.once('SIGINT', () => void transport.close().then(() => process.exit(0)));
  process.once('SIGTERM', () => void transport.close().then(() => process.exit(0)));
}

/** The suite's own scenario configuration, with a database in a temporary folder and people free to sign in often. */
function gatewayCommand(origins: Origins): string {
  const workDir = mkdtempSync(join(tmpdir(), 'medianest-gateway-'));
  const env: Record<string, string> = {
    ...scenarioEnvironment(origins, workDir, SUITE_ADMIN),
    LOG_LEVEL: 'info',
    DATABASE_PATH: join(workDir, 'medianest.db'),
    RATE_LIMIT_PIN_PER_MINUTE: '100000',
    RATE_LIMIT_VERIFY_PER_MINUTE: '100000',
    RATE_LIMIT_ANON_PER_MINUTE: '100000',
  };
  delete env.NODE_ENV;
  const assignments = Object.entries(env).map(([name, value]) => `${name}=${shellQuoted(value)}`);
  const lines: string[] = [];
  for (let i = 0; i < assignments.length; i += 3) lines.push(`  ${assignments.slice(i, i + 3).join(' ')} \\`);
  return [...lines, '  npm run gateway'].join('\n');
}

function shellQuoted(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

void main();
