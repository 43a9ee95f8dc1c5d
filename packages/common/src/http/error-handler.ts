import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  type FieldError,
  PROBLEM_CONTENT_TYPE,
  type ProblemCode,
  ProblemError,
  problem,
  renderProblem,
} from './problem.js';

const MAX_FIELD_ERRORS = 10;

/** Status of a framework or library 4xx error → the code clients see. */
const CODE_BY_STATUS: Record<number, ProblemCode> = {
  400: 'VALIDATION',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
};

export interface ProblemMapping {
  problem: ProblemError;
  /** True when the error was not anticipated: it is logged at error level and hidden from the client. */
  unexpected: boolean;
}

/** Whether an error comes from @fastify/jwt or fast-jwt (missing, malformed, expired or forged token). */
export function isJwtError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('FST_JWT_') || code.startsWith('FAST_JWT_'));
}

/** Maps a JWT error to 401 without echoing the library's message (it can describe the token). */
export function jwtProblem(err: unknown): ProblemError {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'FST_JWT_NO_AUTHORIZATION_IN_HEADER')
    return problem.unauthenticated('a bearer token is required');
  if (code === 'FST_JWT_AUTHORIZATION_TOKEN_EXPIRED' || code === 'FAST_JWT_EXPIRED')
    return problem.unauthenticated('the bearer token has expired', true);
  return problem.unauthenticated('the bearer token is invalid', true);
}

function fieldErrors(err: FastifyError): FieldError[] {
  const context = err.validationContext ?? 'request';
  return (err.validation ?? []).slice(0, MAX_FIELD_ERRORS).map((v) => {
    const missing = v.keyword === 'required' ? v.params.missingProperty : undefined;
    const pointer = `${v.instancePath}${typeof missing === 'string' ? `/${missing}` : ''}`;
    return { path: `${context}${pointer}`, message: v.message ?? v.keyword };
  });
}

/** Network and server-state codes of a dependency that is away (Node, pg's SQLSTATE). */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
]);
/** What pg and ioredis say when their server is gone or they gave up on it. */
const UNAVAILABLE_MESSAGE =
  /^(Connection is closed|Connection terminated|timeout exceeded when trying to connect|Stream isn't writeable|Reached the max retries per request limit)/;

/**
 * Whether an error means Postgres or Redis is away (restarting, unreachable): the client
 * should try again shortly, it did nothing wrong and nothing broke in the service.
 */
export function isDependencyUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; name?: unknown; message?: unknown } | null;
  if (!e) return false;
  if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
  if (e.name === 'MaxRetriesPerRequestError') return true;
  return typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message);
}

/** Seconds a client is told to wait when a dependency is away. */
const UNAVAILABLE_RETRY_AFTER_S = 5;

/** Decides what the client sees for any error thrown during a request. */
export function toProblem(error: unknown, bodyLimit?: number): ProblemMapping {
  if (error instanceof ProblemError) return { problem: error, unexpected: false };
  const err = error as Partial<FastifyError> | null;
  if (err && Array.isArray(err.validation)) {
    const errors = fieldErrors(err as FastifyError);
    return {
      problem: problem.validation('the request does not match its schema', errors),
      unexpected: false,
    };
  }
  if (isJwtError(err)) return { problem: jwtProblem(err), unexpected: false };
  switch (err?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { problem: problem.payloadTooLarge(bodyLimit), unexpected: false };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        problem: problem.validation('unsupported content-type: send application/json'),
        unexpected: false,
      };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { problem: problem.validation('the body is not valid JSON'), unexpected: false };
  }
  if (isDependencyUnavailable(err))
    return {
      problem: new ProblemError('NOT_READY', {
        detail: 'a store this answer needs is unavailable for a moment; try again shortly',
        headers: { 'retry-after': String(UNAVAILABLE_RETRY_AFTER_S) },
      }),
      unexpected: false,
    };
  const status = err?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = CODE_BY_STATUS[status] ?? 'VALIDATION';
    // Fastify's own 4xx messages describe the request, never the server; other libraries' may not.
    const detail = typeof err?.code === 'string' && err.code.startsWith('FST_') ? err.message : undefined;
    return { problem: new ProblemError(code, { status, detail }), unexpected: false };
  }
  return { problem: problem.internal(), unexpected: true };
}

export function sendProblem(reply: FastifyReply, p: ProblemError): FastifyReply {
  if (p.headers) reply.headers(p.headers);
  return reply.code(p.status).type(PROBLEM_CONTENT_TYPE).send(renderProblem(p));
}

/** Installs the problem+json error and not-found handlers on an instance (children inherit them). */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { problem: p, unexpected } = toProblem(error, request.routeOptions.bodyLimit);
    if (unexpected) request.log.error({ err: error }, 'unhandled error');
    else if (p.code === 'NOT_READY')
      request.log.warn({ err: (error as Error)?.message, code: p.code }, 'a dependency is unavailable');
    else request.log.info({ code: p.code, status: p.status }, 'request refused');
    return sendProblem(reply, p);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem.notFound(`no route matches ${request.method} ${request.url.split('?')[0]}`)),
  );
}
