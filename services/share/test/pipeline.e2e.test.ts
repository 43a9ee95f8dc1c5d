/**
 * The family's view through the real pipeline (S10, S11, X3, A4, X6): a
 * simulated truck with a known speeding episode, a platform-only fatigue flag,
 * a known 4 h fatigue episode with its 3 h 30 min pre-warning and a driving
 * clock is produced to positions.raw as its platform
 * sends it; ingest, alerts and share (the services' own apps, on the real
 * broker, Postgres and Redis) carry it to the view; the view and the family
 * page in Chromium must show exactly the stored figures, each episode once.
 * Every view answer and stream frame the test and the page receive is checked
 * against the closed OpenAPI schema (S11): a field the service sends that the
 * schema lacks, or one it misses, fails here.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createKafka, migrate, producerConfig, vehicleKey } from '@safewatch/common';
import { pb } from '@safewatch/proto';
import { type AlertScenario, buildAlertScenario } from '@safewatch/simulator';
import { getInfra, waitFor } from '@safewatch/testkit';
import ajvModule from 'ajv';
import formatsModule from 'ajv-formats';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AlertsApp, createAlertsApp, rulesFromConfig, toPositions } from '../../alerts/src/app.js';
import { loadConfig as alertsConfig } from '../../alerts/src/config.js';
import { toClockRecord } from '../../alerts/src/domain/alert-record.js';
import { evaluateVehicle, initialVehicleState } from '../../alerts/src/domain/vehicle.evaluator.js';
import { createIngestApp, type IngestApp } from '../../ingest/src/app.js';
import { loadConfig as ingestConfig } from '../../ingest/src/config.js';
import { buildPage } from '../scripts/build-page.js';
import { place } from '../src/domain/geo.js';
import { chinaDayStartMs } from '../src/domain/track.js';
import { type EpisodeView, type TrackView, type View, ViewSchema } from '../src/domain/view.schema.js';
import { bearer, logger, type ShareEnv, startShare } from './helpers.js';
import { launchChromium, type PhonePage, phonePage, SHOTS_DIR } from './page/browser.js';

const infra = getInfra();
const ROOT = join(import.meta.dirname, '..', '..', '..');
const ALERTS_SAMPLES = join(ROOT, 'services', 'alerts', 'samples');
const PLATE = '鲁K70114';
const COLOR = 2;
const VEHICLE = randomUUID();
const DRIVER = 'driver-pipeline';

// ajv and ajv-formats are CommonJS: their default export is under `default`.
const Ajv = ajvModule.default;
const addFormats = formatsModule.default;
const validateView = addFormats(new Ajv({ strict: false, allErrors: true })).compile(ViewSchema);

/**
 * S11: a view the service sent, checked against the closed ViewSchema (the OpenAPI
 * response schema): an unknown field, a missing one or a wrong type fails the test.
 */
function asView(body: unknown, what: string): View {
  const valid = validateView(body);
  expect(valid ? [] : validateView.errors, `${what}: not the OpenAPI ViewSchema`).toEqual([]);
  return body as View;
}

/** The data of the complete `event: view` frames of a Server-Sent Events text, in order. */
function viewFrames(text: string): string[] {
  return text
    .split('\n\n')
    .slice(0, -1)
    .map((block) => block.split('\n'))
    .filter((lines) => lines.includes('event: view'))
    .map((lines) =>
      lines
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).trimStart())
        .join('\n'),
    );
}

let e: ShareEnv;
let ingest: IngestApp;
let alerts: AlertsApp;
let scenario: AlertScenario;
let base: string;
let browser: Browser;

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

/**
 * A4: the platform-only fatigue flag's figures as stored: daily driving of its latest
 * (ENDED) record, its place (micro-degrees) in words from the STARTED record.
 */
function platformStored(rows: Awaited<ReturnType<typeof storedAlerts>>) {
  const mine = rows.filter((r) => r.kind === 'FATIGUE_CONTINUOUS' && r.source === 'PLATFORM');
  const started = mine.find((r) => r.phase === 'STARTED')?.detail;
  const ended = mine.find((r) => r.phase === 'ENDED')?.detail;
  expect(started && ended, 'the platform flag’s STARTED and ENDED records').toBeTruthy();
  const at = (started?.place ?? ended?.place) as { latE6?: number; lonE6?: number } | undefined;
  return {
    cumulativeDrivingS: Number(ended?.cumulativeDrivingS ?? 0),
    placeText: at ? place((at.latE6 ?? 0) / 1e6, (at.lonE6 ?? 0) / 1e6).text : null,
  };
}

/** X6: the vehicle's latest driving clock event as the share service keeps it. */
async function storedClock() {
  const r = await e.app.deps.pool.query(
    `SELECT event_id, kind, at_ms::float8 AS at_ms, state, continuous_s, today_s, driving_since_ms::float8 AS since
       FROM vehicle_clocks WHERE vehicle_key = $1`,
    [vehicleKey(PLATE, COLOR)],
  );
  return r.rows[0] as
    | {
        event_id: string;
        kind: string;
        at_ms: number;
        state: string;
        continuous_s: number;
        today_s: number;
        since: number;
      }
    | undefined;
}

