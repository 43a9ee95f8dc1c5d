/**
 * The family's view through the real pipeline (S10, S11, X3, A4): a simulated
 * truck with a known speeding episode, a platform-only fatigue flag and a
 * known 4 h fatigue episode is produced to positions.raw as its platform
 * sends it; ingest, alerts and share (the services' own apps, on the real
 * broker, Postgres and Redis) carry it to the view; the view and the family
 * page in Chromium must show exactly the stored figures, each episode once.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createKafka, migrate, producerConfig, vehicleKey } from '@safewatch/common';
import { pb } from '@safewatch/proto';
import { type AlertScenario, buildAlertScenario } from '@safewatch/simulator';
import { getInfra, waitFor } from '@safewatch/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AlertsApp, createAlertsApp } from '../../alerts/src/app.js';
import { loadConfig as alertsConfig } from '../../alerts/src/config.js';
import { createIngestApp, type IngestApp } from '../../ingest/src/app.js';
import { loadConfig as ingestConfig } from '../../ingest/src/config.js';
import { place } from '../src/domain/geo.js';
import type { EpisodeView, View } from '../src/domain/view.schema.js';
import { bearer, logger, type ShareEnv, startShare } from './helpers.js';

const infra = getInfra();
const ROOT = join(import.meta.dirname, '..', '..', '..');
const ALERTS_SAMPLES = join(ROOT, 'services', 'alerts', 'samples');
const PLATE = '鲁K70114';
const COLOR = 2;
const VEHICLE = randomUUID();
const DRIVER = 'driver-pipeline';

let e: ShareEnv;
let ingest: IngestApp;
let alerts: AlertsApp;
let scenario: AlertScenario;
let base: string;

function serviceEnv(extra: Record<string, string>): Record<string, string> {
  return {
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: e.iso.topicPrefix,
    DATABASE_URL: infra.databaseUrl,
    PG_SCHEMA: e.iso.schema,
    REDIS_URL: infra.redisUrl,
    REDIS_KEY_PREFIX: e.iso.redisPrefix,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    ...extra,
  };
}

/** The stored alert records of the vehicle, as the share service keeps them. */
async function storedAlerts() {
  const r = await e.app.deps.pool.query(
    `SELECT kind, phase, source, occurred_at, episode_start_ms::float8 AS start, detail
       FROM vehicle_alerts WHERE vehicle_key = $1 ORDER BY occurred_at, phase`,
    [vehicleKey(PLATE, COLOR)],
  );
  return r.rows as {
    kind: string;
    phase: string;
    source: string;
    occurred_at: Date;
    start: number;
    detail: Record<string, unknown>;
  }[];
}

beforeAll(async () => {
  // The share service first: it makes the isolated schema, topics and key prefix the others join.
  e = await startShare('pipeline', infra, { env: { SHARE_DEV_VIEWER_LOGIN: 'true' } });
  for (const service of ['ingest', 'alerts'])
    await migrate({
      databaseUrl: infra.databaseUrl,
      schema: e.iso.schema,
      dir: join(ROOT, 'services', service, 'migrations'),
      service,
      logger,
    });
  ingest = createIngestApp(
    ingestConfig(serviceEnv({ INGEST_GROUP_ID: `ingest-${e.iso.id}`, INGEST_SESSION_TIMEOUT_MS: '6000' })),
    logger,
  );
  await ingest.start();
  alerts = createAlertsApp(
    alertsConfig(
      serviceEnv({
        ALERTS_GROUP_ID: `alerts-${e.iso.id}`,
        ALERTS_SESSION_TIMEOUT_MS: '6000',
        REST_STOPS_FILE: join(ALERTS_SAMPLES, 'rest-stops.json'),
        SPEED_ZONES_FILE: join(ALERTS_SAMPLES, 'speed-zones.json'),
      }),
    ),
    logger,
  );
  await alerts.start();
  base = await e.app.server.listen({ host: '127.0.0.1', port: 0 });
  await e.bind([[DRIVER, VEHICLE, PLATE]]);

  // Six hours of driving that end three minutes ago: the truck is online.
  scenario = buildAlertScenario({ plateNumber: PLATE, plateColor: COLOR, startTimeMs: 0 });
  const span = scenario.expected.lastFixMs - scenario.expected.firstFixMs;
  const start = Math.floor((Date.now() - span - 3 * 60_000) / 1000) * 1000;
  scenario = buildAlertScenario({ plateNumber: PLATE, plateColor: COLOR, startTimeMs: start });

  const producer = createKafka({
    brokers: infra.kafkaBrokers,
    clientId: 'pipeline-platform',
    logger,
  }).producer(producerConfig());
  await producer.connect();
  const { positions } = scenario;
  for (let i = 0; i < positions.length; i += 200) {
    await producer.send({
      topic: e.iso.topic('positions.raw'),
      acks: -1,
      messages: [
        {
          key: 'plat-02',
          value: Buffer.from(
            pb.PositionBatch.encode({
              platformId: 'plat-02',
              batchId: `pipeline-${i}`,
              sentAtMs: Date.now(),
              positions: positions.slice(i, i + 200).map((p) => ({ ...p, platformId: 'plat-02' })),
            }).finish(),
          ),
        },
      ],
    });
  }
  await producer.disconnect();
  await waitFor(async () => (await storedAlerts()).length >= 6, {
    timeoutMs: 90_000,
    intervalMs: 500,
    message: 'the six alert records of the scenario reach the share service',
  });
}, 180_000);

