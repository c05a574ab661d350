import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AllowedMethods } from './allowed-methods';
import { DatabaseUnavailable } from '../store/sql';
import { ApiError } from './errors';

/** One of Ajv's errors: the compilers' Ajv instances keep its messages, so every issue has one. */
interface ValidationIssue {
  instancePath: string;
  message: string;
  keyword: string;
  params: Record<string, unknown>;
}

/**
 * The one root error handler: catalogued errors answer with their status and code, Fastify's own
 * request errors are mapped into the catalogue, and anything else becomes a logged, generic 500.
 * A path that exists without the request's method is 405 with `Allow`; any other miss is 404.
 * Install it before the routes: it learns their methods as they are registered.
 */
export function installErrorHandler(app: FastifyInstance): void {
  const allowed = new AllowedMethods();
  allowed.install(app);
  app.setErrorHandler((error: FastifyError, request, reply) => sendError(request, reply, toApiError(error, request)));
  app.setNotFoundHandler((request, reply) => {
    const methods = allowed.of(request.url);
    if (!methods.length) return sendError(request, reply, new ApiError('NOT_FOUND', 'No such route'));
    const allow = methods.join(', ');
    return sendError(request, reply, new ApiError('METHOD_NOT_ALLOWED', `This address answers ${allow} only`, undefined, { allow }));
  });
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: ApiError) {
  return reply
    .code(error.status)
    .headers(error.headers)
    .type('application/json; charset=utf-8')
    .send({
      success: false,
      error: {
        code: error.code,
        message: error.message,
        correlationId: request.id,
        ...(error.details ? { details: error.details } : {}),
      },
    });
}

function toApiError(error: FastifyError, request: FastifyRequest): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof DatabaseUnavailable) {
    request.log.error({ err: error }, 'database unavailable');
    return new ApiError('DATABASE_UNAVAILABLE', 'MediaNest cannot reach its database: retry later', undefined, { 'retry-after': '5' });
  }
  if (error.validation) {
    return new ApiError('VALIDATION_ERROR', 'The request is not valid', {
      // Fastify names the part of the request it validated (body, querystring, params, headers)
      fields: (error.validation as ValidationIssue[]).map((issue) => describe(issue, error.validationContext as string)),
    });
  }
  // Fastify's own request errors. The rate limits throw their ApiError (rate-limits.ts); Fastify's
  // JSON parser reports by these codes, never with a bare SyntaxError; and a body that does not
  // match its Content-Length never arrives over HTTP (Node reads exactly that many bytes).
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError('INVALID_JSON', 'The body is not valid JSON');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError('PAYLOAD_TOO_LARGE', 'The body is larger than 64 KiB');
  }
  request.log.error({ err: error }, 'unexpected error');
  return new ApiError('INTERNAL_ERROR', 'Something went wrong on our side');
}

function describe(issue: ValidationIssue, part: string) {
  const base = issue.instancePath.slice(1).replace(/\//g, '.');
  const field =
    issue.keyword === 'required' ? join(base, String(issue.params.missingProperty))
    : issue.keyword === 'additionalProperties' ? join(base, String(issue.params.additionalProperty))
    : issue.keyword === 'discriminator' ? join(base, String(issue.params.tag))
    : base || part;
  const problem =
    issue.keyword === 'required' ? 'is required'
    : issue.keyword === 'additionalProperties' ? 'is not allowed'
    : issue.keyword === 'discriminator' ? 'must be one of the kinds this route knows'
    : issue.message;
  return { field, in: part, problem };
}

const join = (base: string, name: string) => (base ? `${base}.${name}` : name);
