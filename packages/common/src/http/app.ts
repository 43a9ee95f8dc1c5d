import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  LogController,
} from 'fastify';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type { Logger } from '../logger.js';
import { createMetricsRegistry, Readiness } from '../ops-server.js';
import { type AuthConfig, usesDevSecret } from './auth.config.js';
import { registerAuth } from './auth.js';
import { installProblemHandlers } from './error-handler.js';
import type { TrustProxy } from './http.config.js';
import { registerHttpMetrics } from './http-metrics.js';
import { type OpenApiInfo, registerOpenApi } from './openapi.js';
import { OPS_PATHS, registerOpsRoutes } from './ops-routes.js';
import { registerRateLimit } from './rate-limit.js';

export const DEFAULT_BODY_LIMIT = 64 * 1024;

export interface HttpAppOptions {
  /** Service name: metrics label, OpenAPI title default. */
  service: string;
  logger: Logger;
  /** Default: a new registry with the process metrics. */
  registry?: Registry;
  /** Default: no conditions (always ready). */
  readiness?: Readiness;
  /** Token verification; without it `requireRole` answers 500. */
  auth?: AuthConfig;
  /** Rate-limit counters shared by all instances; in-process counters without it. */
  redis?: Redis;
  redisKeyPrefix?: string;
  /** Largest request body in bytes (default 64 KiB); routes may set their own `bodyLimit`. */
  bodyLimit?: number;
  /** Security headers (@fastify/helmet defaults, CSP included, for the HTML pages to come); false = off. */
  helmet?: FastifyHelmetOptions | false;
  openapi?: Partial<OpenApiInfo>;
  /** Behind a load balancer, so `request.ip` is the client's (per-IP limits). */
  trustProxy?: TrustProxy;
}

/**
 * Request log lines name the route pattern, not the URL: paths carry share and
 * delegation tokens. Headers and bodies are never logged.
 */
const requestSerializer = (req: FastifyRequest) => ({
  method: req.method,
  route: req.routeOptions?.url ?? 'unmatched',
});

/** A hop count becomes the equivalent function (fastify's types lack the number form). */
function fastifyTrustProxy(
  t: TrustProxy | undefined,
): boolean | string[] | ((addr: string, hop: number) => boolean) {
  if (typeof t === 'number') return (_addr, hop) => hop < t;
  return t ?? false;
}

/**
 * The fastify instance every HTTP service starts from: problem+json errors,
 * security headers, opt-in auth and rate limits, OpenAPI at /openapi.json,
 * ops routes and request metrics. Never listens (main.ts does).
 *
 * Async because the plugins must be loaded before the service declares its
 * routes: @fastify/swagger and @fastify/rate-limit see routes through onRoute
 * hooks, so a route declared earlier would be undocumented and unlimited.
 */
export async function buildHttpApp(opts: HttpAppOptions): Promise<FastifyInstance> {
  const logger = opts.logger.child({ component: 'http' }, { serializers: { req: requestSerializer } });
  const registry = opts.registry ?? createMetricsRegistry(opts.service);
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // Probes and scrapes every few seconds would drown the log.
    logController: new LogController({
      disableRequestLogging: (req: { url?: string }) => OPS_PATHS.has(req.url?.split('?')[0] ?? ''),
    }),
    bodyLimit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: fastifyTrustProxy(opts.trustProxy),
  });

  installProblemHandlers(app);
  if (opts.helmet !== false) await app.register(fastifyHelmet, { global: true, ...opts.helmet });
  if (opts.auth) {
    await registerAuth(app, opts.auth);
    if (usesDevSecret(opts.auth))
      logger.warn('JWT_SECRET is the public development secret: production must set its own');
  }
  await registerRateLimit(app, { redis: opts.redis, keyPrefix: opts.redisKeyPrefix });
  await registerOpenApi(app, {
    title: opts.openapi?.title ?? `Safe Watch ${opts.service}`,
    version: opts.openapi?.version ?? '1.0.0',
    ...(opts.openapi?.description ? { description: opts.openapi.description } : {}),
  });
  registerHttpMetrics(app, registry);
  registerOpsRoutes(app, { registry, readiness: opts.readiness ?? new Readiness([]) });
  return app;
}
