import { randomBytes } from 'node:crypto';

export interface RateLimits {
  userPerMinute: number;
  anonPerMinute: number;
  pinPerMinute: number;
  verifyPerMinute: number;
}

/** Everything the gateway is told from outside (CONTRACT.md, "Configuration"). */
export interface GatewayConfig {
  port: number;
  host: string;
  databasePath: string;
  /** A shared PostgreSQL (postgres:// or postgresql://); without it, the embedded SQLite at `databasePath`. */
  databaseUrl?: string;
  /** This instance's name among those sharing a database: start-up recovery settles only its own work. */
  instanceName: string;
  jwtSecret: string;
  encryptionKey: string;
  adminPlexUsernames: string[];
  plexTvUrl: string;
  plexClientId?: string;
  plexServerUrl?: string;
  libraryCacheSeconds: number;
  overseerrUrl?: string;
  overseerrApiKey?: string;
  overseerrWebhookSecret?: string;
  uptimeKumaUrl?: string;
  uptimeKumaSlug: string;
  uptimeKumaPollSeconds: number;
  uptimeKumaMonitors: Record<string, string>;
  ytDlpPath: string;
  downloadDir: string;
  downloadConcurrency: number;
  downloadStallSeconds: number;
  rateLimits: RateLimits;
  downloadQuotaPerHour: number;
  logLevel: string;
  nodeEnv: string;
  /** Redis shared by the instances serving together (rate limits, library cache, live updates); none: this instance alone. */
  redisUrl?: string;
  /** Things worth saying at start-up, such as a secret generated for this process only. */
  warnings: string[];
}

export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`${variable}: ${problem}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads and validates the environment; throws a `ConfigError` naming the first bad variable. */
export function readConfig(env: NodeJS.ProcessEnv): GatewayConfig {
  const read = reader(env);
  const nodeEnv = read.text('NODE_ENV', 'development');
  const warnings: string[] = [];
  const secret = (name: string) => {
    const value = env[name];
    if (value === undefined || value === '') {
      if (nodeEnv === 'production') throw new ConfigError(name, 'is required when NODE_ENV=production');
      warnings.push(`${name} is not set: using a random value for this process only`);
      return randomBytes(32).toString('base64url');
    }
    if (value.length < 32) throw new ConfigError(name, 'must be at least 32 characters');
    return value;
  };
  return {
    port: read.integer('PORT', 3000, 0, 65535),
    host: read.text('HOST', '127.0.0.1'),
    databasePath: read.text('DATABASE_PATH', './data/medianest.db'),
    databaseUrl: read.postgresUrl('DATABASE_URL'),
    instanceName: read.name('INSTANCE_NAME', 'medianest'),
    jwtSecret: secret('JWT_SECRET'),
    encryptionKey: secret('ENCRYPTION_KEY'),
    adminPlexUsernames: read.list('ADMIN_PLEX_USERNAMES'),
    plexTvUrl: read.url('PLEX_TV_URL') ?? 'https://plex.tv',
    plexClientId: read.optional('PLEX_CLIENT_ID'),
    plexServerUrl: read.url('PLEX_SERVER_URL'),
    libraryCacheSeconds: read.integer('LIBRARY_CACHE_SECONDS', 60, 0, 86_400),
    overseerrUrl: read.url('OVERSEERR_URL'),
    overseerrApiKey: read.optional('OVERSEERR_API_KEY'),
    overseerrWebhookSecret: read.optional('OVERSEERR_WEBHOOK_SECRET'),
    uptimeKumaUrl: read.url('UPTIME_KUMA_URL'),
    uptimeKumaSlug: read.text('UPTIME_KUMA_SLUG', 'default'),
    uptimeKumaPollSeconds: read.integer('UPTIME_KUMA_POLL_SECONDS', 30, 1, 86_400),
    uptimeKumaMonitors: read.pairs('UPTIME_KUMA_MONITORS', 'plex=Plex Media Server,overseerr=Overseerr,medianest=MediaNest'),
    ytDlpPath: read.text('YT_DLP_PATH', 'yt-dlp'),
    downloadDir: read.text('DOWNLOAD_DIR', './data/downloads'),
    downloadConcurrency: read.integer('DOWNLOAD_CONCURRENCY', 2, 1, 64),
    downloadStallSeconds: read.integer('DOWNLOAD_STALL_SECONDS', 60, 1, 86_400),
    rateLimits: {
      userPerMinute: read.integer('RATE_LIMIT_USER_PER_MINUTE', 300, 1, 1_000_000),
      anonPerMinute: read.integer('RATE_LIMIT_ANON_PER_MINUTE', 100, 1, 1_000_000),
      pinPerMinute: read.integer('RATE_LIMIT_PIN_PER_MINUTE', 10, 1, 1_000_000),
      verifyPerMinute: read.integer('RATE_LIMIT_VERIFY_PER_MINUTE', 30, 1, 1_000_000),
    },
    downloadQuotaPerHour: read.integer('DOWNLOAD_QUOTA_PER_HOUR', 5, 1, 1_000_000),
    logLevel: read.oneOf('LOG_LEVEL', 'info', LOG_LEVELS),
    nodeEnv,
    redisUrl: read.redisUrl('REDIS_URL'),
    warnings,
  };
}

function reader(env: NodeJS.ProcessEnv) {
  const optional = (name: string) => (env[name] === undefined || env[name] === '' ? undefined : env[name]);
  return {
    optional,
    text: (name: string, fallback: string) => optional(name) ?? fallback,
    integer(name: string, fallback: number, min: number, max: number): number {
      const raw = optional(name);
      if (raw === undefined) return fallback;
      if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
        throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}"`);
      }
      return Number(raw);
    },
    url(name: string): string | undefined {
      const raw = optional(name);
      if (raw === undefined) return undefined;
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        throw new ConfigError(name, `must be an http(s) URL, got "${raw}"`);
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(name, `must be an http(s) URL, got "${raw}"`);
      return raw.replace(/\/+$/, '');
    },
    postgresUrl(name: string): string | undefined {
      const raw = optional(name);
      if (raw === undefined) return undefined;
      if (!/^postgres(ql)?:\/\/[^\s]+$/.test(raw) || !URL.canParse(raw)) throw new ConfigError(name, 'must be a postgres:// or postgresql:// URL');
      return raw;
    },
    name(name: string, fallback: string): string {
      const value = optional(name) ?? fallback;
      if (!/^[A-Za-z0-9._-]{1,64}$/.test(value)) throw new ConfigError(name, `must be 1 to 64 letters, digits, dots, dashes or underscores, got "${value}"`);
      return value;
    },
    redisUrl(name: string): string | undefined {
      const raw = optional(name);
      if (raw === undefined) return undefined;
      if (!URL.canParse(raw) || !['redis:', 'rediss:'].includes(new URL(raw).protocol)) throw new ConfigError(name, 'must be a redis:// or rediss:// URL'); // not echoed: it may hold a password
      return raw;
    },
    list: (name: string) => (optional(name) ?? '').split(',').map((item) => item.trim()).filter(Boolean),
    pairs(name: string, fallback: string): Record<string, string> {
      const pairs: Record<string, string> = {};
      for (const pair of (optional(name) ?? fallback).split(',')) {
        const [key, value] = pair.split('=').map((part) => part.trim());
        if (!key || !value) throw new ConfigError(name, `expects service=monitor pairs, got "${pair}"`);
        pairs[key] = value;
      }
      return pairs;
    },
    oneOf(name: string, fallback: string, allowed: string[]): string {
      const value = optional(name) ?? fallback;
      if (!allowed.includes(value)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${value}"`);
      return value;
    },
  };
}
