import { join } from 'node:path';
import {
  authConfig,
  createKafka,
  createLogger,
  type KafkaMessage,
  migrate,
  mintToken,
  type Principal,
  topicNames,
} from '@safewatch/common';
import { pb } from '@safewatch/proto';
import { type Infra, type Isolation, isolate } from '@safewatch/testkit';
import pg from 'pg';
import { type BindingsApp, createBindingsApp } from '../src/app.js';
import { type BindingsConfig, loadConfig } from '../src/config.js';
import { importRegistryFile, SAMPLE_REGISTRY_FILE } from '../src/registry/index.js';

export const MIGRATIONS = join(import.meta.dirname, '..', 'migrations');
export const TEST_JWT_SECRET = 'bindings-test-secret-0123456789abcdef';
export const logger = createLogger('bindings-test', process.env.TEST_LOG_LEVEL ?? 'silent');

export interface SampleVehicle {
  plate_number: string;
  plate_color: number;
  transport_cert_no: string;
  vin: string;
  carrier_id: string;
}
export const sample = (await import(SAMPLE_REGISTRY_FILE, { with: { type: 'json' } })).default as {
  vehicles: SampleVehicle[];
  drivers: { driver_id: string; qualification_cert_expires_on: string | null; name: string; phone: string }[];
};

/** A clock the tests move: every use case reads time through it. */
export class TestClock {
  constructor(public ms = Date.parse('2026-11-21T02:00:00Z')) {}
  now = () => new Date(this.ms);
  advance(ms: number) {
    this.ms += ms;
  }
}

export interface BindingsEnv {
  iso: Isolation;
  cfg: BindingsConfig;
  app: BindingsApp;
  clock: TestClock;
  db: pg.Pool;
  token(p: Principal, ttlS?: number): string;
  close(): Promise<void>;
}

/** A migrated schema with the sample registry, topics, and a started bindings app (not listening: use inject). */
export async function startBindings(
  label: string,
  infra: Infra,
  env: Record<string, string> = {},
): Promise<BindingsEnv> {
  const iso = isolate(label, infra);
  await migrate({
    databaseUrl: infra.databaseUrl,
    schema: iso.schema,
    dir: MIGRATIONS,
    service: 'bindings',
    logger,
  });
  await iso.createTopics(Object.values(topicNames()), 2);
  const cfg = loadConfig({
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: iso.topicPrefix,
    DATABASE_URL: infra.databaseUrl,
    PG_SCHEMA: iso.schema,
    REDIS_URL: infra.redisUrl,
    REDIS_KEY_PREFIX: iso.redisPrefix,
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...env,
  });
  const db = new pg.Pool({
    connectionString: infra.databaseUrl,
    options: `-c search_path=${iso.schema}`,
    max: 2,
  });
  await importRegistryFile(db, SAMPLE_REGISTRY_FILE, { topicPrefix: iso.topicPrefix });
  const clock = new TestClock();
  const app = await createBindingsApp(cfg, logger, clock.now);
  await app.start();
  const auth = authConfig(cfg);
  return {
    iso,
    cfg,
    app,
    clock,
    db,
    token: (p, ttlS = 3600) => mintToken(auth, p, ttlS),
    async close() {
      await app.stop();
      await db.end();
      await iso.dropSchema();
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Collects the binding events published to bindings.events, decoded, from the beginning. */
export async function collectBindingEvents(e: BindingsEnv, infra: Infra) {
  const kafka = createKafka({ brokers: infra.kafkaBrokers, clientId: 'test-events', logger });
  const consumer = kafka.consumer({
    groupId: `events-${e.iso.id}`,
    sessionTimeout: 6000,
    heartbeatInterval: 500,
    maxWaitTimeInMs: 250,
  });
  const events: { key: string; envelope: ReturnType<typeof pb.BindingsEnvelope.decode> }[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic: e.iso.topic('bindings.events'), fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }: { message: KafkaMessage }) => {
      events.push({
        key: message.key?.toString() ?? '',
        envelope: pb.BindingsEnvelope.decode(message.value as Buffer),
      });
    },
  });
  return { events, stop: () => consumer.disconnect() };
}

export const claimOf = (v: SampleVehicle) => ({
  plateNumber: v.plate_number,
  plateColor: v.plate_color,
  transportCertNo: v.transport_cert_no,
  vin: v.vin,
});
