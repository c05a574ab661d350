import { randomBytes, randomUUID } from 'node:crypto';

export interface PlexAccount {
  id: number;
  uuid: string;
  username: string;
  title: string;
  email: string;
  thumb: string;
  authToken: string;
}

export interface PlexPin {
  id: number;
  code: string;
  clientIdentifier: string;
  strong: boolean;
  createdAt: number;
  expiresIn: number;
  authToken: string | null;
}

/** plex.tv's accounts and sign-in PINs (UPSTREAMS.md section 1). */
export class PlexTvModel {
  private readonly accounts = new Map<string, PlexAccount>();
  private readonly pins = new Map<number, PlexPin>();
  private nextPinId = 418_000_001;
  /** Every token this plex.tv handed out, revoked ones too: the report masks them all. */
  readonly issuedTokens = new Set<string>();

  constructor(private readonly now: () => number) {}

  account(username: string, email = `${username.toLowerCase()}@example.org`): PlexAccount {
    let account = this.accounts.get(username);
    if (!account) {
      account = {
        id: accountIdOf(username),
        uuid: randomUUID().replace(/-/g, '').slice(0, 16),
        username,
        title: username,
        email,
        thumb: `https://plex.tv/users/${username.toLowerCase()}/avatar`,
        authToken: this.issue(),
      };
      this.accounts.set(username, account);
    }
    return account;
  }

  createPin(clientIdentifier: string, strong: boolean): PlexPin {
    const pin: PlexPin = {
      id: this.nextPinId++,
      code: strong ? randomBytes(19).toString('base64url').slice(0, 25) : randomBytes(3).toString('hex').slice(0, 4).toUpperCase(),
      clientIdentifier,
      strong,
      createdAt: this.now(),
      expiresIn: strong ? 1800 : 900,
      authToken: null,
    };
    this.pins.set(pin.id, pin);
    return pin;
  }

  /** The PIN while it is still valid: plex.tv forgets expired PINs and unknown ones alike. */
  livePin(id: number): PlexPin | undefined {
    const pin = this.pins.get(id);
    return pin && this.now() < expiresAt(pin) ? pin : undefined;
  }

  /** plex.tv drops a PIN before its time (its answer for an expired one and an unknown one alike). */
  forgetPin(id: number): void {
    this.pins.delete(id);
  }

  latestPin(): PlexPin {
    const pin = [...this.pins.values()].at(-1);
    if (!pin) throw new Error('no PIN was created at plex.tv');
    return pin;
  }

  /** The person signs in at app.plex.tv and approves the code. */
  claim(pin: PlexPin, username: string): void {
    pin.authToken = this.account(username).authToken;
  }

  accountForToken(token: string | null): PlexAccount | undefined {
    return token ? [...this.accounts.values()].find((account) => account.authToken === token) : undefined;
  }

  /** The person renames their Plex account; plex.tv keeps its id. */
  update(username: string, changes: { username?: string; email?: string }): void {
    Object.assign(this.account(username), changes);
  }

  /** The person signs out of all devices at plex.tv: the old token stops working. */
  revokeTokens(username: string): void {
    this.account(username).authToken = this.issue();
  }

  private issue(): string {
    const token = newToken();
    this.issuedTokens.add(token);
    return token;
  }
}

export function expiresAt(pin: PlexPin): number {
  return pin.createdAt + pin.expiresIn * 1000;
}

/**
 * A Plex account id that is the same for a name in every scenario, so a long-lived gateway (the
 * remote target) sees Bob as one account throughout the run.
 */
function accountIdOf(username: string): number {
  let hash = 0;
  for (const char of username) hash = (hash * 31 + char.charCodeAt(0)) % 9_000_000;
  return 1_000_000 + hash;
}

function newToken(): string {
  return randomBytes(15).toString('base64url');
}
