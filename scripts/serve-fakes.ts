/**
 * `npm run fakes`: healthy fakes of every upstream on loopback ports, for local development or for
 * a gateway started by hand. Ports come from FAKE_*_PORT when set, else the system picks free ones.
 */
import { realClock } from '../support/clock';
import { emailOf, PERSONAS, WITHOUT_OVERSEERR } from '../support/personas';
import { FAKE_PORT_VARIABLES } from '../support/target/remote';
import { LoopbackTransport } from '../support/upstreams/transports/loopback';
import { UPSTREAM_NAMES, Upstreams, type Origins } from '../support/upstreams/upstreams';

async function main(): Promise<void> {
  const ports = Object.fromEntries(UPSTREAM_NAMES.map((name) => [name, Number(process.env[FAKE_PORT_VARIABLES[name]] ?? 0)]));
  const transport = await LoopbackTransport.start(UPSTREAM_NAMES, ports);
  const origins = Object.fromEntries(UPSTREAM_NAMES.map((name) => [name, transport.origin(name)])) as Origins;
  const upstreams = new Upstreams(origins, realClock());
  for (const persona of PERSONAS) {
    const account = upstreams.plexTv.model.account(persona, emailOf(persona));
    if (!WITHOUT_OVERSEERR.includes(persona)) upstreams.overseerr.model.addUser({ email: account.email, plexUsername: persona });
  }
  await transport.attach(upstreams.all());
  for (const name of UPSTREAM_NAMES) console.log(`${name.padEnd(12)} ${origins[name]}`);
  console.log(`\nStart a gateway against them:\n  PLEX_TV_URL=${origins['plex-tv']} PLEX_SERVER_URL=${origins['plex-server']} \\`);
  console.log(`  OVERSEERR_URL=${origins.overseerr} OVERSEERR_API_KEY=overseerr-api-key-for-medianest \\`);
  console.log(`  UPTIME_KUMA_URL=${origins['uptime-kuma']} npm run gateway`);
  console.log('\nCtrl-C stops the fakes.');
  process.once('SIGINT', () => void transport.close().then(() => process.exit(0)));
  process.once('SIGTERM', () => void transport.close().then(() => process.exit(0)));
}

void main();
