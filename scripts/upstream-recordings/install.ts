import type { Install } from './exchanges';

/** The variables naming the install to record from (README, "Keeping the fakes honest"). */
const VARIABLES = {
  plexServer: 'RECORD_PLEX_SERVER_URL',
  plexToken: 'RECORD_PLEX_TOKEN',
  overseerr: 'RECORD_OVERSEERR_URL',
  overseerrApiKey: 'RECORD_OVERSEERR_API_KEY',
  uptimeKuma: 'RECORD_UPTIME_KUMA_URL',
  uptimeKumaSlug: 'RECORD_UPTIME_KUMA_SLUG',
} as const;

/** The install named by the environment, or the names of the variables missing. */
export function installFromEnvironment(env: NodeJS.ProcessEnv): Install | { missing: string[] } {
  const missing = Object.values(VARIABLES).filter((name) => !env[name]);
  if (missing.length > 0) return { missing };
  const value = (name: string) => env[name]!.replace(/\/+$/, '');
  return {
    origins: {
      'plex-tv': env.RECORD_PLEX_TV_URL ? value('RECORD_PLEX_TV_URL') : 'https://plex.tv',
      'plex-server': value(VARIABLES.plexServer),
      overseerr: value(VARIABLES.overseerr),
      'uptime-kuma': value(VARIABLES.uptimeKuma),
    },
    plexToken: env[VARIABLES.plexToken]!,
    overseerrApiKey: env[VARIABLES.overseerrApiKey]!,
    uptimeKumaSlug: env[VARIABLES.uptimeKumaSlug]!,
    overseerrQuery: env.RECORD_OVERSEERR_QUERY || 'matrix',
  };
}
