/** The error catalogue of CONTRACT.md: every code the gateway may answer, with its status. */
export const ERROR_STATUS = {
  VALIDATION_ERROR: 400,
  INVALID_JSON: 400,
  PIN_NOT_AUTHORIZED: 400,
  INVALID_URL: 400,
  UNAUTHORIZED: 401,
  TOKEN_INVALID: 401,
  TOKEN_EXPIRED: 401,
  TOKEN_REVOKED: 401,
  PLEX_TOKEN_INVALID: 401,
  WEBHOOK_UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  OVERSEERR_ACCOUNT_MISSING: 403,
  REQUEST_REFUSED: 403,
  NOT_FOUND: 404,
  PIN_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  ALREADY_REQUESTED: 409,
  REQUEST_NOT_PENDING: 409,
  CANNOT_DEMOTE_SELF: 409,
  DOWNLOAD_ACTIVE: 409,
  DOWNLOAD_FINISHED: 409,
  PIN_EXPIRED: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  QUOTA_EXCEEDED: 429,
  INTERNAL_ERROR: 500,
  UPSTREAM_ERROR: 502,
  SERVICE_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
  UPSTREAM_TIMEOUT: 504,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** An error the gateway answers as it is: its code, a message for people, optional details. */
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what: string) => new ApiError('NOT_FOUND', `No such ${what}`);
