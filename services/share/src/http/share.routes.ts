import { randomUUID } from 'node:crypto';
import {
  type AuthConfig,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  mintToken,
  type onRequestHookHandler,
  ProblemError,
  perIdentityRateLimit,
  perIpRateLimit,
  type preHandlerHookHandler,
  principalOf,
  problem,
  requireRole,
} from '@safewatch/common';
import type { LimitResult, SyncedLimiter } from '../adapters/synced-limiter.js';
import { ShareRefusal } from '../domain/errors.js';
import { DURATIONS, type Duration, hashShareToken } from '../domain/share.rules.js';
import type { ShareDeps } from '../usecases/deps.js';
import {
  cancelShare,
  cancelVehicleShares,
  createShare,
  listDriverShares,
} from '../usecases/driver-shares.usecase.js';
import { readTrack } from '../usecases/track.usecase.js';
import type { ViewAnswer } from '../usecases/view.builder.js';
import { readView } from '../usecases/view.usecase.js';
import { claimShare, sharedWithMe } from '../usecases/viewer.usecase.js';
import { shareResponses as r } from './share.openapi.js';

/** Runs a use case, turning a sharing rule's refusal into its problem+json answer. */
export async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ShareRefusal)
      throw new ProblemError(err.code, { detail: err.message, extra: err.extra });
    throw err;
  }
}

/**
 * Requests per client IP, per share link and per driver in each `timeWindow`.
 * Per IP: guessing links at scale. Per link: a link guessed or shared widely
 * cannot be hammered, whoever holds the viewer tokens.
 */
export const SHARE_RATE_LIMITS = {
  timeWindow: '1 minute',
  /** POST /v1/drivers/me/shares, per driver. */
  createPerDriver: 30,
  /**
   * A link posted to a family chat may be opened by dozens of relatives at
   * once: they should read SHARE_CLAIMED, not RATE_LIMITED, hence 60 per link.
   */
  claim: { perIp: 120, perToken: 60 },
  /** The claimer polls every 30 s (S7); reloads and a few devices stay far below. */
  view: { perIp: 120, perToken: 60 },
  /** EventSource reconnects by itself (about every 3 s at worst). */
  stream: { perIp: 60, perToken: 30 },
  /** X7: the page reads today's track on load and every 5 minutes; reloads stay far below. */
  track: { perIp: 60, perToken: 20 },
  /** X8: the viewer reads and changes his notification choices now and then. */
  notify: { perIp: 60, perToken: 20 },
  /** POST /v1/dev/viewer-token (local demo only). */
  devViewerTokenPerIp: 30,
} as const;

/** A share link in rate-limit counters: 64 bits of its SHA-256 (`hashShareToken`), never the token itself. */
export const shareLimitKeyOf = (tokenHash: Buffer) => `share:${tokenHash.toString('hex', 0, 8)}`;
export const shareLimitKey = (token: string) => shareLimitKeyOf(hashShareToken(token));

/**
 * The per-link limit of a `:token` route, a `preHandler` (after the role
 * guard and the params schema) next to the route's per-IP `config.rateLimit`.
 * It uses `createRateLimit`, not `app.rateLimit()`: @fastify/rate-limit runs
 * only the first of its own hooks on a request (one flag per request), so a
 * second `app.rateLimit()` hook would never count. Such counters are not
 * namespaced per route (the plugin names them `undefinedundefined-`), so the
 * key carries `scope`.
 */
export function perTokenRateLimit(app: FastifyInstance, scope: string, max: number) {
  const check = app.createRateLimit({
    max,
    timeWindow: SHARE_RATE_LIMITS.timeWindow,
    keyGenerator: (req) => `${scope}-${shareLimitKey((req.params as { token: string }).token)}`,
  });
  return async (request: FastifyRequest) => {
    const limit = await check(request);
    if (!limit.isAllowed && limit.isExceeded) throw problem.rateLimited(Math.max(1, limit.ttlInSeconds));
  };
}

/**
 * The per-IP and per-link limits of the family view and stream, the hottest
 * routes: counted in memory and shared between instances in the background
 * (SyncedLimiter), so a request costs no Redis round trip. Same keys and
 * windows as the other limits; `perIp` runs first, before the token is
 * verified, so guessing is counted whoever guesses.
 */
