import {
  buildOpsServer,
  createMetricsRegistry,
  createServiceClients,
  dependencyProbe,
  type Logger,
  producerConfig,
  Readiness,
  topicNames,
} from '@safewatch/common';
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { LastPositionStore } from './adapters/last-position.store.js';
import { IngestMetrics } from './adapters/metrics.js';
import { PositionsRepo } from './adapters/positions.repo.js';
import { PositionPublisher } from './adapters/publisher.js';
import { RawConsumer } from './adapters/raw-consumer.js';
import type { IngestConfig } from './config.js';
import type { ValidationParams } from './domain/validate.rule.js';
import { completeChunk, type IngestPorts, persistChunk } from './usecases/ingest-chunk.usecase.js';

export interface IngestApp {
  server: FastifyInstance;
  registry: Registry;
  readiness: Readiness;
  metrics: IngestMetrics;
  /** Connects, checks the wiring (fail fast) and starts consuming. */
  start(): Promise<void>;
  /** Finishes the chunk in hand, commits, closes every client. */
  stop(): Promise<void>;
}

export interface IngestOverrides {
  /** Wraps the I/O ports: lets fault tests inject a crash between steps. */
  wrapPorts?: (ports: IngestPorts) => IngestPorts;
  now?: () => number;
}

/** Builds the ingest service from configuration; never listens (main.ts does). */
export function createIngestApp(
  cfg: IngestConfig,
  logger: Logger,
  overrides: IngestOverrides = {},
): IngestApp {
  const registry = createMetricsRegistry('ingest');
  const readiness = new Readiness(['kafka', 'postgres', 'redis']);
  const metrics = new IngestMetrics(registry);
  const topics = topicNames(cfg.KAFKA_TOPIC_PREFIX);
  const log = logger;

  const { pool, redis, kafka } = createServiceClients('ingest', cfg, log, registry);
  const producer = kafka.producer(producerConfig());

  const repo = new PositionsRepo(pool);
  const lastPositions = new LastPositionStore(redis, cfg.REDIS_KEY_PREFIX);
  const publisher = new PositionPublisher(producer, topics);
  const basePorts: IngestPorts = {
    persist: (p) => repo.insert(p),
    updateLastPositions: (p) => lastPositions.update(p),
    publish: (a, r) => publisher.publish(a, r),
  };
  const ports = overrides.wrapPorts ? overrides.wrapPorts(basePorts) : basePorts;
  const now = overrides.now ?? Date.now;
  const params: ValidationParams = {
    futureToleranceMs: cfg.INGEST_FUTURE_TOLERANCE_S * 1000,
    maxSpeedKmh: cfg.INGEST_MAX_SPEED_KMH,
    earliestTimeMs: Date.UTC(2000, 0, 1),
    maxPositionsPerBatch: cfg.INGEST_MAX_POSITIONS_PER_BATCH,
  };

  const consumer = new RawConsumer({
    kafka,
    groupId: cfg.INGEST_GROUP_ID,
    topic: topics.positionsRaw,
    chunkBytes: cfg.INGEST_CHUNK_BYTES,
    partitionsConcurrently: cfg.INGEST_PARTITIONS_CONCURRENTLY,
    fetchMaxWaitMs: cfg.INGEST_FETCH_MAX_WAIT_MS,
    sessionTimeoutMs: cfg.INGEST_SESSION_TIMEOUT_MS,
    readiness,
    metrics,
    registry,
    logger: log,
    persistChunk: async (messages, run) => {
      const started = performance.now();
      return { started, chunk: await persistChunk(messages, ports, run, now(), params) };
    },
    completeChunk: async ({ started, chunk }, run) => {
      metrics.record(await completeChunk(chunk, ports, run));
      metrics.chunkSeconds.observe((performance.now() - started) / 1000);
    },
  });

  const server = buildOpsServer({ logger, registry, readiness });
  // Readiness follows the dependencies even when no data flows.
  const probe = dependencyProbe(readiness, { pool, redis, kafka });

  return {
    server,
    registry,
    readiness,
    metrics,
    async start() {
      await repo.assertSchema();
      const mode = await repo.storageMode();
      log.info(
        { storageMode: mode },
        mode === 'timescaledb'
          ? 'storage mode: TimescaleDB hypertable (daily chunks, compression after 7 days, retention 6 months)'
          : 'storage mode: plain PostgreSQL table (TimescaleDB not available: no compression or retention policy)',
      );
      await redis.connect();
      await producer.connect();
      const admin = kafka.admin();
      await admin.connect();
      const existing = new Set(await admin.listTopics());
      await admin.disconnect();
      const missing = [topics.positionsRaw, topics.positionsAccepted, topics.positionsRejected].filter(
        (t) => !existing.has(t),
      );
      if (missing.length > 0)
        throw new Error(`Kafka topics missing: ${missing.join(', ')}: run \`npm run topics\` first`);
      await probe.start();
      await consumer.start();
      log.info({ topic: topics.positionsRaw, group: cfg.INGEST_GROUP_ID }, 'ingest consuming');
    },
    async stop() {
      probe.stop();
      await consumer.stop();
      await producer.disconnect();
      await server.close();
      redis.disconnect();
      await pool.end();
    },
  };
}
