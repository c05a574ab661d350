import type { MediaNestWorld } from '../world';
import { expectData } from './answers';
import { expect } from './chai';

/** Questions about what plex.tv was asked, and what MediaNest passed on from it. */
export const PlexTv = {
  /** The PIN MediaNest gave the person: a code, and a link to app.plex.tv carrying it and MediaNest's client id. */
  pinGiven(world: MediaNestWorld, name: string) {
    const pin = expectData(world.lastExchangeOf(name), 201);
    const link = new URL(pin.authUrl);
    const params = new URLSearchParams(link.hash.replace(/^#\??/, ''));
    return { code: /^\S{4,}$/.test(pin.code), site: link.origin, linkCarriesCode: params.get('code') === pin.code, clientId: params.get('clientID'), expiresLater: Date.parse(pin.expiresAt) > world.clock.now() };
  },

  /** How MediaNest asked plex.tv for its first PIN, and how it named itself: plex.tv lists the device so among the person's authorised devices. */
  pinRequest(world: MediaNestWorld) {
    const [call] = world.upstreams.plexTv.journal.calls('POST', '/api/v2/pins');
    expect(call, 'plex.tv received no PIN request').to.not.equal(undefined);
    const header = (name: string) => call!.headers[`x-plex-${name}`];
    const device = { product: header('product'), version: header('version'), platform: header('platform'), device: header('device'), deviceName: header('device-name') };
    return { strong: call!.query.strong, client: header('client-identifier'), ...device, acceptsJson: /application\/json/.test(call!.headers.accept ?? '') };
  },

  /** The questions plex.tv was asked about one PIN. */
  askedAboutPin(world: MediaNestWorld, pinId: number) {
    return world.upstreams.plexTv.journal.calls('GET', new RegExp(`^/api/v2/pins/${pinId}$`));
  },

  /** The tokens plex.tv was asked about ("who owns this token?"). */
  tokensAskedAbout(world: MediaNestWorld): string[] {
    return world.upstreams.plexTv.journal.calls('GET', '/api/v2/user').map((call) => call.headers['x-plex-token'] ?? '');
  },

  /** The person's Plex token, as plex.tv issued it. */
  tokenOf(world: MediaNestWorld, name: string): string {
    return world.upstreams.plexTv.model.account(name).authToken;
  },
};
