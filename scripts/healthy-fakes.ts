import { realClock } from '../support/clock';
import { emailOf, PERSONAS, WITHOUT_OVERSEERR } from '../support/personas';
import { LoopbackTransport } from '../support/upstreams/transports/loopback';
import { UPSTREAM_NAMES, Upstreams, type Origins } from '../support/upstreams/upstreams';
import type { UpstreamName } from '../support/upstreams/fake-upstream';

/**
 * Healthy fakes of every upstream on loopback ports (0: the system picks), with the suite's
 * personas known to plex.tv and, but for those without one, an Overseerr account each.
 */
export async function startHealthyFakes(ports: Partial<Record<UpstreamName, number>> = {}) {
  const transport = await LoopbackTransport.start(UPSTREAM_NAMES, ports);
  const origins = Object.fromEntries(UPSTREAM_NAMES.map((name) => [name, transport.origin(name)])) as Origins;
  const upstreams = new Upstreams(origins, realClock());
  for (const persona of PERSONAS) {
    const account = upstreams.plexTv.model.account(persona, emailOf(persona));
    if (!WITHOUT_OVERSEERR.includes(persona)) upstreams.overseerr.model.addUser({ email: account.email, plexUsername: persona });
  }
  await transport.attach(upstreams.all());
  return { transport, upstreams, origins };
}
