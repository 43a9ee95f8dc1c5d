import type { Redis } from 'ioredis';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import type { Registry } from 'prom-client';
import { countPostgresErrors, countRedisErrors } from './client-metrics.js';
import { createKafka } from './kafka/client.js';
import type { Logger } from './logger.js';
import { createPgPool } from './pg.js';
import { createRedis } from './redis.js';

/** The configuration every service parses (see the env fragments in config.ts). */
export interface ServiceClientsConfig {
  DATABASE_URL: string;
  PG_SCHEMA: string;
  PG_POOL_SIZE: number;
  REDIS_URL: string;
  KAFKA_BROKERS: string[];
  KAFKA_CLIENT_ID?: string | undefined;
}

/**
 * The Postgres pool, Redis client and Kafka client of a service, named after
 * it. Connection errors are logged and left to the readiness probe and retries;
 * with a registry they are also counted (postgres_client_errors_total,
 * redis_client_errors_total).
 */
export function createServiceClients(
  service: string,
  cfg: ServiceClientsConfig,
  logger: Logger,
  registry?: Registry,
): { pool: Pool; redis: Redis; kafka: Kafka } {
  const pool = createPgPool(
    {
      databaseUrl: cfg.DATABASE_URL,
      schema: cfg.PG_SCHEMA,
      poolSize: cfg.PG_POOL_SIZE,
      applicationName: `safewatch-${service}`,
    },
    (err) => logger.warn({ err: err.message }, 'postgres client error'),
  );
  const redis = createRedis(cfg.REDIS_URL, (err) => logger.debug({ err: err.message }, 'redis error'));
  if (registry) {
    countPostgresErrors(pool, registry);
    countRedisErrors(redis, registry);
  }
  const kafka = createKafka({ brokers: cfg.KAFKA_BROKERS, clientId: cfg.KAFKA_CLIENT_ID ?? service, logger });
  return { pool, redis, kafka };
}
