import { randomUUID } from 'node:crypto';
import { TokenCipher } from './auth/token-cipher';
import { TokenService } from './auth/tokens';
import type { Clock } from './clock';
import type { GatewayConfig } from './config';
import { MediaRequestRepository } from './media-requests/repository';
import { GatewayEvents } from './realtime/events';
import { relayEvents } from './redis/event-relay';
import { SharedRedis } from './redis/shared-redis';
import { BreakerRegistry } from './resilience/breakers';
import type { UpstreamName } from './resilience/upstream-failure';
import type { Database } from './store/sql';
import { SignInRepository } from './store/sign-in';
import { UserRepository } from './store/users';
import { OverseerrApi } from './upstreams/overseerr';
import { PlexServerApi } from './upstreams/plex-server';
import { PlexTvApi } from './upstreams/plex-tv';
import { UpstreamClient } from './upstreams/upstream-client';
import { UptimeKumaApi } from './upstreams/uptime-kuma';

/** Upstream timeouts of CONTRACT.md ("Resilience and limits"). */
export const UPSTREAM_TIMEOUT_MS: Record<UpstreamName, number> = {
  'plex-tv': 10_000,
  'plex-server': 5_000,
  overseerr: 5_000,
  'uptime-kuma': 5_000,
};

/**
 * Everything a domain plugin may use, built once per gateway from its configuration and
 * dependencies: the composition root. Plugins receive these and build no repository or upstream
 * client of their own.
 */
export interface GatewayServices {
  config: GatewayConfig;
  clock: Clock;
  db: Database;
  users: UserRepository;
  signIns: SignInRepository;
  mediaRequests: MediaRequestRepository;
  tokens: TokenService;
  cipher: TokenCipher;
  breakers: BreakerRegistry;
  events: GatewayEvents;
  /** With REDIS_URL: what the instances serving together share (idempotency keys and revocations are in the database). */
  redis?: SharedRedis;
  upstreams: Record<UpstreamName, UpstreamClient>;
  plexTv: PlexTvApi;
  plexServer: PlexServerApi;
  overseerr: OverseerrApi;
  uptimeKuma: UptimeKumaApi;
}

export async function createServices(config: GatewayConfig, clock: Clock, db: Database): Promise<GatewayServices> {
  const signIns = new SignInRepository(db);
  const breakers = new BreakerRegistry(clock);
  const upstream = (name: UpstreamName, baseUrl: string | undefined) =>
    new UpstreamClient({ name, baseUrl, timeoutMs: UPSTREAM_TIMEOUT_MS[name], clock, breakers });
  const upstreams: Record<UpstreamName, UpstreamClient> = {
    'plex-tv': upstream('plex-tv', config.plexTvUrl),
    'plex-server': upstream('plex-server', config.plexServerUrl),
    overseerr: upstream('overseerr', config.overseerrUrl && `${config.overseerrUrl}/api/v1`),
    'uptime-kuma': upstream('uptime-kuma', config.uptimeKumaUrl),
  };
  const events = new GatewayEvents();
  const redis = config.redisUrl ? new SharedRedis(config.redisUrl) : undefined;
  if (redis) relayEvents(events, redis);
  return {
    config,
    clock,
    db,
    users: new UserRepository(db),
    signIns,
    mediaRequests: new MediaRequestRepository(db),
    tokens: new TokenService(config.jwtSecret, clock),
    cipher: new TokenCipher(config.encryptionKey),
    breakers,
    events,
    redis,
    upstreams,
    plexTv: new PlexTvApi(upstreams['plex-tv'], await plexClientId(config, signIns)),
    plexServer: new PlexServerApi(upstreams['plex-server']),
    overseerr: new OverseerrApi(upstreams.overseerr, config.overseerrApiKey),
    uptimeKuma: new UptimeKumaApi(upstreams['uptime-kuma'], config.uptimeKumaSlug),
  };
}

/** What this instance's last run left unfinished, settled before the gateway answers anyone. */
export async function settleLastRun(services: GatewayServices): Promise<void> {
  // a request reserved while Overseerr was being asked: whether Overseerr holds it is unknown
  await services.mediaRequests.failInterrupted(services.config.instanceName, services.clock.now());
}

/** This install's identifier at plex.tv: configured, or generated once and kept in the database. */
async function plexClientId(config: GatewayConfig, signIns: SignInRepository): Promise<string> {
  return config.plexClientId ?? (await signIns.settingOrSave('plex_client_id', `medianest-${randomUUID()}`));
}
