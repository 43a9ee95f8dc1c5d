import {
  authConfig,
  buildHttpApp,
  createMetricsRegistry,
  createProducer,
  createServiceClients,
  dependencyProbe,
  type FastifyInstance,
  httpTimeouts,
  type Logger,
  Readiness,
  topicNames,
} from '@safewatch/common';
import type { Registry } from 'prom-client';
import { OutboxRelay } from './adapters/outbox.relay.js';
import type { BindingsConfig } from './config.js';
import { carrierRoutes } from './http/carrier.routes.js';
import { driverRoutes, type RouteOptions } from './http/driver.routes.js';
import { familyRoutes } from './http/family.routes.js';
import { assertRegistryTables, importRegistryFile, summaryLine } from './registry/index.js';
import type { BindingsDeps } from './usecases/deps.js';

export interface BindingsApp {
  server: FastifyInstance;
  registry: Registry;
  readiness: Readiness;
  deps: BindingsDeps;
  /** Connects, checks the wiring (fail fast), loads the configured registry file, starts the outbox relay. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Builds the bindings service from configuration; never listens (main.ts does). */
export async function createBindingsApp(
  cfg: BindingsConfig,
  logger: Logger,
  now: () => Date = () => new Date(),
): Promise<BindingsApp> {
  const registry = createMetricsRegistry('bindings');
  const readiness = new Readiness(['postgres', 'redis', 'kafka']);
  const { pool, redis, kafka } = createServiceClients('bindings', cfg, logger, registry);
  const producer = createProducer(kafka);
  const relay = new OutboxRelay({ pool, producer, logger, registry });

  const deps: BindingsDeps = {
    pool,
    redis,
    redisPrefix: cfg.REDIS_KEY_PREFIX,
    eventsTopic: topicNames(cfg.KAFKA_TOPIC_PREFIX).bindingsEvents,
    eventsWritten: () => relay.kick(),
    now,
    delegationTtlMs: cfg.BINDINGS_DELEGATION_TTL_HOURS * 3600_000,
  };

  const server = await buildHttpApp({
    service: 'bindings',
    logger,
    registry,
    readiness,
    auth: authConfig(cfg),
    redis,
    redisKeyPrefix: cfg.REDIS_KEY_PREFIX,
    bodyLimit: cfg.HTTP_BODY_LIMIT,
    trustProxy: cfg.TRUST_PROXY,
    corsOrigins: cfg.HTTP_CORS_ORIGINS,
    timeouts: httpTimeouts(cfg),
    openapi: { title: 'Safe Watch bindings API', description: 'Driver–vehicle bindings (SPEC §2 B1–B7)' },
  });
  const routeOptions: RouteOptions = {
    deps,
    bindAttemptsPerMinute: cfg.BINDINGS_BIND_ATTEMPTS_PER_MINUTE,
    publicBaseUrl: cfg.PUBLIC_BASE_URL.replace(/\/$/, ''),
  };
  await driverRoutes(server, routeOptions);
  await familyRoutes(server, routeOptions);
  await carrierRoutes(server, routeOptions);

  // Readiness follows the dependencies even when no data flows.
  const probe = dependencyProbe(readiness, { pool, redis, kafka });

  return {
    server,
    registry,
    readiness,
    deps,
    async start() {
      await assertRegistryTables(pool);
      await redis
        .connect()
        .catch((err: Error) => logger.warn({ err: err.message }, 'redis not reachable yet'));
      await producer.connect();
      readiness.set('kafka', true);
      if (cfg.BINDINGS_REGISTRY_FILE) {
        const report = await importRegistryFile(pool, cfg.BINDINGS_REGISTRY_FILE, {
          topicPrefix: cfg.KAFKA_TOPIC_PREFIX,
        });
        logger.info(
          { inserted: report.inserted, updated: report.updated, rejected: report.rejected },
          summaryLine(report),
        );
      }
      await probe.start();
      relay.start();
    },
    async stop() {
      probe.stop();
      await server.close();
      await relay.stop();
      await producer.disconnect();
      readiness.set('kafka', false);
      redis.disconnect();
      await pool.end();
    },
  };
}
