import { UNKNOWN_PIN_ID } from '../exchanges';
import { CORRELATION_ID, must, plexTv, type Probe, refusedWith, segment, TOKEN } from './probe';

/** What plex.tv's client must understand of the recordings. */
export const PLEX_TV_PROBES: Probe[] = [
  {
    upstream: 'plex-tv',
    exchanges: ['pin-created'],
    run: async () => {
      const pin = await plexTv().createPin(CORRELATION_ID);
      must(Number.isInteger(pin.id) && typeof pin.code === 'string' && pin.code.length > 0, `a PIN needs an integer id and a code, got ${JSON.stringify(pin)}`);
      must(Number.isFinite(Date.parse(pin.expiresAt)), `expiresAt is not a date: ${pin.expiresAt}`);
      return `PIN ${pin.id}, code of ${pin.code.length} characters, expires ${pin.expiresAt}`;
    },
  },
  {
    upstream: 'plex-tv',
    exchanges: ['pin-read'],
    run: async (recorded) => {
      const id = Number(segment(recorded, 'pin-read', 4));
      const pin = await plexTv().pin(id, CORRELATION_ID);
      must(pin?.id === id, `expected PIN ${id}, got ${JSON.stringify(pin)}`);
      return `PIN ${id} read, ${pin.authToken === null ? 'not yet approved' : 'approved'}`;
    },
  },
  {
    upstream: 'plex-tv',
    exchanges: ['pin-unknown'],
    run: async () => {
      must((await plexTv().pin(UNKNOWN_PIN_ID, CORRELATION_ID)) === undefined, 'an unknown PIN should read as gone');
      return 'an unknown PIN reads as gone';
    },
  },
  {
    upstream: 'plex-tv',
    exchanges: ['account'],
    run: async () => {
      const account = await plexTv().account(TOKEN, CORRELATION_ID);
      must(Number.isInteger(account.id) && typeof account.username === 'string', `an account needs an integer id and a username, got ${JSON.stringify(account)}`);
      return `account ${account.id} (${account.username})`;
    },
  },
  { upstream: 'plex-tv', exchanges: ['account-refused'], run: () => refusedWith('PLEX_TOKEN_INVALID', plexTv().account('refused', CORRELATION_ID)) },
];