/** X6: the clock events the alerts service stored for the vehicle, in order. */
async function storedClockEvents() {
  const r = await e.app.deps.pool.query(
    `SELECT event_id, kind, clock FROM driving_clock_events
      WHERE plate_number = $1 AND plate_color = $2 ORDER BY occurred_at, event_id`,
    [PLATE, COLOR],
  );
  return r.rows as { event_id: string; kind: string; clock: Record<string, number | string> }[];
}

/**
 * X6, computed here from the fixes apart from the services' code: an interval between two
 * fixes is driving when its first fix reports more than 5 km/h (the scenario never moves a
 * stopped truck). The last drive starts at the fix leaving the last rest.
 */
function expectedClock() {
  const ps = scenario.positions;
  const last = ps.at(-1)?.gnssTimeMs ?? 0;
  const drivenS = (fromMs: number) => {
    let ms = 0;
    for (let i = 0; i + 1 < ps.length; i++) {
      const [a, b] = [ps[i], ps[i + 1]] as [(typeof ps)[number], (typeof ps)[number]];
      if (a.speedDkmh > 50) ms += Math.max(0, Math.min(b.gnssTimeMs, last) - Math.max(a.gnssTimeMs, fromMs));
    }
    return ms / 1000;
  };
  const departure = ps.findLastIndex((p, i) => i > 0 && p.speedDkmh > 0 && ps[i - 1]?.speedDkmh === 0);
  const drivingSinceMs = ps[departure]?.gnssTimeMs ?? 0;
  const continuousS = drivenS(drivingSinceMs);
  return {
    lastFixMs: last,
    drivingSinceMs,
    /** DRIVING_STARTED: at the fix after the departure fix, when the first driving interval ends. */
    drivingStartedAtMs: ps[departure + 1]?.gnssTimeMs ?? 0,
    continuousS,
    restDueS: scenario.expected.fatigue.limitS - continuousS,
    todayS: drivenS(chinaDayStartMs(last)),
  };
}

