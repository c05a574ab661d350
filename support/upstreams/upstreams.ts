import type { ScenarioClock } from '../clock';
import type { FakeUpstream, UpstreamName } from './fake-upstream';
import { OverseerrFake } from './overseerr/fake';
import { PlexServerFake } from './plex-server/fake';
import { PlexTvFake } from './plex-tv/fake';
import { UptimeKumaFake } from './uptime-kuma/fake';

export type Origins = Record<UpstreamName, string>;

/** Where the embedded gateway believes its upstreams live; the in-process transport answers for them. */
export const EMBEDDED_ORIGINS: Origins = {
  'plex-tv': 'https://plex.tv',
  'plex-server': 'http://plex.medianest.test:32400',
  overseerr: 'http://overseerr.medianest.test:5055',
  'uptime-kuma': 'http://uptime-kuma.medianest.test:3001',
};

export const UPSTREAM_NAMES = Object.keys(EMBEDDED_ORIGINS) as UpstreamName[];

export const OVERSEERR_API_KEY = 'overseerr-api-key-for-medianest';

/** The faked upstreams of one scenario, linked where reality links the services. */
export class Upstreams {
  readonly plexTv: PlexTvFake;
  readonly plexServer: PlexServerFake;
  readonly overseerr: OverseerrFake;
  readonly uptimeKuma: UptimeKumaFake;

  constructor(origins: Origins, clock: ScenarioClock) {
    this.plexTv = new PlexTvFake(origins['plex-tv'], clock);
    // Plex Media Server accepts the tokens plex.tv issued to signed-in accounts, and only those.
    this.plexServer = new PlexServerFake(origins['plex-server'], clock, (token) => this.plexTv.model.accountForToken(token) !== undefined);
    this.overseerr = new OverseerrFake(origins.overseerr, clock, OVERSEERR_API_KEY);
    this.uptimeKuma = new UptimeKumaFake(origins['uptime-kuma'], clock);
    // When Overseerr reports a title available, Plex's library holds it.
    this.overseerr.model.onAvailable((media) => {
      if (!this.plexServer.model.holds(media.title)) {
        this.plexServer.model.addItem(media.mediaType === 'movie' ? '1' : '2', { title: media.title, year: media.year, summary: media.overview });
      }
    });
  }

  all(): FakeUpstream[] {
    return [this.plexTv, this.plexServer, this.overseerr, this.uptimeKuma];
  }

  byName(name: UpstreamName): FakeUpstream {
    const fake = this.all().find((candidate) => candidate.name === name);
    if (!fake) throw new Error(`no fake for ${name}`);
    return fake;
  }
}
