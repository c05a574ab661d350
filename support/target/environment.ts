import { join } from 'node:path';
import type { Origins } from '../upstreams/upstreams';
import { OVERSEERR_API_KEY } from '../upstreams/upstreams';
import { FAKE_YT_DLP_PATH } from '../upstreams/yt-dlp/journal';

/** The suite knows the signing secret so security scenarios can forge tokens the way an attacker would try. */
export const JWT_SECRET = process.env.MEDIANEST_JWT_SECRET ?? 'acceptance-suite-jwt-secret-0123456789abcdef';
export const WEBHOOK_SECRET = process.env.MEDIANEST_WEBHOOK_SECRET ?? 'Bearer acceptance-suite-webhook-secret';
/** The Plex client id MediaNest is configured with: plex.tv ties each PIN to one. */
export const PLEX_CLIENT_ID = 'medianest-acceptance-suite';

/** The gateway configuration every scenario starts from (CONTRACT.md, "Configuration"). */
export function scenarioEnvironment(origins: Origins, workDir: string, admin: string): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATABASE_PATH: ':memory:',
    JWT_SECRET,
    ENCRYPTION_KEY: 'acceptance-suite-encryption-key-0123456789',
    ADMIN_PLEX_USERNAMES: admin,
    PLEX_TV_URL: origins['plex-tv'],
    PLEX_CLIENT_ID,
    PLEX_SERVER_URL: origins['plex-server'],
    OVERSEERR_URL: origins.overseerr,
    OVERSEERR_API_KEY,
    OVERSEERR_WEBHOOK_SECRET: WEBHOOK_SECRET,
    UPTIME_KUMA_URL: origins['uptime-kuma'],
    YT_DLP_PATH: FAKE_YT_DLP_PATH,
    DOWNLOAD_DIR: join(workDir, 'downloads'),
    FAKE_YTDLP_JOURNAL: join(workDir, 'yt-dlp-journal.ndjson'),
    // The fake's pause between output lines (default 10 ms): every line still comes as its own
    // write, in order, but a short download takes about 10 ms instead of 100.
    FAKE_YTDLP_STEP_MS: '1',
  };
}
