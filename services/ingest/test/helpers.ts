import { join } from 'node:path';
import {
  type Consumer,
  createKafka,
  createLogger,
  type KafkaMessage,
  migrate,
  type Producer,
  producerConfig,
  topicNames,
} from '@safewatch/common';
import { pb } from '@safewatch/proto';
import { type Infra, type Isolation, isolate } from '@safewatch/testkit';
import pg from 'pg';
import { createIngestApp, type IngestApp, type IngestOverrides } from '../src/app.js';
import { loadConfig } from '../src/config.js';

export const MIGRATIONS = join(import.meta.dirname, '..', 'migrations');
export const logger = createLogger('ingest-test', process.env.TEST_LOG_LEVEL ?? 'silent');

export interface Env {
  infra: Infra;
  iso: Isolation;
  env: Record<string, string>;
  db: pg.Pool;
}

/** An isolated schema (migrated), topic set and key prefix for one test file. */
export async function setupEnv(label: string, infra: Infra, databaseUrl = infra.databaseUrl): Promise<Env> {
  const iso = isolate(label, infra);
  await migrate({ databaseUrl, schema: iso.schema, dir: MIGRATIONS, service: 'ingest', logger });
  await iso.createTopics(Object.values(topicNames()), 2);
  const env = {
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: iso.topicPrefix,
    DATABASE_URL: databaseUrl,
    PG_SCHEMA: iso.schema,
    REDIS_URL: infra.redisUrl,
    REDIS_KEY_PREFIX: iso.redisPrefix,
    INGEST_GROUP_ID: `ingest-${iso.id}`,
    // The test broker frees a departed member's partitions only at session
    // timeout; keep it short so a restarted instance takes over quickly.
    INGEST_SESSION_TIMEOUT_MS: '6000',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
  };
  const db = new pg.Pool({ connectionString: databaseUrl, options: `-c search_path=${iso.schema}`, max: 2 });
  db.on('error', () => undefined);
  return { infra, iso, env, db };
}

export async function startIngest(
  env: Record<string, string>,
  overrides: IngestOverrides = {},
): Promise<IngestApp> {
  const app = createIngestApp(loadConfig(env), logger, overrides);
  await app.server.listen({ host: '127.0.0.1', port: 0 });
  await app.start();
  return app;
}

export async function producerFor(e: Env): Promise<Producer> {
  const kafka = createKafka({ brokers: e.infra.kafkaBrokers, clientId: 'test-producer', logger });
  const producer = kafka.producer(producerConfig());
  await producer.connect();
  return producer;
}

export async function sendRaw(
  producer: Producer,
  e: Env,
  values: Uint8Array[],
  key = 'plat-01',
): Promise<void> {
  await producer.send({
    topic: e.iso.topic('positions.raw'),
    acks: -1,
    messages: values.map((v) => ({ key, value: Buffer.from(v) })),
  });
}

/** Collects every message of a topic from the beginning. */
export async function collect(
  e: Env,
  topic: string,
): Promise<{ messages: KafkaMessage[]; consumer: Consumer }> {
  const kafka = createKafka({ brokers: e.infra.kafkaBrokers, clientId: 'test-collector', logger });
  const consumer = kafka.consumer({ groupId: `collect-${e.iso.id}-${topic}`, allowAutoTopicCreation: false });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic: e.iso.topic(topic), fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void messages.push(message) });
  return { messages, consumer };
}

export const NOW = () => Date.now();

let plateSeq = 0;
/** A unique plate per call so tests never collide on vehicles. */
export function plate(): string {
  plateSeq += 1;
  return `鲁A${String(plateSeq).padStart(5, '0')}`;
}

export function fix(
  plateNumber: string,
  gnssTimeMs: number,
  extra: Partial<pb_IPosition> = {},
): pb_IPosition {
  return {
    plateNumber,
    plateColor: 2,
    gnssTimeMs,
    latE6: 36_651_000,
    lonE6: 117_120_000,
    speedDkmh: 720,
    headingDeg: 90,
    altitudeM: 40,
    statusFlags: 3,
    odometerHm: 12345,
    ...extra,
  };
}
type pb_IPosition = import('@safewatch/proto').safewatch.v1.IPosition;

export function batch(positions: pb_IPosition[], batchId = 'b'): Uint8Array {
  return pb.PositionBatch.encode({
    platformId: 'plat-01',
    batchId,
    sentAtMs: Date.now(),
    positions,
  }).finish();
}

export async function count(
  db: pg.Pool,
  sql = 'SELECT count(*)::int AS n FROM positions',
  values: unknown[] = [],
) {
  const r = await db.query<{ n: number }>(sql, values);
  return r.rows[0]?.n ?? 0;
}

export async function metricValue(
  app: IngestApp,
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const metric = (await app.registry.getMetricsAsJSON()).find((m) => m.name === name);
  const values =
    (metric as unknown as { values: { value: number; labels: Record<string, string> }[] })?.values ?? [];
  return values
    .filter((v) => Object.entries(labels).every(([k, val]) => v.labels[k] === val))
    .reduce((sum, v) => sum + v.value, 0);
}
