import fastifyJwt from '@fastify/jwt';
import { createVerifier } from 'fast-jwt';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { AuthConfig } from './auth.config.js';
import { isJwtError, jwtProblem } from './error-handler.js';
import { type Principal, principalFromClaims, ROLES, type Role } from './principal.js';
import { problem } from './problem.js';

/** Clock skew tolerated on `exp` between the issuer and us. */
const CLOCK_TOLERANCE_MS = 5_000;

/**
 * Registers token verification (@fastify/jwt) on the root instance: only
 * decorators, no hook. Routes opt in with `requireRole` / `optionalPrincipal`.
 * The algorithm is pinned, so `alg: none` and HS/RS confusion are refused.
 */
export async function registerAuth(app: FastifyInstance, cfg: AuthConfig): Promise<void> {
  app.decorateRequest('principal', undefined);
  const verify = {
    algorithms: [cfg.algorithm],
    allowedIss: cfg.issuer,
    allowedAud: cfg.audience,
    // fast-jwt skips allowedIss/allowedAud when the claim is absent: require them.
    requiredClaims: ['exp', 'iss', 'aud', 'sub', 'role'],
    clockTolerance: CLOCK_TOLERANCE_MS,
    // Verified tokens are remembered (fast-jwt ≥ 6.3.4 keeps each entry no
    // longer than the token's exp), so a client polling with one token pays
    // for the signature check once a minute, not on every request.
    cache: 10_000,
    cacheTTL: 60_000,
  };
  await app.register(fastifyJwt, {
    secret: cfg.algorithm === 'HS256' ? cfg.secret : { public: cfg.publicKey },
    verify,
  });
  // The guards call fast-jwt's verifier directly, with the same options: the
  // plugin's per-request wrapper (option merging, a decode before the
  // verifier's own, a callback waterfall) cost several times the cached check.
  const current = createVerifier({
    ...verify,
    key: cfg.algorithm === 'HS256' ? cfg.secret : cfg.publicKey,
  }) as (token: string) => unknown;
  // Key rotation: a token whose signature does not match the current key is
  // tried against the previous one (JWT_PREVIOUS_SECRET / JWT_PREVIOUS_PUBLIC_KEY).
  const previous = cfg.previousKey
    ? (createVerifier({ ...verify, key: cfg.previousKey }) as (token: string) => unknown)
    : undefined;
  const verifier = previous
    ? (token: string) => {
        try {
          return current(token);
        } catch (err) {
          if ((err as { code?: unknown }).code !== 'FAST_JWT_INVALID_SIGNATURE') throw err;
          return previous(token);
        }
      }
    : current;
  app.decorate(BEARER_VERIFIER, verifier);
}

const BEARER_VERIFIER = 'safewatchBearerVerifier';

/** The token of `Authorization: Bearer <token>`; the same refusals as @fastify/jwt. */
function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (header === undefined || header === '') throw problem.unauthenticated('a bearer token is required');
  const parts = header.split(' ');
  if (parts.length !== 2 || !/^Bearer$/i.test(parts[0] ?? '') || !parts[1])
    throw problem.unauthenticated('the bearer token is invalid', true);
  return parts[1];
}

function verifiedPrincipal(request: FastifyRequest): Principal {
  const verifier = (request.server as unknown as Record<string, unknown>)[BEARER_VERIFIER] as
    | ((token: string) => unknown)
    | undefined;
  if (typeof verifier !== 'function')
    throw new Error('route guard used without auth: pass `auth` to buildHttpApp');
  const token = bearerToken(request);
  let payload: unknown;
  try {
    payload = verifier(token);
  } catch (err) {
    if (isJwtError(err)) throw jwtProblem(err);
    throw err;
  }
  const principal = principalFromClaims(payload);
  if (!principal) throw problem.unauthenticated('the bearer token lacks valid sub, role or carrierId', true);
  return principal;
}

export type AuthGuard = ((
  request: FastifyRequest,
  reply: FastifyReply,
  done: HookHandlerDoneFunction,
) => void) & {
  /** Read by the OpenAPI transform to mark the route as bearer-protected. */
  readonly roles: readonly Role[];
};

/**
 * A hook (use it as `onRequest`, so bodies of refused requests are never
 * parsed) that sets `request.principal` or answers 401 (no, malformed,
 * expired or forged token) / 403 (valid token, other role).
 */
export function requireRole(...roles: Role[]): AuthGuard {
  if (roles.length === 0) throw new Error('requireRole needs at least one role');
  for (const r of roles) if (!ROLES.includes(r)) throw new Error(`unknown role ${r}`);
  // Callback style: no promise per request.
  const guard = (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
    let principal: Principal;
    try {
      principal = verifiedPrincipal(request);
    } catch (err) {
      done(err as Error);
      return;
    }
    request.principal = principal;
    if (roles.includes(principal.role)) done();
    else done(problem.forbidden(`this operation is for role ${roles.join(' or ')}`));
  };
  return Object.assign(guard, { roles: Object.freeze([...roles]) });
}

/** Sets `request.principal` when a bearer token is sent (a bad one is still 401); anonymous otherwise. */
export async function optionalPrincipal(request: FastifyRequest): Promise<void> {
  if (request.headers.authorization === undefined) return;
  request.principal = verifiedPrincipal(request);
}

/** The guarded route's principal; 401 if the route was (wrongly) left unguarded. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw problem.unauthenticated('a bearer token is required');
  return request.principal;
}

export function isAuthGuard(fn: unknown): fn is AuthGuard {
  return typeof fn === 'function' && Array.isArray((fn as Partial<AuthGuard>).roles);
}