export function syncedShareLimits(
  limiter: SyncedLimiter,
  scope: 'view' | 'stream',
  limits: { perIp: number; perToken: number },
) {
  const refusal = (r: LimitResult) => (r.allowed ? undefined : problem.rateLimited(r.retryAfterS));
  const tokenRefusal = (tokenHash: Buffer) =>
    refusal(limiter.hit(`${scope}-${shareLimitKeyOf(tokenHash)}`, limits.perToken));
  // Callback-style hooks: no promise per request on the hottest routes.
  const perIp: onRequestHookHandler = (req, _reply, done) => {
    const err = refusal(limiter.hit(`${scope}:ip:${req.ip}`, limits.perIp));
    if (err) done(err);
    else done();
  };
  const perToken: preHandlerHookHandler = (req, _reply, done) => {
    const err = tokenRefusal(hashShareToken((req.params as { token: string }).token));
    if (err) done(err);
    else done();
  };
  return {
    perIp,
    perToken,
    /** The per-link count inside a handler that already hashed the link; throws the refusal. */
    hitToken(tokenHash: Buffer): void {
      const err = tokenRefusal(tokenHash);
      if (err) throw err;
    },
  };
}

/** Who may claim, view and stream a share link (S2, S12); carriers and ops may not. */
export const VIEWER_ROLES = ['family', 'driver'] as const;

const uuid = { type: 'string', format: 'uuid' } as const;
export const tokenParams = {
  type: 'object',
  required: ['token'],
  properties: { token: { type: 'string', minLength: 1, maxLength: 128 } },
} as const;

export interface ShareRouteOptions {
  deps: ShareDeps;
  /** Local demo only: hands out family viewer tokens (production: the mini-program's one-click login). */
  devViewerLogin?: AuthConfig | undefined;
  /** Limits of the view (SHARE_RATE_LIMITS.view), shared between instances. */
  limiter: SyncedLimiter;
}

