/**
 * Problem details (RFC 9457). Every error a Safe Watch HTTP service returns is
 * `application/problem+json` with a stable `code` clients switch on (SPEC §4);
 * `title` is for people and may change.
 */

/** Default status and title per code; a ProblemError may override both. */
export const PROBLEM_CODES = {
  VEHICLE_NOT_VERIFIED: { status: 422, title: 'Vehicle could not be verified' },
  NO_QUALIFICATION: { status: 403, title: 'No qualification certificate on record' },
  BINDING_LIMIT_CURRENT: { status: 409, title: 'Too many vehicles bound at the same time' },
  BINDING_LIMIT_12_MONTHS: { status: 409, title: 'Too many vehicles bound within 12 months' },
  NOT_BOUND: { status: 409, title: 'Vehicle is not bound to this driver' },
  ALREADY_BOUND: { status: 409, title: 'Vehicle is already bound to this driver' },
  DELEGATION_ENDED: { status: 410, title: 'Delegation link already used or expired' },
  SHARE_LIMIT_VEHICLE: { status: 409, title: 'Too many active shares for this vehicle' },
  SHARE_OTHER_VEHICLE_ACTIVE: { status: 409, title: 'Another vehicle is being shared' },
  SHARE_CLAIMED: { status: 403, title: 'Share link already opened by someone else' },
  SHARE_OWN_LINK: { status: 403, title: 'A share link is for someone other than its driver' },
  SHARE_ENDED: { status: 410, title: 'Vehicle dynamics have ended' },
  NOTIFY_CHANNEL_UNAVAILABLE: { status: 409, title: 'This notification channel is not offered' },
  INVALID_PUSH_SUBSCRIPTION: { status: 400, title: 'The push subscription cannot be used' },
  UNKNOWN_TEMPLATE: { status: 400, title: 'No such notification template' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  FORBIDDEN: { status: 403, title: 'Forbidden' },
  UNAUTHENTICATED: { status: 401, title: 'Authentication required' },
  VALIDATION: { status: 400, title: 'Invalid request' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  CONFLICT: { status: 409, title: 'Conflict' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Payload too large' },
  REQUEST_TIMEOUT: { status: 408, title: 'Request timeout' },
  NOT_READY: { status: 503, title: 'Not ready' },
  INTERNAL: { status: 500, title: 'Internal error' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const PROBLEM_TYPE_PREFIX = 'urn:safewatch:problem:';

export interface FieldError {
  /** Where the bad value is, e.g. "body/plateNumber" or "querystring/list". */
  path: string;
  message: string;
}

export interface ProblemOptions {
  status?: number;
  title?: string;
  /** Human-readable explanation for this occurrence; never internal details. */
  detail?: string;
  /** Extension members merged into the body (e.g. `limit`, `errors`). */
  extra?: Record<string, unknown>;
  /** Response headers, e.g. `retry-after` or `www-authenticate`. */
  headers?: Record<string, string>;
  cause?: unknown;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail?: string;
  [extension: string]: unknown;
}

export class ProblemError extends Error {
  override name = 'ProblemError';
  readonly status: number;
  readonly code: ProblemCode;
  readonly title: string;
  readonly detail?: string;
  readonly extra?: Record<string, unknown>;
  readonly headers?: Record<string, string>;

  constructor(code: ProblemCode, opts: ProblemOptions = {}) {
    const defaults = PROBLEM_CODES[code];
    super(opts.detail ?? defaults.title, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.code = code;
    this.status = opts.status ?? defaults.status;
    this.title = opts.title ?? defaults.title;
    this.detail = opts.detail;
    this.extra = opts.extra;
    this.headers = opts.headers;
  }

  toJSON(): ProblemBody {
    return renderProblem(this);
  }
}

const RESERVED = new Set(['type', 'title', 'status', 'code', 'detail']);

/** The response body: standard members first, then extensions (which cannot overwrite them). */
export function renderProblem(p: ProblemError): ProblemBody {
  const body: ProblemBody = {
    type: `${PROBLEM_TYPE_PREFIX}${p.code}`,
    title: p.title,
    status: p.status,
    code: p.code,
  };
  if (p.detail !== undefined) body.detail = p.detail;
  for (const [k, v] of Object.entries(p.extra ?? {})) if (!RESERVED.has(k)) body[k] = v;
  return body;
}

export const BEARER_CHALLENGE = 'Bearer realm="safewatch"';

/** Constructors for the codes every service uses; domain codes use `problem.of` or `new ProblemError`. */
export const problem = {
  of: (code: ProblemCode, detail?: string, extra?: Record<string, unknown>) =>
    new ProblemError(code, { detail, extra }),
  notFound: (detail?: string) => new ProblemError('NOT_FOUND', { detail }),
  forbidden: (detail?: string) => new ProblemError('FORBIDDEN', { detail }),
  /** 401 with the RFC 6750 challenge; `invalidToken` says a token was sent but refused. */
  unauthenticated: (detail?: string, invalidToken = false) =>
    new ProblemError('UNAUTHENTICATED', {
      detail,
      headers: {
        'www-authenticate': invalidToken ? `${BEARER_CHALLENGE}, error="invalid_token"` : BEARER_CHALLENGE,
      },
    }),
  validation: (detail: string, errors?: FieldError[]) =>
    new ProblemError('VALIDATION', { detail, extra: errors ? { errors } : undefined }),
  conflict: (detail?: string) => new ProblemError('CONFLICT', { detail }),
  payloadTooLarge: (limitBytes?: number) =>
    new ProblemError('PAYLOAD_TOO_LARGE', {
      detail: limitBytes ? `the request body exceeds ${limitBytes} bytes` : undefined,
      extra: limitBytes ? { limitBytes } : undefined,
    }),
  rateLimited: (retryAfterSeconds: number) =>
    new ProblemError('RATE_LIMITED', {
      detail: `retry in ${retryAfterSeconds} s`,
      headers: { 'retry-after': String(retryAfterSeconds) },
    }),
  internal: () => new ProblemError('INTERNAL', { detail: 'an unexpected error occurred' }),
};

/**
 * JSON schema of a problem body, for routes' `response` schemas and the OpenAPI
 * document. Extensions stay allowed so `errors` and domain members serialize.
 */
export const problemResponseSchema = {
  type: 'object',
  description: 'RFC 9457 problem details (application/problem+json)',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', enum: Object.keys(PROBLEM_CODES) },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
  additionalProperties: true,
} as const;
