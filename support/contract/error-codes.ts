// CONTRACT.md's "Error codes" table, copied by hand and deliberately NOT imported from the gateway:
// a status taken from the code under test would agree with any change made to it.

/** Every error code the contract names, with the HTTP status it answers with. */
export const CONTRACT_STATUS = {
  // 400
  VALIDATION_ERROR: 400,
  INVALID_JSON: 400,
  PIN_NOT_AUTHORIZED: 400, // also "Authentication": verify while the PIN is unclaimed
  INVALID_URL: 400, // also "Downloads": POST /youtube/downloads
  // 401
  UNAUTHORIZED: 401,
  TOKEN_INVALID: 401,
  TOKEN_EXPIRED: 401,
  TOKEN_REVOKED: 401,
  PLEX_TOKEN_INVALID: 401, // also "Library": Plex answering 401
  WEBHOOK_UNAUTHORIZED: 401, // also "Media requests": POST /webhooks/overseerr
  // 403
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  OVERSEERR_ACCOUNT_MISSING: 403, // also "Media requests": no matching Overseerr user
  REQUEST_REFUSED: 403,
  // 404
  NOT_FOUND: 404,
  PIN_NOT_FOUND: 404,
  // 405
  METHOD_NOT_ALLOWED: 405, // also "Conventions": with an Allow header
  // 409
  ALREADY_REQUESTED: 409, // also "Media requests": POST /media/requests
  REQUEST_NOT_PENDING: 409, // also "Media requests": owner deleting after pending
  CANNOT_DEMOTE_SELF: 409, // also "Authentication": Admin
  DOWNLOAD_ACTIVE: 409, // also "Downloads"
  DOWNLOAD_FINISHED: 409, // also "Downloads": cancel too late
  // 410
  PIN_EXPIRED: 410,
  // 413, 415
  PAYLOAD_TOO_LARGE: 413, // also "Conventions": bodies over 64 KiB
  UNSUPPORTED_MEDIA_TYPE: 415,
  // 422
  IDEMPOTENCY_KEY_REUSED: 422, // also "Media requests": same key, different body
  // 429
  RATE_LIMITED: 429, // also "Resilience and limits"
  QUOTA_EXCEEDED: 429, // also "Downloads": 5 per hour
  // 500
  INTERNAL_ERROR: 500,
  // 502, 503, 504
  UPSTREAM_ERROR: 502, // also "Upstream faults"
  SERVICE_UNAVAILABLE: 503, // also "Upstream faults"
  DATABASE_UNAVAILABLE: 503, // also "Configuration": DATABASE_URL's PostgreSQL unreachable
  UPSTREAM_TIMEOUT: 504, // also "Upstream faults"
} as const;

export type ContractCode = keyof typeof CONTRACT_STATUS;

/** The status the contract gives `code`; fails the step when the contract never names the code. */
export function contractStatusOf(code: string): number {
  if (!Object.hasOwn(CONTRACT_STATUS, code)) throw new Error(`${code} is not in CONTRACT.md's error codes`);
  return CONTRACT_STATUS[code as ContractCode];
}