beforeAll(async () => {
  await buildPage(); // the page of the current sources, not an older bundle
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
  browser = await launchChromium();
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
  await waitFor(async () => (await storedAlerts()).length >= 8, {
    timeoutMs: 90_000,
    intervalMs: 500,
    message: 'the eight alert records of the scenario reach the share service',
  });
  await waitFor(async () => (await storedClock())?.at_ms === expectedClock().drivingStartedAtMs, {
    timeoutMs: 30_000,
    intervalMs: 500,
    message: 'the last driving clock event reaches the share service',
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await alerts?.stop();
  await ingest?.stop();
  await e?.close();
});

const iso = (ms: number) => new Date(ms).toISOString();

/** The driver shares the truck (S1): a link of its own for each viewer. */
async function newShare(duration: string) {
  const created = await e.app.server.inject({
    method: 'POST',
    url: '/v1/drivers/me/shares',
    headers: bearer(e.token({ sub: DRIVER, role: 'driver' })),
    payload: { vehicleId: VEHICLE, duration },
  });
  expect(created.statusCode, created.body).toBe(201);
  return created;
}

describe('the view through the real pipeline (S10, S11, X3, A4)', () => {
  let view: View;
  let byKind: Map<string, EpisodeView[]>;
  let token: string;
  let family: { authorization: string };

  beforeAll(async () => {
    const created = await newShare('3d');
    token = created.json().token;
    family = bearer(e.token({ sub: `family-${randomUUID()}`, role: 'family' }));
    expect(
      (await e.app.server.inject({ method: 'POST', url: `/v1/shares/${token}/claim`, headers: family }))
        .statusCode,
    ).toBe(200);
    const r = await e.app.server.inject({ method: 'GET', url: `/v1/shares/${token}`, headers: family });
    expect(r.statusCode, r.body).toBe(200);
    view = asView(r.json(), 'GET /v1/shares/{token}');
    byKind = new Map();
    for (const ep of view.episodes) byKind.set(ep.kind, [...(byKind.get(ep.kind) ?? []), ep]);
  });

  it('S11: the stream’s first view frame is the closed ViewSchema’s and the view answer', async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${base}/v1/shares/${token}/stream`, {
      headers: { ...family, accept: 'text/event-stream' },
      signal: ctrl.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    try {
      while (viewFrames(text).length === 0) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
    } finally {
      ctrl.abort();
    }
    const [first] = viewFrames(text);
    expect(first, text).toBeDefined();
    expect(asView(JSON.parse(first ?? 'null'), 'the first stream frame')).toEqual(view);
  });

  it('stores the eight records the scenario implies, exactly once each', async () => {
    const rows = await storedAlerts();
    expect(rows.map((r) => `${r.kind} ${r.phase} ${r.source}`).sort()).toEqual(
      [
        'FATIGUE_CONTINUOUS ENDED DETECTED',
        'FATIGUE_CONTINUOUS ENDED PLATFORM',
        'FATIGUE_CONTINUOUS STARTED DETECTED',
        'FATIGUE_CONTINUOUS STARTED PLATFORM',
        'FATIGUE_PRE_WARNING ENDED DETECTED',
        'FATIGUE_PRE_WARNING STARTED DETECTED',
        'SPEEDING ENDED DETECTED',
        'SPEEDING STARTED DETECTED',
      ].sort(),
    );
  });

  it('S10: one item per episode, all ended, newest first', () => {
    expect(view.episodes.map((x) => `${x.kind} ${x.state} ${x.source}`)).toEqual([
      'FATIGUE_CONTINUOUS ENDED DETECTED',
      'FATIGUE_PRE_WARNING ENDED DETECTED',
      'FATIGUE_CONTINUOUS ENDED PLATFORM',
      'SPEEDING ENDED DETECTED',
    ]);
    expect(new Set(view.episodes.map((x) => x.episodeId)).size).toBe(4);
  });

  it('X6: the pre-warning is its own episode, from 3 h 30 min of driving to the rest, with the stored figures', async () => {
    const f = scenario.expected.fatigue;
    const [ep] = byKind.get('FATIGUE_PRE_WARNING') ?? [];
    const stored = (await storedAlerts()).filter((r) => r.kind === 'FATIGUE_PRE_WARNING');
    expect(stored.map((r) => [r.phase, r.occurred_at.getTime(), r.start])).toEqual([
      ['STARTED', f.preWarningAtMs, f.preWarningAtMs],
      ['ENDED', f.endedAtMs, f.preWarningAtMs],
    ]);
    const ended = stored[1]?.detail ?? {};
    expect(ep).toMatchObject({
      episodeId: `FATIGUE_PRE_WARNING:${f.preWarningAtMs}`,
      state: 'ENDED',
      platformOnly: false,
      startedAt: iso(f.preWarningAtMs),
      endedAt: iso(f.endedAtMs),
      fatigue: {
        drivingSince: iso(f.drivingSinceMs),
        continuousDrivingS: ended.continuousDrivingS,
        cumulativeDrivingS: ended.cumulativeDrivingS,
        limitS: f.limitS,
      },
    });
    expect(ended.continuousDrivingS).toBe(f.continuousDrivingSAtEnd);
    // Warned before the limit: STARTED at the first fix of 3 h 30 min, rest stops ahead named.
    expect(stored[0]?.detail.continuousDrivingS).toBeGreaterThanOrEqual(3.5 * 3600);
    expect(ep?.restStops.length).toBeGreaterThan(0);
  });

  it('X6: the clock is the latest stored clock event run on to the last fix', async () => {
    const x = expectedClock();
    // The alerts service stored exactly the events its rules give for the scenario's fixes.
    const events = await storedClockEvents();
    const rules = rulesFromConfig(alertsConfig(serviceEnv({})));
    const fixes = toPositions(scenario.positions.map((p) => Buffer.from(pb.Position.encode(p).finish())));
    const vehicle = { vehicleKey: vehicleKey(PLATE, COLOR), plateNumber: PLATE, plateColor: COLOR };
    const ruled = evaluateVehicle(
      initialVehicleState(),
      fixes.map((p) => p.fix),
      rules.ctx,
    ).clock.map((ev) => toClockRecord(vehicle, ev));
    expect(events.map((r) => [r.event_id, r.clock])).toEqual(ruled.map((r) => [r.eventId, r.event]));
    expect(events.filter((r) => r.kind === 'PRE_WARNING').map((r) => r.clock.atMs)).toEqual([
      scenario.expected.fatigue.preWarningAtMs,
    ]);
    // What the share service keeps is the alerts service's last event, figures unchanged.
    const latest = events.at(-1);
    const kept = await storedClock();
    expect(kept).toEqual({
      event_id: latest?.event_id,
      kind: 'DRIVING_STARTED',
      at_ms: x.drivingStartedAtMs,
      state: 'DRIVING',
      continuous_s: latest?.clock.continuousDrivingS,
      today_s: latest?.clock.todayDrivingS,
      since: x.drivingSinceMs,
    });
    const sinceEventS = (x.lastFixMs - x.drivingStartedAtMs) / 1000;
    expect(view.clock).toEqual({
      state: 'DRIVING',
      asOf: iso(x.lastFixMs),
      continuousDrivingS: (kept?.continuous_s ?? 0) + sinceEventS,
      drivingSince: iso(x.drivingSinceMs),
      restDueInS: x.restDueS,
      todayDrivingS: (kept?.today_s ?? 0) + sinceEventS,
      restingSince: null,
      restingS: 0,
      preWarning: false,
      limitReached: false,
      restMinS: 20 * 60,
      preWarningS: 3.5 * 3600,
      continuousLimitS: 4 * 3600,
    });
    // …which are the figures the fixes give.
    expect(view.clock?.continuousDrivingS).toBe(x.continuousS);
    expect(view.clock?.todayDrivingS).toBe(x.todayS);
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

/**
 * X7: the scenario's rests as the track must mark them: each run of fixes at 0 km/h lasts
 * from its first fix to the departure fix after it; only today's fixes count (the scenario
 * ends now and spans about 6 h, so China midnight may cut it), and a rest cut below
 * 20 minutes is no stop.
 */
function expectedStops(dayStartMs: number) {
  const today = scenario.positions.filter((p) => p.gnssTimeMs >= dayStartMs);
  const stops: { startMs: number; endMs: number; lat: number; lon: number }[] = [];
  for (let i = 0; i < today.length; i++) {
    const first = today[i];
    if (first?.speedDkmh !== 0) continue;
    let j = i;
    while (today[j + 1]?.speedDkmh === 0) j++;
    const end = today[j + 1] ?? (today[j] as typeof first);
    if (end.gnssTimeMs - first.gnssTimeMs >= 20 * 60_000)
      stops.push({
        startMs: first.gnssTimeMs,
        endMs: end.gnssTimeMs,
        lat: first.latE6 / 1e6,
        lon: first.lonE6 / 1e6,
      });
    i = j;
  }
  return { today, stops };
}

describe("X7 today's track through the real pipeline", () => {
  let track: TrackView;
  let dayStart: number;

  beforeAll(async () => {
    // Every fix stored by ingest (the alerts may arrive before the last drive's fixes are stored).
    await waitFor(
      async () =>
        (
          await e.app.deps.pool.query('SELECT count(*)::int AS n FROM positions WHERE plate_number = $1', [
            PLATE,
          ])
        ).rows[0].n === scenario.positions.length,
      { timeoutMs: 60_000, message: 'all the scenario fixes stored by ingest' },
    );
    const { token } = (await newShare('1m')).json();
    const family = bearer(e.token({ sub: `family-${randomUUID()}`, role: 'family' }));
    const claim = await e.app.server.inject({
      method: 'POST',
      url: `/v1/shares/${token}/claim`,
      headers: family,
    });
    expect(claim.statusCode, claim.body).toBe(200);
    const r = await e.app.server.inject({ method: 'GET', url: `/v1/shares/${token}/track`, headers: family });
    expect(r.statusCode, r.body).toBe(200);
    track = r.json();
    dayStart = Date.parse(track.from);
    expect(dayStart).toBe(chinaDayStartMs(Date.parse(track.to)));
  });

  it("covers today's stored fixes only, simplified to at most 500 points", () => {
    const { today } = expectedStops(dayStart);
    expect(track.fixes).toBe(today.length);
    expect(track.points.length).toBeLessThanOrEqual(500);
    if (today.length === 0) return;
    expect(track.points[0]?.gnssTime).toBe(iso((today[0] as { gnssTimeMs: number }).gnssTimeMs));
    expect(track.points.at(-1)?.gnssTime).toBe(iso(scenario.expected.lastFixMs));
  });

  it('marks the two 30-minute rests as stops with their durations (cut at China midnight if need be)', () => {
    const { stops } = expectedStops(dayStart);
    // Without a cut the two rests are the scenario's, 30 min each; the second is the one that ended the fatigue episode.
    if (scenario.positions[0] && scenario.positions[0].gnssTimeMs >= dayStart) {
      expect(stops.map((s) => (s.endMs - s.startMs) / 1000)).toEqual([1800, 1800]);
      expect(stops[1]?.startMs).toBe(scenario.expected.fatigue.restStartMs);
    }
    expect(track.stops).toEqual(
      stops.map((s) => ({
        startedAt: iso(s.startMs),
        endedAt: iso(s.endMs),
        durationS: (s.endMs - s.startMs) / 1000,
        ongoing: false,
        place: place(s.lat, s.lon),
        // X5: the stop in words (the offline places; no map-service key here).
        placeText: place(s.lat, s.lon).text,
      })),
    );
    for (const stop of track.stops) expect(stop.placeText).toMatch(/市.+附近$/);
  });
});

/** What the page shows is computed here independently of the page's code: China time is UTC+8. */
function chinaTime(ms: number, seconds: boolean): string {
  const d = new Date(ms + 8 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  const hm = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hm}${seconds ? `:${two(d.getUTCSeconds())}` : ''}`;
}
const minutes = (s: number) => {
  if (s < 60) return `${Math.round(s)} 秒`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? (m ? `${h} 小时 ${m} 分钟` : `${h} 小时`) : `${m} 分钟`;
};
/** The driving clock's "3 小时 40 分" / "20 分钟" / "不到 1 分钟" (X6), whole minutes rounded down (the time left is rounded up first). */
const hoursMinutes = (s: number) => {
  if (s < 60) return '不到 1 分钟';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? (m ? `${h} 小时 ${m} 分` : `${h} 小时`) : `${m} 分钟`;
};
/** The large type's "今天 14:05" / "昨天 23:40" / "5月3日 14:05", China days. */
const dayClock = (ms: number, nowMs = Date.now()) => {
  const day = (t: number) => chinaTime(t, false).split(' ')[0];
  const hm = chinaTime(ms, false).split(' ')[1];
  if (day(ms) === day(nowMs)) return `今天 ${hm}`;
  if (day(ms) === day(nowMs - 86_400_000)) return `昨天 ${hm}`;
  return chinaTime(ms, false);
};
const metres = (m: number) => (m < 1000 ? `${Math.round(m)} 米` : `${(m / 1000).toFixed(1)} 公里`);

/**
 * Runs in the page before its own script: its fetch is wrapped so that the data of each
 * `event: view` frame of the stream also goes to the test (sseViewFrame); the page reads
 * the same bytes through the other branch of the tee.
 */
function teeViewFrames(): void {
  const fetched = window.fetch.bind(window);
  window.fetch = async (...args: Parameters<typeof fetch>) => {
    const res = await fetched(...args);
    if (!res.body || !(res.headers.get('content-type') ?? '').includes('text/event-stream')) return res;
    const [mine, page] = res.body.tee();
    const send = (window as unknown as { sseViewFrame(data: string): Promise<void> }).sseViewFrame;
    void (async () => {
      const reader = mine.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const lines = buffer.slice(0, end).split('\n');
          buffer = buffer.slice(end + 2);
          if (lines.includes('event: view'))
            await send(
              lines
                .filter((l) => l.startsWith('data:'))
                .map((l) => l.slice(5).trimStart())
                .join('\n'),
            );
        }
      }
    })().catch(() => undefined);
    return new Response(page, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}

describe('the family page through the real pipeline, in Chromium (S10, S11, X2, X3, A4)', () => {
  let phone: PhonePage;
  let shown: View;
  /** Every view answer (200) and `event: view` frame the page was fed, as sent. */
  const answers: unknown[] = [];
  const frames: string[] = [];

  /** S11: all the page was fed so far is the closed ViewSchema's, and it was fed both ways. */
  const expectFedTheSchema = async () => {
    await expect.poll(() => frames.length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(answers.length).toBeGreaterThan(0);
    for (const [i, a] of answers.entries()) asView(a, `view answer ${i + 1} of the page`);
    for (const [i, f] of frames.entries()) asView(JSON.parse(f), `stream frame ${i + 1} of the page`);
  };

  /** The 详情 rows of one episode's article as { label: value }. */
  const rows = async (episodeId: string) =>
    Object.fromEntries(
      await phone.page
        .locator(`#alert-dialog article[data-episode-id="${episodeId}"] .detail-rows div`)
        .evaluateAll((divs) => divs.map((d) => [d.children[0]?.textContent, d.children[1]?.textContent])),
    );
  const article = (episodeId: string) =>
    phone.page.locator(`#alert-dialog article[data-episode-id="${episodeId}"]`);
  /** Each episode's article of 详情 on its own: test-results/share-page/pipeline-<mode>-<kind>.png. */
  const shootArticles = async (mode: string) => {
    // A tall window, so that the dialog holds each article whole.
    const size = phone.page.viewportSize();
    await phone.page.setViewportSize({ width: 390, height: 3000 });
    for (const ep of shown.episodes) {
      const name =
        ep.kind === 'SPEEDING'
          ? 'speeding'
          : ep.kind === 'FATIGUE_PRE_WARNING'
            ? 'pre-warning'
            : ep.platformOnly
              ? 'platform-fatigue'
              : 'fatigue';
      await article(ep.episodeId).screenshot({ path: join(SHOTS_DIR, `pipeline-${mode}-${name}.png`) });
    }
    if (size) await phone.page.setViewportSize(size);
  };

  beforeAll(async () => {
    const created = await newShare('7d');
    phone = await phonePage(browser);
    // Everything the page's view answers and stream frames carried, to compare with the stored records.
    phone.page.on('response', async (r) => {
      if (/\/v1\/shares\/[^/]+$/.test(new URL(r.url()).pathname) && r.status() === 200) {
        const body = await r.json();
        answers.push(body);
        shown = body;
      }
    });
    await phone.page.exposeFunction('sseViewFrame', (data: string) => {
      frames.push(data);
    });
    await phone.page.addInitScript(teeViewFrames);
    await phone.page.goto(`${base}/s/${created.json().token}`);
    await phone.page.locator('#badge').filter({ hasText: '在线' }).waitFor({ timeout: 20_000 });
  });
  afterAll(async () => {
    await phone?.close();
  });

  it('the page was fed the stored figures (its view answer equals the API’s)', async () => {
    await expect.poll(() => shown?.episodes.length, { timeout: 10_000 }).toBe(4);
    const rows = await storedAlerts();
    const peak = rows.find((r) => r.kind === 'SPEEDING' && r.phase === 'ENDED')?.detail.peakSpeedDkmh;
    expect(shown.episodes.find((x) => x.kind === 'SPEEDING')?.speeding?.peakKmh).toBe(Number(peak) / 10);
  });

  it('S11: every view answer and stream frame the page was fed is the closed OpenAPI ViewSchema', async () => {
    await expectFedTheSchema();
    // The stream's frames carry the episodes of the view answer, unchanged.
    expect(asView(JSON.parse(frames[0] ?? 'null'), 'the first stream frame').episodes).toEqual(
      shown.episodes,
    );
  });

  it('S10: over a full turn of the marquee each episode shows once, in the view’s order, with its stored figures', async () => {
    const n = new Set(shown.episodes.map((x) => x.episodeId)).size;
    expect(n).toBe(shown.episodes.length);
    expect(n).toBe(4);
    const s = scenario.expected.speeding;
    const f = scenario.expected.fatigue;
    const p = scenario.expected.platformFatigue;
    const hm = (ms: number) => chinaTime(ms, false).split(' ')[1];
    // What each episode's marquee line must say, from the stored figures (not from the view).
    const expected = new Map([
      [
        `SPEEDING:${s.startMs}`,
        {
          chip: '超速',
          time: hm(s.startMs),
          body: `超速 ${minutes(s.durationS)}，最高 ${s.peakKmh} km/h（限速 ${s.limitKmh}）`,
        },
      ],
      [
        `FATIGUE_PRE_WARNING:${f.preWarningAtMs}`,
        {
          chip: '疲劳预警',
          time: hm(f.preWarningAtMs),
          body: `连续驾驶 ${minutes(f.continuousDrivingSAtEnd)}后已休息`,
        },
      ],
      [
        shownEpisode('DETECTED').episodeId,
        {
          chip: '疲劳驾驶',
          time: hm(f.startedAtMs),
          body: `连续驾驶 ${minutes(f.continuousDrivingSAtEnd)}后已休息`,
        },
      ],
      [
        shownEpisode('PLATFORM').episodeId,
        {
          chip: '定位平台提示',
          time: hm(p.startedAtMs),
          body: `定位平台报告疲劳驾驶；本系统记录连续驾驶 ${minutes(p.continuousDrivingSAtEnd)}，未超过 ${minutes(p.limitS)}`,
        },
      ],
    ]);
    expect([...expected.keys()].sort()).toEqual(view3Ids().sort());

    const marquee = phone.page.locator('#marquee-text');
    expect(await phone.page.locator('#marquee').isVisible()).toBe(true);
    const read = () =>
      marquee.evaluate((t) => ({
        id: (t as HTMLElement).dataset.episodeId ?? '',
        count: t.querySelector('.marquee-count')?.textContent ?? '',
        chip: t.querySelector('.chip')?.textContent ?? '',
        time: t.querySelector('.marquee-time')?.textContent ?? '',
        body: t.querySelector('.marquee-body')?.textContent ?? '',
      }));
    // Watch it turn (every 4.5 s) until it is back at the item it was first seen on: one full cycle.
    const seen: Awaited<ReturnType<typeof read>>[] = [];
    const deadline = Date.now() + 2 * n * 4_500 + 10_000;
    while (seen.length <= n && Date.now() < deadline) {
      const now = await read();
      const last = seen.at(-1);
      if (!last || last.id !== now.id || last.count !== now.count) {
        seen.push(now);
        if (seen.length <= n)
          await phone.page.locator('#marquee').screenshot({
            path: join(SHOTS_DIR, `pipeline-marquee-${now.count.replace('/', '-of-')}.png`),
            animations: 'disabled',
          });
      }
      await phone.page.waitForTimeout(200);
    }
    expect(seen.length, JSON.stringify(seen)).toBe(n + 1);
    const cycle = seen.slice(0, n);
    expect(seen[n]?.id).toBe(seen[0]?.id);
    // Each episode exactly once in the cycle: n items, n distinct ids, the view's ids.
    expect(cycle.map((x) => x.id).sort()).toEqual(view3Ids().sort());
    expect(new Set(cycle.map((x) => x.id)).size).toBe(n);
    for (const [i, item] of cycle.entries()) {
      // Its place in the view's order (newest first), "i/n", and the next one after it.
      const at = view3Ids().indexOf(item.id);
      expect(item.count).toBe(`${at + 1}/${n}`);
      expect(seen[i + 1]?.count).toBe(`${((at + 1) % n) + 1}/${n}`);
      expect({ chip: item.chip, time: item.time, body: item.body }).toEqual(expected.get(item.id));
    }
    expect(phone.errors).toEqual([]);
  }, 90_000);

  it('S11/X3: speed, fix time and the marker in GCJ-02 are the last stored fix', async () => {
    const last = scenario.positions.at(-1);
    if (!last) throw new Error('empty scenario');
    expect(await phone.page.locator('#speed').textContent()).toBe(`${Math.round(last.speedDkmh / 10)} km/h`);
    expect(await phone.page.locator('#fix-time').textContent()).toContain(chinaTime(last.gnssTimeMs, true));
    const { gcj02 } = place(last.latE6 / 1e6, last.lonE6 / 1e6);
    expect(await phone.page.locator('#map').getAttribute('aria-label')).toContain(
      `北纬 ${gcj02.lat.toFixed(4)}°，东经 ${gcj02.lon.toFixed(4)}°`,
    );
  });

  it('S10/A4/X1: 详情 shows each episode once with the stored peak, limit, durations, times and rest stops', async () => {
    await phone.screenshot('pipeline-episodes');
    // The stored records the screenshots are compared with, beside them.
    await mkdir(SHOTS_DIR, { recursive: true });
    await writeFile(
      join(SHOTS_DIR, 'pipeline-stored.json'),
      JSON.stringify(
        {
          alerts: await storedAlerts(),
          clockEvents: await storedClockEvents(),
          clock: await storedClock(),
          lastFix: scenario.positions.at(-1),
        },
        null,
        1,
      ),
    );
    await phone.page.locator('#alert-detail').tap();
    await phone.page.locator('#alert-dialog').waitFor({ state: 'visible' });
    const ids = await phone.page
      .locator('#alert-dialog article.alert-detail')
      .evaluateAll((as) => as.map((a) => (a as HTMLElement).dataset.episodeId));
    expect(ids.sort()).toEqual(view3Ids().sort());

    const s = scenario.expected.speeding;
    const speeding = `SPEEDING:${s.startMs}`;
    expect(await article(speeding).locator('h3').textContent()).toContain('已结束');
    expect(await rows(speeding)).toEqual({
      开始时间: chinaTime(s.startMs, true),
      结束时间: chinaTime(s.endMs, true),
      持续时间: minutes(s.durationS),
      最高车速: `${s.peakKmh} km/h`,
      限速: `${s.limitKmh} km/h`,
      // X5: where it started, in words.
      开始地点: place(s.startPlace.lat, s.startPlace.lon).text,
    });

    const stored = await storedAlerts();
    const p = scenario.expected.platformFatigue;
    const platform = shownEpisode('PLATFORM').episodeId;
    expect(await article(platform).locator('h3').textContent()).toContain('定位平台提示');
    const sourceText = shownEpisode('PLATFORM').sourceText;
    expect(sourceText).toContain(`已连续驾驶 ${minutes(p.continuousDrivingSAtEnd)}`);
    expect(await article(platform).locator('.source').textContent()).toBe(`来源：${sourceText}`);
    const pStored = platformStored(stored);
    expect(await rows(platform)).toEqual({
      提醒开始: chinaTime(p.startedAtMs, false),
      提醒结束: chinaTime(p.endedAtMs, false),
      本次开始驾驶: chinaTime(p.drivingSinceMs, false),
      连续驾驶: minutes(p.continuousDrivingSAtEnd),
      当日累计驾驶: minutes(pStored.cumulativeDrivingS),
      规定上限: `连续驾驶不超过 ${minutes(p.limitS)}`,
      ...(pStored.placeText ? { 地点: pStored.placeText } : {}),
    });

    const f = scenario.expected.fatigue;
    const fatigue = shownEpisode('DETECTED').episodeId;
    expect(await article(fatigue).locator('h3').textContent()).toContain('已结束');
    expect(await rows(fatigue)).toEqual({
      提醒开始: chinaTime(f.startedAtMs, false),
      提醒结束: chinaTime(f.endedAtMs, false),
      本次开始驾驶: chinaTime(f.drivingSinceMs, false),
      连续驾驶: minutes(f.continuousDrivingSAtEnd),
      当日累计驾驶: minutes(f.cumulativeDrivingSAtEnd),
      规定上限: `连续驾驶不超过 ${minutes(f.limitS)}`,
      地点: place(f.startPlace.lat, f.startPlace.lon).text,
    });
    // X1: the rest stops the alerts service stored with the STARTED record, with their distance.
    const started = stored.find(
      (r) => r.kind === 'FATIGUE_CONTINUOUS' && r.phase === 'STARTED' && r.source === 'DETECTED',
    );
    const stops = (started?.detail.suggestedRestStops ?? []) as { name: string; distanceM: number }[];
    expect(stops.length).toBeGreaterThan(0);
    expect(await article(fatigue).locator('.rest-stops .stop-name').allTextContents()).toEqual(
      stops.map((x) => x.name),
    );
    expect(await article(fatigue).locator('.rest-stops .stop-distance').allTextContents()).toEqual(
      stops.map((x) => `距离 ${metres(x.distanceM)}`),
    );
    await phone.screenshot('pipeline-episode-details', { fullPage: false });
    await shootArticles('normal');
    await phone.page.locator('#dialog-close').tap();
  });

  it('X2: in large type the same episodes, once each, with the same figures in plain words', async () => {
    await phone.page.locator('#large-toggle').tap();
    await phone.page.locator('html.large').waitFor({ state: 'attached', timeout: 5_000 });
    await phone.screenshot('pipeline-large-episodes');
    await phone.page.locator('#alert-detail').tap();
    await phone.page.locator('#alert-dialog').waitFor({ state: 'visible' });
    expect(await phone.page.locator('#alert-dialog article.alert-detail').count()).toBe(4);
    const s = scenario.expected.speeding;
    expect(await rows(`SPEEDING:${s.startMs}`)).toEqual({
      开始超速: dayClock(s.startMs),
      结束超速: dayClock(s.endMs),
      超速多久: minutes(s.durationS),
      最快车速: `每小时 ${s.peakKmh} 公里`,
      限速: `每小时 ${s.limitKmh} 公里`,
      在哪里超速: place(s.startPlace.lat, s.startPlace.lon).text,
    });
    // A4: the platform's flag is titled as the platform's report, not as our finding.
    expect(await article(shownEpisode('PLATFORM').episodeId).locator('h3').textContent()).toContain(
      '定位平台报了疲劳驾驶',
    );
    const p = scenario.expected.platformFatigue;
    const pStored = platformStored(await storedAlerts());
    expect(await rows(shownEpisode('PLATFORM').episodeId)).toEqual({
      开始提醒: dayClock(p.startedAtMs),
      提醒结束: dayClock(p.endedAtMs),
      这次开始开车: dayClock(p.drivingSinceMs),
      已连续开车: minutes(p.continuousDrivingSAtEnd),
      今天一共开车: minutes(pStored.cumulativeDrivingS),
      规定: `连续开车最多 ${minutes(p.limitS)}`,
      ...(pStored.placeText ? { 在哪里: pStored.placeText } : {}),
    });
    const f = scenario.expected.fatigue;
    expect(await rows(shownEpisode('DETECTED').episodeId)).toEqual({
      开始提醒: dayClock(f.startedAtMs),
      提醒结束: dayClock(f.endedAtMs),
      这次开始开车: dayClock(f.drivingSinceMs),
      已连续开车: minutes(f.continuousDrivingSAtEnd),
      今天一共开车: minutes(f.cumulativeDrivingSAtEnd),
      规定: `连续开车最多 ${minutes(f.limitS)}`,
      在哪里: place(f.startPlace.lat, f.startPlace.lon).text,
    });
    await phone.screenshot('pipeline-large-episode-details', { fullPage: false });
    await shootArticles('large');
    expect(phone.errors).toEqual([]);
  });

  it("X7: the map and the words under it show today's track with the stored stops", async () => {
    const dayStart = chinaDayStartMs(Date.now());
    const { stops } = expectedStops(dayStart);
    // Back from the large type's 详情 of the case before, to the normal type.
    if (await phone.page.locator('#alert-dialog').isVisible())
      await phone.page.locator('#dialog-close').tap();
    await phone.page.locator('#large-toggle').tap();
    await phone.page.locator('html:not(.large)').waitFor({ state: 'attached', timeout: 5_000 });
    await phone.page.locator('#track-summary').filter({ hasText: '今天已行驶' }).waitFor({ timeout: 10_000 });
    if (stops.length)
      expect(await phone.page.locator('#track-summary').textContent()).toContain(`停车 ${stops.length} 次`);
    expect(await phone.page.locator('#track-stops li').allTextContents()).toEqual(
      stops.map(
        (s) =>
          `${chinaTime(s.startMs, false).split(' ')[1]}–${chinaTime(s.endMs, false).split(' ')[1]} 停车 ${minutes((s.endMs - s.startMs) / 1000)} · ${place(s.lat, s.lon).text}`,
      ),
    );
    expect(await phone.page.locator('#map .track-stop').count()).toBe(stops.length);
    await phone.screenshot('pipeline-track');
    expect(phone.errors).toEqual([]);
  });

  it('X6: the vehicle card shows the clock of the stored events and 详情 the pre-warning, in both types', async () => {
    const x = expectedClock();
    const kept = await storedClock();
    const continuous = (kept?.continuous_s ?? 0) + (x.lastFixMs - (kept?.at_ms ?? 0)) / 1000;
    const today = (kept?.today_s ?? 0) + (x.lastFixMs - (kept?.at_ms ?? 0)) / 1000;
    expect([continuous, today]).toEqual([x.continuousS, x.todayS]);
    if (await phone.page.locator('html.large').count()) await phone.page.locator('#large-toggle').tap();
    await phone.page.locator('html:not(.large)').waitFor({ state: 'attached', timeout: 5_000 });
    const clockNow = phone.page.locator('#clock-now');
    await clockNow.filter({ hasText: '已连续驾驶' }).waitFor({ timeout: 10_000 });
    expect(await clockNow.textContent()).toBe(
      `已连续驾驶 ${hoursMinutes(continuous)} · ${hoursMinutes(Math.ceil(x.restDueS / 60) * 60)}内需休息`,
    );
    expect(await phone.page.locator('#clock-today').textContent()).toBe(
      `今日累计驾驶 ${hoursMinutes(today)}`,
    );
    await phone.page.locator('section.vehicle').screenshot({ path: join(SHOTS_DIR, 'pipeline-clock.png') });

    // The pre-warning in 详情, with the figures of its stored records.
    const f = scenario.expected.fatigue;
    const pre = shown.episodes.find((ep) => ep.kind === 'FATIGUE_PRE_WARNING');
    expect(pre?.episodeId).toBe(`FATIGUE_PRE_WARNING:${f.preWarningAtMs}`);
    await phone.page.locator('#alert-detail').tap();
    await phone.page.locator('#alert-dialog').waitFor({ state: 'visible' });
    expect(
      await article(pre?.episodeId ?? '')
        .locator('h3')
        .textContent(),
    ).toBe('疲劳驾驶预警（连续驾驶）已结束');
    expect(await rows(pre?.episodeId ?? '')).toEqual({
      提醒开始: chinaTime(f.preWarningAtMs, false),
      提醒结束: chinaTime(f.endedAtMs, false),
      本次开始驾驶: chinaTime(f.drivingSinceMs, false),
      连续驾驶: minutes(f.continuousDrivingSAtEnd),
      当日累计驾驶: minutes(f.cumulativeDrivingSAtEnd),
      规定上限: `连续驾驶不超过 ${minutes(f.limitS)}`,
      地点: pre?.place?.text,
    });
    await phone.page.locator('#dialog-close').tap();

    await phone.page.locator('#large-toggle').tap();
    await clockNow.filter({ hasText: '已经连续开车' }).waitFor({ timeout: 5_000 });
    expect(await clockNow.textContent()).toBe(
      `已经连续开车 ${hoursMinutes(continuous)}，再过 ${hoursMinutes(Math.ceil(x.restDueS / 60) * 60)}就该停车休息了`,
    );
    expect(await phone.page.locator('#clock-today').textContent()).toBe(
      `今天一共开了 ${hoursMinutes(today)}`,
    );
    await phone.page
      .locator('section.vehicle')
      .screenshot({ path: join(SHOTS_DIR, 'pipeline-large-clock.png') });
    await phone.screenshot('pipeline-large-clock-page');
    await phone.page.locator('#large-toggle').tap();
    expect(phone.errors).toEqual([]);
  });

  it('S11: all the page was fed the run long, answers and stream frames, was the closed ViewSchema', async () => {
    await expectFedTheSchema();
    expect(phone.errors).toEqual([]);
  });

  const view3Ids = () => shown.episodes.map((x) => x.episodeId);
  const shownEpisode = (source: string) => {
    const ep = shown.episodes.find((x) => x.kind === 'FATIGUE_CONTINUOUS' && x.source === source);
    if (!ep) throw new Error(`no ${source} fatigue episode shown`);
    return ep;
  };
});
