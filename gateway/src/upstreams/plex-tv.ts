import { ApiError } from '../http/errors';
import type { UpstreamClient } from './upstream-client';

export interface PlexPin {
  id: number;
  code: string;
  expiresAt: string;
  authToken: string | null;
}

export interface PlexAccount {
  id: number;
  username: string;
  email: string | null;
  thumb: string | null;
}

const PRODUCT = 'MediaNest';

/** plex.tv's v2 JSON API, as this install (its client identifier) sees it. */
export class PlexTvApi {
  constructor(
    private readonly client: UpstreamClient,
    private readonly clientId: string,
  ) {}

  async createPin(correlationId: string): Promise<PlexPin> {
    const { body } = await this.client.call<PlexPin>({
      method: 'POST',
      path: '/api/v2/pins',
      query: { strong: 'true' },
      headers: this.identity(),
      correlationId,
    });
    return body;
  }

  /** The PIN, or undefined when plex.tv no longer knows it (expired and unknown look alike). */
  async pin(id: number, correlationId: string): Promise<PlexPin | undefined> {
    const { status, body } = await this.client.call<PlexPin>({
      path: `/api/v2/pins/${id}`,
      headers: this.identity(),
      correlationId,
      expectedStatuses: [404],
    });
    return status === 404 ? undefined : body;
  }

  async account(plexToken: string, correlationId: string): Promise<PlexAccount> {
    const { status, body } = await this.client.call<PlexAccount>({
      path: '/api/v2/user',
      headers: { ...this.identity(), 'X-Plex-Token': plexToken },
      correlationId,
      expectedStatuses: [401],
    });
    if (status === 401) throw new ApiError('PLEX_TOKEN_INVALID', 'Plex no longer accepts your sign-in: sign in again');
    return body;
  }

  authUrl(code: string): string {
    const params = new URLSearchParams({ clientID: this.clientId, code, 'context[device][product]': PRODUCT });
    return `https://app.plex.tv/auth#?${params}`;
  }

  private identity(): Record<string, string> {
    return {
      'X-Plex-Client-Identifier': this.clientId,
      'X-Plex-Product': PRODUCT,
      'X-Plex-Version': '1.0.0',
      'X-Plex-Platform': 'Node.js',
      'X-Plex-Device': 'Server',
      'X-Plex-Device-Name': PRODUCT,
    };
  }
}
