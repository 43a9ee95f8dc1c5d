import fastifyRateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { problem } from './problem.js';

export type { RateLimitOptions } from '@fastify/rate-limit';

export interface RateLimitSetup {
  /** Counters live in Redis when given, so a limit holds across instances; in memory otherwise. */
  redis?: Redis;
  /** Prepended to every counter key (the service's REDIS_KEY_PREFIX). */
  keyPrefix?: string;
  /** Let requests through when Redis fails (default true): an outage must not take the API down. */
  skipOnError?: boolean;
}

/**
 * Registers @fastify/rate-limit with `global: false`: nothing is limited
 * until a route sets `config: { rateLimit: perIdentityRateLimit(...) }`.
 */
export async function registerRateLimit(app: FastifyInstance, setup: RateLimitSetup = {}): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: false,
    redis: setup.redis,
    nameSpace: `${setup.keyPrefix ?? ''}ratelimit:`,
    skipOnError: setup.skipOnError ?? true,
    errorResponseBuilder: (_req, ctx) => problem.rateLimited(Math.max(1, Math.ceil(ctx.ttl / 1000))),
  });
}

/** `timeWindow` in ms or as text ("1 minute"). */
export type TimeWindow = number | string;

/**
 * Limit per caller: the principal's `sub`, or the client IP on anonymous
 * requests. Runs as a preHandler, after the route's auth guard has set the
 * principal whichever hook the guard was registered on.
 */
export function perIdentityRateLimit(max: number, timeWindow: TimeWindow): RateLimitOptions {
  return {
    max,
    timeWindow,
    hook: 'preHandler',
    keyGenerator: (req: FastifyRequest) => (req.principal ? `sub:${req.principal.sub}` : `ip:${req.ip}`),
  };
}

/** Limit per client IP, checked before the body is read (set `trustProxy` behind a proxy). */
export function perIpRateLimit(max: number, timeWindow: TimeWindow): RateLimitOptions {
  return { max, timeWindow, hook: 'onRequest', keyGenerator: (req: FastifyRequest) => `ip:${req.ip}` };
}