export async function shareRoutes(
  app: FastifyInstance,
  { deps, devViewerLogin, limiter }: ShareRouteOptions,
) {
  const viewLimits = syncedShareLimits(limiter, 'view', SHARE_RATE_LIMITS.view);
  const driver = requireRole('driver');
  const family = requireRole('family');
  /** S12: drivers claim and view links others shared with them, as family members do. */
  const viewer = requireRole(...VIEWER_ROLES);

  app.post<{ Body: { vehicleId: string; duration: Duration } }>(
    '/v1/drivers/me/shares',
    {
      onRequest: driver,
      config: {
        rateLimit: perIdentityRateLimit(SHARE_RATE_LIMITS.createPerDriver, SHARE_RATE_LIMITS.timeWindow),
      },
      schema: {
        body: {
          type: 'object',
          required: ['vehicleId', 'duration'],
          additionalProperties: false,
          properties: { vehicleId: uuid, duration: { type: 'string', enum: [...DURATIONS] } },
        },
        response: r.create,
      },
    },
    async (req, reply) => {
      const r = await call(() =>
        createShare(deps, principalOf(req).sub, req.body.vehicleId, req.body.duration),
      );
      return reply.code(201).send({
        shareId: r.share.shareId,
        token: r.token,
        link: r.link,
        vehicleId: r.share.vehicleId,
        plateNumber: r.share.plateNumber,
        plateColor: r.share.plateColor,
        duration: r.share.duration,
        expiresAt: r.share.expiresAt.toISOString(),
      });
    },
  );

  app.get('/v1/drivers/me/shares', { onRequest: driver, schema: { response: r.list } }, async (req) => ({
    items: await call(() => listDriverShares(deps, principalOf(req).sub)),
  }));

  app.delete<{ Params: { shareId: string } }>(
    '/v1/drivers/me/shares/:shareId',
    {
      onRequest: driver,
      schema: {
        params: { type: 'object', required: ['shareId'], properties: { shareId: uuid } },
        response: r.cancel,
      },
    },
    async (req) => {
      const s = await call(() => cancelShare(deps, principalOf(req).sub, req.params.shareId));
      return { share: { shareId: s?.shareId, status: 'ended', endedReason: 'CANCELLED' } };
    },
  );

  app.delete<{ Params: { vehicleId: string } }>(
    '/v1/drivers/me/vehicles/:vehicleId/shares',
    {
      onRequest: driver,
      schema: {
        params: { type: 'object', required: ['vehicleId'], properties: { vehicleId: uuid } },
        response: r.cancelVehicle,
      },
    },
    async (req) => ({
      cancelled: await call(() => cancelVehicleShares(deps, principalOf(req).sub, req.params.vehicleId)),
    }),
  );

  // Claims and views are limited per link (preHandler) and per client IP (config.rateLimit): SHARE_RATE_LIMITS.
  app.post<{ Params: { token: string } }>(
    '/v1/shares/:token/claim',
    {
      onRequest: viewer,
      preHandler: perTokenRateLimit(app, 'claim', SHARE_RATE_LIMITS.claim.perToken),
      config: { rateLimit: perIpRateLimit(SHARE_RATE_LIMITS.claim.perIp, SHARE_RATE_LIMITS.timeWindow) },
      schema: { params: tokenParams, response: r.claim },
    },
    async (req) => {
      const s = await call(() => claimShare(deps, req.params.token, principalOf(req).sub));
      return {
        shareId: s.shareId,
        plateNumber: s.plateNumber,
        plateColor: s.plateColor,
        expiresAt: s.expiresAt.toISOString(),
      };
    },
  );

  /** The view, or 304 when the viewer already has this version (S7: polled every 30 s). */
  const sendView = (req: FastifyRequest, reply: FastifyReply, answer: ViewAnswer): void => {
    reply.header('etag', answer.etag).header('cache-control', 'private, max-age=30');
    if (req.headers['if-none-match'] === answer.etag) reply.code(304).send();
    else reply.type('application/json').send(answer.body);
  };

  app.get<{ Params: { token: string } }>(
    '/v1/shares/:token',
    {
      // No automatic HEAD twin: a HEAD would record a view and count against the limits.
      exposeHeadRoute: false,
      onRequest: [viewLimits.perIp, viewer],
      schema: { params: tokenParams, response: r.view },
    },
    // Not async: a view served from memory (the usual case) runs without a promise.
    (req, reply) => {
      const { token } = req.params;
      const tokenHash = hashShareToken(token);
      viewLimits.hitToken(tokenHash);
      const viewer = principalOf(req).sub;
      const answer = readView(deps, token, tokenHash, viewer);
      if (!(answer instanceof Promise)) return sendView(req, reply, answer);
      return call(() => answer).then((a) => sendView(req, reply, a));
    },
  );

  // X7: today's track, for the claimer only; not recorded as a view (the page reads it beside the view).
  app.get<{ Params: { token: string } }>(
    '/v1/shares/:token/track',
    {
      exposeHeadRoute: false,
      onRequest: viewer,
      preHandler: perTokenRateLimit(app, 'track', SHARE_RATE_LIMITS.track.perToken),
      config: { rateLimit: perIpRateLimit(SHARE_RATE_LIMITS.track.perIp, SHARE_RATE_LIMITS.timeWindow) },
      schema: { params: tokenParams, response: r.track },
    },
    async (req, reply) => {
      const body = await call(() => readTrack(deps, req.params.token, principalOf(req).sub));
      return reply.header('cache-control', 'private, max-age=30').type('application/json').send(body);
    },
  );

  // S9 for family members, S12 for drivers (他人分享的车辆): one list, each role under its own path.
  const listSharedWithMe = async (req: FastifyRequest) => ({
    items: await call(() => sharedWithMe(deps, principalOf(req).sub)),
  });
  app.get(
    '/v1/family/me/shared-vehicles',
    { onRequest: family, schema: { response: r.sharedWithMe } },
    listSharedWithMe,
  );
  app.get(
    '/v1/drivers/me/shared-vehicles',
    { onRequest: driver, schema: { response: r.sharedWithMe } },
    listSharedWithMe,
  );

  if (devViewerLogin) {
    const perIp = perIpRateLimit(SHARE_RATE_LIMITS.devViewerTokenPerIp, SHARE_RATE_LIMITS.timeWindow);
    const opts = { config: { rateLimit: perIp }, schema: { response: r.devViewerToken } };
    app.post('/v1/dev/viewer-token', opts, async () => ({
      token: mintToken(devViewerLogin, { sub: `viewer-${randomUUID()}`, role: 'family' }, 7 * 24 * 3600),
    }));
  }
}
