import { createHash, randomUUID } from 'node:crypto';
import {
  type AuthConfig,
  type FastifyInstance,
  type FastifyRequest,
  mintToken,
  ProblemError,
  perIdentityRateLimit,
  perIpRateLimit,
  principalOf,
  problem,
  requireRole,
} from '@safewatch/common';
import type { LimitResult, SyncedLimiter } from '../adapters/synced-limiter.js';
import { ShareRefusal } from '../domain/errors.js';
import { DURATIONS, type Duration } from '../domain/share.rules.js';
import type { ShareDeps } from '../usecases/deps.js';
import {
  cancelShare,
  cancelVehicleShares,
  createShare,
  listDriverShares,
} from '../usecases/driver-shares.usecase.js';
import { shareViewJson, vehicleViews } from '../usecases/view.builder.js';
import { claimShare, sharedWithMe, viewerShare } from '../usecases/viewer.usecase.js';
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
  /** POST /v1/dev/viewer-token (local demo only). */
  devViewerTokenPerIp: 30,
} as const;

/** A share link in rate-limit counters: 64 bits of its SHA-256, never the token itself. */
export const shareLimitKey = (token: string) =>
  `share:${createHash('sha256').update(token).digest('hex').slice(0, 16)}`;

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
  const refuse = (r: LimitResult) => {
    if (!r.allowed) throw problem.rateLimited(r.retryAfterS);
  };
  return {
    perIp: async (req: FastifyRequest) => refuse(limiter.hit(`${scope}:ip:${req.ip}`, limits.perIp)),
    perToken: async (req: FastifyRequest) =>
      refuse(
        limiter.hit(`${scope}-${shareLimitKey((req.params as { token: string }).token)}`, limits.perToken),
      ),
  };
}

const uuid = { type: 'string', format: 'uuid' } as const;
const tokenParams = {
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
      onRequest: family,
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

  app.get<{ Params: { token: string } }>(
    '/v1/shares/:token',
    {
      // No automatic HEAD twin: a HEAD would record a view and count against the limits.
      exposeHeadRoute: false,
      onRequest: [viewLimits.perIp, family],
      preHandler: viewLimits.perToken,
      schema: { params: tokenParams, response: r.view },
    },
    async (req, reply) => {
      const share = await call(() => viewerShare(deps, req.params.token, principalOf(req).sub, true));
      const key = `${share.plateNumber}:${share.plateColor}`;
      const json = shareViewJson(share, (await vehicleViews(deps, [key])).get(key), deps.now());
      const etag = `W/"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
      reply.header('etag', etag).header('cache-control', 'private, max-age=30');
      if (req.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.type('application/json').send(json);
    },
  );

  app.get(
    '/v1/family/me/shared-vehicles',
    { onRequest: family, schema: { response: r.sharedWithMe } },
    async (req) => ({
      items: await call(() => sharedWithMe(deps, principalOf(req).sub)),
    }),
  );

  if (devViewerLogin) {
    const perIp = perIpRateLimit(SHARE_RATE_LIMITS.devViewerTokenPerIp, SHARE_RATE_LIMITS.timeWindow);
    const opts = { config: { rateLimit: perIp }, schema: { response: r.devViewerToken } };
    app.post('/v1/dev/viewer-token', opts, async () => ({
      token: mintToken(devViewerLogin, { sub: `viewer-${randomUUID()}`, role: 'family' }, 7 * 24 * 3600),
    }));
  }
}
