import { join } from 'node:path';
import {
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
import { type AlertsApp, createAlertsApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';

export const MIGRATIONS = join(import.meta.dirname, '..', 'migrations');
export const SAMPLES = join(import.meta.dirname, '..', 'samples');
export const logger = createLogger('alerts-test', process.env.TEST_LOG_LEVEL ?? 'silent');

export interface AlertsEnv {
  infra: Infra;
  iso: Isolation;
  env: Record<string, string>;
  db: pg.Pool;
  producer: Producer;
  close(): Promise<void>;
}

export async function setupAlertsEnv(label: string, infra: Infra): Promise<AlertsEnv> {
  const iso = isolate(label, infra);
  await migrate({
    databaseUrl: infra.databaseUrl,
    schema: iso.schema,
    dir: MIGRATIONS,
    service: 'alerts',
    logger,
  });
  await iso.createTopics(Object.values(topicNames()), 2);
  const env = {
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: iso.topicPrefix,
    DATABASE_URL: infra.databaseUrl,
    PG_SCHEMA: iso.schema,
    REDIS_URL: infra.redisUrl,
    REDIS_KEY_PREFIX: iso.redisPrefix,
    ALERTS_GROUP_ID: `alerts-${iso.id}`,
    ALERTS_SESSION_TIMEOUT_MS: '6000',
    REST_STOPS_FILE: join(SAMPLES, 'rest-stops.json'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
  };
  const db = new pg.Pool({
    connectionString: infra.databaseUrl,
    options: `-c search_path=${iso.schema}`,
    max: 2,
  });
  const kafka = createKafka({ brokers: infra.kafkaBrokers, clientId: 'alerts-test', logger });
  const producer = kafka.producer(producerConfig());
  await producer.connect();
  return {
    infra,
    iso,
    env,
    db,
    producer,
    async close() {
      await producer.disconnect();
      await db.end();
      await iso.dropSchema();
    },
  };
}

export async function startAlerts(env: Record<string, string>, now?: () => Date): Promise<AlertsApp> {
  const app = createAlertsApp(loadConfig(env), logger, now);
  await app.start();
  return app;
}

export interface TrackFix {
  t: number;
  lat: number;
  lon: number;
  speedKmh: number;
  headingDeg?: number;
  alarmFlags?: number;
}

/** Produces a vehicle's fixes to positions.accepted, as ingest republishes them (keyed by vehicle). */
export async function sendTrack(e: AlertsEnv, plateNumber: string, fixes: TrackFix[]): Promise<void> {
  for (let i = 0; i < fixes.length; i += 2000) {
    await e.producer.send({
      topic: e.iso.topic('positions.accepted'),
      acks: -1,
      messages: fixes.slice(i, i + 2000).map((f) => ({
        key: `${plateNumber}:2`,
        value: Buffer.from(
          pb.Position.encode({
            plateNumber,
            plateColor: 2,
            gnssTimeMs: f.t,
            latE6: Math.round(f.lat * 1e6),
            lonE6: Math.round(f.lon * 1e6),
            speedDkmh: Math.round(f.speedKmh * 10),
            headingDeg: f.headingDeg ?? 0,
            alarmFlags: f.alarmFlags ?? 0,
            platformId: 'plat-01',
          }).finish(),
        ),
      })),
    });
  }
}

/** A straight drive north along 117.0°E at `speedKmh`, one fix every `stepS` seconds. */
export function drive(
  startMs: number,
  durationS: number,
  stepS: number,
  speedKmh: number,
  startLat = 35.5,
): TrackFix[] {
  const out: TrackFix[] = [];
  const degPerS = speedKmh / 3600 / 111.2;
  for (let s = 0; s <= durationS; s += stepS) {
    out.push({ t: startMs + s * 1000, lat: startLat + s * degPerS, lon: 117.0, speedKmh, headingDeg: 0 });
  }
  return out;
}

export async function alertsOf(db: pg.Pool, plateNumber: string) {
  const r = await db.query<{
    alert_id: string;
    kind: string;
    phase: string;
    source: string;
    occurred_at: Date;
    detail: Record<string, unknown>;
  }>(
    'SELECT alert_id, kind, phase, source, occurred_at, detail FROM alerts WHERE plate_number = $1 ORDER BY occurred_at, alert_id',
    [plateNumber],
  );
  return r.rows;
}

/** Everything published to one of the isolated topics from the beginning, decoded, with its key. */
async function collect<T>(e: AlertsEnv, topic: string, decode: (value: Buffer) => T) {
  const kafka = createKafka({ brokers: e.infra.kafkaBrokers, clientId: `collect-${topic}`, logger });
  const consumer = kafka.consumer({
    groupId: `collect-${topic}-${e.iso.id}`,
    sessionTimeout: 6000,
    heartbeatInterval: 500,
    maxWaitTimeInMs: 250,
  });
  const messages: { key: string; value: T }[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic: e.iso.topic(topic), fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }: { message: KafkaMessage }) =>
      void messages.push({ key: message.key?.toString() ?? '', value: decode(message.value as Buffer) }),
  });
  return { messages, stop: () => consumer.disconnect() };
}

export const collectAlerts = (e: AlertsEnv) => collect(e, 'alerts', (v) => pb.Alert.decode(v));

/** X6: the driving clock events published to driving.clock. */
export const collectClock = (e: AlertsEnv) => collect(e, 'driving.clock', (v) => pb.DrivingClock.decode(v));

/** X6: the driving clock events the service stored for a vehicle, in order. */
export async function clockOf(db: pg.Pool, plateNumber: string) {
  const r = await db.query<{
    event_id: string;
    kind: string;
    occurred_at: Date;
    clock: Record<string, unknown>;
  }>(
    'SELECT event_id, kind, occurred_at, clock FROM driving_clock_events WHERE plate_number = $1 ORDER BY occurred_at, event_id',
    [plateNumber],
  );
  return r.rows;
}
