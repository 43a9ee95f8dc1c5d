import {
  buildOpsServer,
  ChunkConsumer,
  createMetricsRegistry,
  createProducer,
  createServiceClients,
  dependencyProbe,
  type Logger,
  Readiness,
  topicNames,
} from '@safewatch/common';
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { LastPositionStore } from './adapters/last-position.store.js';
import { IngestMetrics } from './adapters/metrics.js';
import { PositionsRepo } from './adapters/positions.repo.js';
import { PositionPublisher } from './adapters/publisher.js';
import type { IngestConfig } from './config.js';
import type { ValidationParams } from './domain/validate.rule.js';
import {
  completeChunk,
  type IngestPorts,
  persistChunk,
  type StepName,
} from './usecases/ingest-chunk.usecase.js';

const STEP_DEPENDENCY: Record<StepName, string> = {
  persist: 'postgres',
  last_position: 'redis',
  publish: 'kafka',
};

/**
 * Chunks a fetch brings per partition: two or more let chunk k+1 be persisted
 * while chunk k completes; a few more save fetch round trips while a backlog
 * drains, and no more keep every partition's turn in the fetch cycle short.
 */
const CHUNKS_PER_FETCH = 4;

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
  const producer = createProducer(kafka);

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

  const consumer = new ChunkConsumer({
    kafka,
    groupId: cfg.INGEST_GROUP_ID,
    topic: topics.positionsRaw,
    chunkBytes: cfg.INGEST_CHUNK_BYTES,
    fetchBytesPerPartition: CHUNKS_PER_FETCH * cfg.INGEST_CHUNK_BYTES,
    partitionsConcurrently: cfg.INGEST_PARTITIONS_CONCURRENTLY,
    // A fetch waits at most this long for data; short, so a fix reaches the
    // family's view quickly even from a quiet partition.
    fetchMaxWaitMs: cfg.INGEST_FETCH_MAX_WAIT_MS,
    sessionTimeoutMs: cfg.INGEST_SESSION_TIMEOUT_MS,
    readiness,
    registry,
    logger: log,
    stepDependency: STEP_DEPENDENCY,
    onRetry: (step) => metrics.retries.inc({ step }),
    timeStep: (step) => metrics.stepSeconds.startTimer({ step }),
    onCommitted: (partition, lag) => metrics.lag.set({ partition: String(partition) }, lag),
    // Up to persist; runs while the previous chunk of the partition completes.
    process: async (messages, run, partition) => {
      const started = performance.now();
      const source = messages.map((m) => ({
        topic: topics.positionsRaw,
        partition,
        offset: m.offset,
        value: m.value,
      }));
      return { started, chunk: await persistChunk(source, ports, run, now(), params) };
    },
    complete: async ({ started, chunk }, run) => {
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