afterAll(async () => {
  await alerts?.stop();
  await ingest?.stop();
  await e?.close();
});

const iso = (ms: number) => new Date(ms).toISOString();

describe('the view through the real pipeline (S10, S11, X3, A4)', () => {
  let view: View;
  let byKind: Map<string, EpisodeView[]>;

  beforeAll(async () => {
    const created = await e.app.server.inject({
      method: 'POST',
      url: '/v1/drivers/me/shares',
      headers: bearer(e.token({ sub: DRIVER, role: 'driver' })),
      payload: { vehicleId: VEHICLE, duration: '3d' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { token } = created.json();
    const family = bearer(e.token({ sub: `family-${randomUUID()}`, role: 'family' }));
    expect(
      (await e.app.server.inject({ method: 'POST', url: `/v1/shares/${token}/claim`, headers: family }))
        .statusCode,
    ).toBe(200);
    const r = await e.app.server.inject({ method: 'GET', url: `/v1/shares/${token}`, headers: family });
    expect(r.statusCode, r.body).toBe(200);
    view = r.json();
    byKind = new Map();
    for (const ep of view.episodes) byKind.set(ep.kind, [...(byKind.get(ep.kind) ?? []), ep]);
  });

  it('stores the six records the scenario implies, exactly once each', async () => {
    const rows = await storedAlerts();
    expect(rows.map((r) => `${r.kind} ${r.phase} ${r.source}`).sort()).toEqual(
      [
        'FATIGUE_CONTINUOUS ENDED DETECTED',
        'FATIGUE_CONTINUOUS ENDED PLATFORM',
        'FATIGUE_CONTINUOUS STARTED DETECTED',
        'FATIGUE_CONTINUOUS STARTED PLATFORM',
        'SPEEDING ENDED DETECTED',
        'SPEEDING STARTED DETECTED',
      ].sort(),
    );
  });

  it('S10: one item per episode, all ended, newest first', () => {
    expect(view.episodes.map((x) => `${x.kind} ${x.state} ${x.source}`)).toEqual([
      'FATIGUE_CONTINUOUS ENDED DETECTED',
      'FATIGUE_CONTINUOUS ENDED PLATFORM',
      'SPEEDING ENDED DETECTED',
    ]);
    expect(new Set(view.episodes.map((x) => x.episodeId)).size).toBe(3);
  });

  it('S10/S11: the speeding episode has the stored peak, limit, times and places', async () => {
    const s = scenario.expected.speeding;
    const [ep] = byKind.get('SPEEDING') ?? [];
    const ended = (await storedAlerts()).find((r) => r.kind === 'SPEEDING' && r.phase === 'ENDED');
    expect(ended?.detail.peakSpeedDkmh).toBe(Math.round(s.peakKmh * 10));
    expect(ep).toMatchObject({
      state: 'ENDED',
      startedAt: iso(s.startMs),
      endedAt: iso(s.endMs),
      durationS: s.durationS,
      speeding: { peakKmh: s.peakKmh, limitKmh: s.limitKmh },
      platformOnly: false,
      place: place(s.startPlace.lat, s.startPlace.lon),
      endPlace: place(s.endPlace.lat, s.endPlace.lon),
    });
  });

  it('A4: the platform-only fatigue flag is kept, labelled as the platform’s, with our own figure', () => {
    const p = scenario.expected.platformFatigue;
    const ep = byKind.get('FATIGUE_CONTINUOUS')?.find((x) => x.source === 'PLATFORM');
    expect(ep).toMatchObject({
      state: 'ENDED',
      platformOnly: true,
      startedAt: iso(p.startedAtMs),
      endedAt: iso(p.endedAtMs),
      fatigue: { continuousDrivingS: p.continuousDrivingSAtEnd, limitS: p.limitS },
    });
    expect(ep?.sourceText).toContain('定位平台');
    expect(ep?.sourceText).toContain('已连续驾驶 16 分钟');
  });

  it('S10: the 4 h fatigue episode has the stored continuous and daily driving and its rest stops', () => {
    const f = scenario.expected.fatigue;
    const ep = byKind.get('FATIGUE_CONTINUOUS')?.find((x) => x.source === 'DETECTED');
    expect(ep).toMatchObject({
      state: 'ENDED',
      platformOnly: false,
      startedAt: iso(f.startedAtMs),
      endedAt: iso(f.endedAtMs),
      fatigue: {
        drivingSince: iso(f.drivingSinceMs),
        continuousDrivingS: f.continuousDrivingSAtEnd,
        cumulativeDrivingS: f.cumulativeDrivingSAtEnd,
        limitS: f.limitS,
      },
      place: place(f.startPlace.lat, f.startPlace.lon),
    });
    for (const stop of ep?.restStops ?? []) {
      expect(stop.location.gcj02).toEqual(place(stop.location.wgs84.lat, stop.location.wgs84.lon).gcj02);
      expect(stop.distanceM).toBeGreaterThan(0);
    }
  });

  it('X3/S11: the position is the last fix, in km/h and both datums', () => {
    const last = scenario.positions.at(-1);
    if (!last) throw new Error('empty scenario');
    expect(view.online).toBe(true);
    expect(view.position).toEqual({
      gnssTime: iso(last.gnssTimeMs),
      ...place(last.latE6 / 1e6, last.lonE6 / 1e6),
      speedKmh: last.speedDkmh / 10,
      headingDeg: last.headingDeg,
    });
  });
});
