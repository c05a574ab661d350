import { ApiError } from '../http/errors';

export const UPSTREAM_NAMES = ['plex-tv', 'plex-server', 'overseerr', 'uptime-kuma'] as const;
export type UpstreamName = (typeof UPSTREAM_NAMES)[number];

export const isUpstreamName = (name: string): name is UpstreamName => (UPSTREAM_NAMES as readonly string[]).includes(name);

/**
 * An upstream fault, already mapped to what the client is told (CONTRACT.md, "Upstream faults"),
 * and whether the upstream's breaker counts it as a failure.
 */
export class UpstreamFailure extends ApiError {
  constructor(
    readonly service: UpstreamName,
    code: 'UPSTREAM_ERROR' | 'SERVICE_UNAVAILABLE' | 'UPSTREAM_TIMEOUT',
    message: string,
    readonly breakerFailure: boolean,
    headers: Record<string, string> = {},
    readonly retryable = breakerFailure,
  ) {
    super(code, message, { service }, headers);
  }
}

export const isBreakerFailure = (error: unknown) => error instanceof UpstreamFailure && error.breakerFailure;
