import { ApiError } from '../http/errors';

export type UpstreamName = 'plex-tv' | 'plex-server' | 'overseerr' | 'uptime-kuma';

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
