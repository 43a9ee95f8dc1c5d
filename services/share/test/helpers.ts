import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  type AuthConfig,
  authConfig,
  createKafka,
  createLogger,
  migrate,
  mintToken,
  type Principal,
  type Producer,
  producerConfig,
  Redis,
  topicNames,
} from '@safewatch/common';
import { pb, type safewatch } from '@safewatch/proto';
import { type Infra, type Isolation, isolate, waitFor } from '@safewatch/testkit';
import { createShareApp, type ShareApp } from '../src/app.js';
import { loadConfig, type ShareConfig } from '../src/config.js';

export const MIGRATIONS = join(import.meta.dirname, '..', 'migrations');
/** The ingest service's migrations: the share service reads its `positions` (X7). */
export const INGEST_MIGRATIONS = join(import.meta.dirname, '..', '..', 'ingest', 'migrations');
export const TEST_JWT_SECRET = 'share-test-secret-0123456789abcdefghij';
export const logger = createLogger('share-test', process.env.TEST_LOG_LEVEL ?? 'silent');

/** bindings.events types (proto BindingEventType). */
export const BOUND = 1;
export const UNBOUND = 2;

/** A binding as the bindings service announces it: driver, vehicle id, plate number (colour 2, yellow). */
export type Binding = readonly [driverId: string, vehicleId: string, plateNumber: string];

export type Method = 'GET' | 'POST' | 'DELETE';

export interface ShareEnv {
  iso: Isolation;
  cfg: ShareConfig;
  app: ShareApp;
  auth: AuthConfig;
  /** Produces to the isolated topics (bindings.events, alerts). */
  producer: Producer;
  /** A plain client on the test Redis (keys of this app start with `iso.redisPrefix`). */
  redis: Redis;
  token(p: Principal, ttlS?: number): string;
  /** Announces a binding (BOUND) or an unbinding (UNBOUND) on bindings.events, at the app's clock. */
  bindingEvent(type: 1 | 2, driverId: string, vehicleId: string, plateNumber: string): Promise<void>;
  /** Announces the bindings and waits until the app has learned all of them. */
  bind(bindings: readonly Binding[]): Promise<void>;
  /** Publishes alerts (keyed by vehicle) to the alerts topic. */
  sendAlerts(alerts: safewatch.v1.IAlert[]): Promise<void>;
  close(): Promise<void>;
}

export interface StartShareOptions {
  /** The app's clock (share expiry, views); tokens are verified against the real clock. */
  now?: () => Date;
  /** Extra environment, e.g. `SHARE_DEV_VIEWER_LOGIN: 'true'`. */
  env?: Record<string, string>;
}

/** The tables the share service works with in `schema`: its own and ingest's `positions` (X7). */
export async function migrateForShare(databaseUrl: string, schema: string): Promise<void> {
  for (const [service, dir] of [
    ['ingest', INGEST_MIGRATIONS],
    ['share', MIGRATIONS],
  ] as const)
    await migrate({ databaseUrl, schema, dir, service, logger });
}

/** A migrated schema, the topics, and a started share app (not listening: use inject). */
export async function startShare(
  label: string,
  infra: Infra,
  { now = () => new Date(), env = {} }: StartShareOptions = {},
): Promise<ShareEnv> {
  const iso = isolate(label, infra);
  await migrateForShare(infra.databaseUrl, iso.schema);
  await iso.createTopics(Object.values(topicNames()), 2);
  const cfg = loadConfig({
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: iso.topicPrefix,
    DATABASE_URL: infra.databaseUrl,
    PG_SCHEMA: iso.schema,
    REDIS_URL: infra.redisUrl,
    REDIS_KEY_PREFIX: iso.redisPrefix,
    JWT_SECRET: TEST_JWT_SECRET,
    SHARE_GROUP_ID: `share-${iso.id}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...env,
  });
  const app = await createShareApp(cfg, logger, now);
  await app.start();
  const producer = createKafka({ brokers: infra.kafkaBrokers, clientId: 'share-test', logger }).producer(
    producerConfig(),
  );
  await producer.connect();
  const redis = new Redis(infra.redisUrl);
  const auth = authConfig(cfg);

  const bindingEvent = async (type: 1 | 2, driverId: string, vehicleId: string, plateNumber: string) => {
    await producer.send({
      topic: iso.topic('bindings.events'),
      acks: -1,
      messages: [
        {
          key: `${plateNumber}:2`,
          value: Buffer.from(
            pb.BindingsEnvelope.encode({
              binding: {
                eventId: randomUUID(),
                type,
                vehicle: { plateNumber, plateColor: 2 },
                vehicleId,
                driverId,
                occurredAtMs: now().getTime(),
              },
            }).finish(),
          ),
        },
      ],
    });
  };

  return {
    iso,
    cfg,
    app,
    auth,
    producer,
    redis,
    token: (p, ttlS = 3600) => mintToken(auth, p, ttlS),
    bindingEvent,
    async bind(bindings) {
      for (const [driverId, vehicleId, plate] of bindings)
        await bindingEvent(BOUND, driverId, vehicleId, plate);
      await waitFor(
        async () =>
          (
            await app.deps.pool.query(
              `SELECT count(*)::int AS n FROM current_bindings b
                 JOIN unnest($1::text[], $2::uuid[]) AS w(driver_id, vehicle_id) USING (driver_id, vehicle_id)`,
              [bindings.map((b) => b[0]), bindings.map((b) => b[1])],
            )
          ).rows[0].n === bindings.length,
        { timeoutMs: 20_000, message: 'bindings learned from bindings.events' },
      );
    },
    async sendAlerts(alerts) {
      await producer.send({
        topic: iso.topic('alerts'),
        acks: -1,
        messages: alerts.map((a) => ({
          key: `${a.vehicle?.plateNumber}:${a.vehicle?.plateColor ?? 0}`,
          value: Buffer.from(pb.Alert.encode(a).finish()),
        })),
      });
    },
    async close() {
      await app.stop();
      await producer.disconnect();
      redis.disconnect();
      await iso.dropSchema();
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** S1: the driver of `binding` shares its vehicle; the new link. */
export async function shareLink(
  e: ShareEnv,
  [driverId, vehicleId]: Binding,
  duration = '7d',
): Promise<{ shareId: string; token: string }> {
  const r = await e.app.server.inject({
    method: 'POST',
    url: '/v1/drivers/me/shares',
    headers: bearer(e.token({ sub: driverId, role: 'driver' })),
    payload: { vehicleId, duration },
  });
  if (r.statusCode !== 201) throw new Error(`sharing failed: ${r.statusCode} ${r.body}`);
  return r.json();
}

/** S2: `viewer` claims the link. */
export async function claimLink(e: ShareEnv, token: string, viewer: Principal): Promise<void> {
  const r = await e.app.server.inject({
    method: 'POST',
    url: `/v1/shares/${token}/claim`,
    headers: bearer(e.token(viewer)),
  });
  if (r.statusCode !== 200) throw new Error(`claiming failed: ${r.statusCode} ${r.body}`);
}
