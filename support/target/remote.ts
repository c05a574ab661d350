import type { ScenarioClock } from '../clock';
import type { UpstreamName } from '../upstreams/fake-upstream';
import { LoopbackTransport } from '../upstreams/transports/loopback';
import { UPSTREAM_NAMES } from '../upstreams/upstreams';
import { LoopbackTarget } from './loopback-target';
import type { RunningGateway } from './target';

/** The environment variable that fixes each fake's port, so a deployment can be pointed at the fakes. */
export const FAKE_PORT_VARIABLES: Record<UpstreamName, string> = {
  'plex-tv': 'FAKE_PLEX_TV_PORT',
  'plex-server': 'FAKE_PLEX_SERVER_PORT',
  overseerr: 'FAKE_OVERSEERR_PORT',
  'uptime-kuma': 'FAKE_UPTIME_KUMA_PORT',
};

/** A gateway deployed elsewhere (MEDIANEST_URL), started against fakes this suite serves on fixed loopback ports. */
export class RemoteTarget extends LoopbackTarget {
  readonly kind = 'remote';

  private constructor(
    private readonly url: string,
    transport: LoopbackTransport,
  ) {
    super(transport);
  }

  static async create(env: NodeJS.ProcessEnv): Promise<RemoteTarget> {
    const url = env.MEDIANEST_URL;
    if (!url) throw new Error('the remote profile needs MEDIANEST_URL, the base URL of the gateway under test');
    return new RemoteTarget(url.replace(/\/+$/, ''), await LoopbackTransport.start(UPSTREAM_NAMES, fakePorts(env)));
  }

  async start(_env: Record<string, string>, _clock: ScenarioClock): Promise<RunningGateway> {
    return { url: this.url, logs: () => '(the remote gateway keeps its own log)', stop: async () => undefined };
  }
}

/** The ports the deployment was told; each variable is required, since the deployment cannot learn an ephemeral one. */
export function fakePorts(env: NodeJS.ProcessEnv): Record<UpstreamName, number> {
  const ports = UPSTREAM_NAMES.map((name) => {
    const variable = FAKE_PORT_VARIABLES[name];
    const port = Number(env[variable]);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`the remote profile needs ${variable}: the port the gateway calls for ${name}`);
    return [name, port];
  });
  return Object.fromEntries(ports) as Record<UpstreamName, number>;
}
