import fastifyCors from '@fastify/cors';
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
import { registerHttpTracing } from '../tracing/http-tracing.js';
import { type AuthConfig, usesDevSecret } from './auth.config.js';
import { registerAuth } from './auth.js';
import { clientErrorHandler, frameworkErrorHandler } from './client-error.js';
import { installProblemHandlers } from './error-handler.js';
import { DEFAULT_HTTP_TIMEOUTS, type HttpTimeouts, type TrustProxy } from './http.config.js';
import { registerHttpMetrics } from './http-metrics.js';
import { registerNulGuard } from './nul-guard.js';
import { type OpenApiInfo, registerOpenApi } from './openapi.js';
import { OPS_PATHS, registerOpsRoutes } from './ops-routes.js';
import { registerRateLimit } from './rate-limit.js';
import { registerSecurityHeaders } from './security-headers.js';

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
  /** Security headers of every answer (default API_SECURITY_HEADERS); false = off. */
  securityHeaders?: Readonly<Record<string, string>> | false;
  openapi?: Partial<OpenApiInfo>;
  /** Behind a load balancer, so `request.ip` is the client's (per-IP limits). */
  trustProxy?: TrustProxy;
  /** Browser origins allowed cross-origin (exact); default none: no CORS headers, preflights answer 404. */
  corsOrigins?: readonly string[];
  /** Default DEFAULT_HTTP_TIMEOUTS. */
  timeouts?: Partial<HttpTimeouts>;
}

/**
 * What a browser on an allowed origin may do: bearer tokens (no cookies), the
 * SSE resume header, conditional views; and read the headers clients act on.
 */
const CORS_POLICY = {
  methods: ['GET', 'POST', 'DELETE'],
  allowedHeaders: ['authorization', 'content-type', 'last-event-id', 'if-none-match'],
  exposedHeaders: ['etag', 'retry-after', 'www-authenticate', 'x-ratelimit-limit', 'x-ratelimit-remaining'],
  credentials: false,
  maxAge: 600,
  strictPreflight: true,
  hideOptionsRoute: true,
};

/** How often node checks connections against the header and request timeouts (its default is 30 s). */
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

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
  const timeouts = { ...DEFAULT_HTTP_TIMEOUTS, ...opts.timeouts };
  if (timeouts.headersMs > timeouts.requestMs)
    throw new Error('the headers timeout must not exceed the request timeout');
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // Probes and scrapes every few seconds would drown the log.
    logController: new LogController({
      disableRequestLogging: (req: { url?: string }) => OPS_PATHS.has(req.url?.split('?')[0] ?? ''),
    }),
    bodyLimit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: fastifyTrustProxy(opts.trustProxy),
    // Slow clients (slowloris) are cut off: headers and the whole request must
    // arrive in time. Responses are not limited (SSE streams last for hours).
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    http: {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      connectionsCheckingInterval: Math.min(TIMEOUT_CHECK_INTERVAL_MS, timeouts.headersMs),
    },
    clientErrorHandler,
    frameworkErrors: frameworkErrorHandler,
  });

  // First, so that every route and plugin is traced (only when tracing is on).
  await registerHttpTracing(app, OPS_PATHS);
  installProblemHandlers(app);
  registerNulGuard(app);
  if (opts.securityHeaders !== false) registerSecurityHeaders(app, opts.securityHeaders);
  if (opts.corsOrigins && opts.corsOrigins.length > 0)
    await app.register(fastifyCors, { ...CORS_POLICY, origin: [...opts.corsOrigins] });
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
