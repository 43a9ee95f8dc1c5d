import { readFileSync } from 'node:fs';
import {
  buildOpsServer,
  ChunkConsumer,
  createMetricsRegistry,
  createProducer,
  createServiceClients,
  dependencyProbe,
  type FastifyInstance,
  type Logger,
  Readiness,
  topicNames,
} from '@safewatch/common';
import { pb } from '@safewatch/proto';
import type { Registry } from 'prom-client';
import { AlertsPublisher } from './adapters/alerts.publisher.js';
import { AlertsRepo } from './adapters/alerts.repo.js';
import { CertificatesRepo } from './adapters/certificates.repo.js';
import { AlertsMetrics } from './adapters/metrics.js';
import { StateStore } from './adapters/state.store.js';
import type { AlertsConfig } from './config.js';
import type { SuggestedRestStop } from './domain/alert-record.js';
import { createRestStopIndex, parseRestStops } from './domain/rest-stops.js';
import { createZoneIndex, parseSpeedZones } from './domain/speed-zones.js';
import type { EvaluationContext, VehicleState } from './domain/vehicle.evaluator.js';
import {
  dailyReminders,
  onBindingsEvents,
  type ReminderPorts,
} from './usecases/certificate-reminders.usecase.js';
import {
  ALERTS_STEP_DEPENDENCY,
  checkpointStates,
  type EvaluatePorts,
  evaluatePositions,
  type PositionIn,
  type VehicleStates,
} from './usecases/evaluate-positions.usecase.js';

export interface AlertsApp {
  server: FastifyInstance;
  registry: Registry;
  readiness: Readiness;
  metrics: AlertsMetrics;
  repo: AlertsRepo;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const REMINDER_INTERVAL_MS = 3600_000;

/**
 * An accepted position on the wire (value, key and record overhead), rounded
 * up: a fetch sized for three chunks of positions keeps a chunk whole when it
 * can and the fetch cycle, which waits for every partition, short.
 */
const POSITION_WIRE_BYTES = 100;
const CHUNKS_PER_FETCH = 3;

function readJsonFile(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${what} file ${path} unreadable: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The rules' parameters, speed zones and rest stops, from configuration (fails fast on a bad file). */
export function rulesFromConfig(cfg: AlertsConfig) {
  if (cfg.FATIGUE_PREWARNING_S >= cfg.FATIGUE_CONTINUOUS_LIMIT_S)
    throw new Error('FATIGUE_PREWARNING_S must be below FATIGUE_CONTINUOUS_LIMIT_S');
  if (cfg.FATIGUE_CLOCK_STOP_S >= cfg.FATIGUE_REST_MIN_S)
    throw new Error('FATIGUE_CLOCK_STOP_S must be below FATIGUE_REST_MIN_S');
  const zones = cfg.SPEED_ZONES_FILE
    ? parseSpeedZones(readJsonFile(cfg.SPEED_ZONES_FILE, 'speed zones'))
    : { zones: [], errors: [] };
  if (zones.errors.length > 0)
    throw new Error(`speed zones file ${cfg.SPEED_ZONES_FILE}: ${zones.errors.join('; ')}`);
  const stops = cfg.REST_STOPS_FILE
    ? parseRestStops(readJsonFile(cfg.REST_STOPS_FILE, 'rest stops'))
    : { stops: [], errors: [] };
  if (stops.errors.length > 0)
    throw new Error(`rest stops file ${cfg.REST_STOPS_FILE}: ${stops.errors.join('; ')}`);
  const zoneIndex = createZoneIndex(zones.zones, cfg.SPEEDING_DEFAULT_LIMIT_KMH);
  const stopIndex = createRestStopIndex(stops.stops);
  const ctx: EvaluationContext = {
    speeding: {
      defaultLimitKmh: cfg.SPEEDING_DEFAULT_LIMIT_KMH,
      minOverS: cfg.SPEEDING_MIN_OVER_S,
      minUnderS: cfg.SPEEDING_MIN_UNDER_S,
      maxGapS: cfg.SPEEDING_MAX_GAP_S,
    },
    fatigue: {
      movingKmh: cfg.FATIGUE_MOVING_KMH,
      restMinS: cfg.FATIGUE_REST_MIN_S,
      continuousLimitS: cfg.FATIGUE_CONTINUOUS_LIMIT_S,
      dailyLimitS: cfg.FATIGUE_DAILY_LIMIT_S,
      stillMaxM: cfg.FATIGUE_STILL_MAX_M,
    },
    clock: { preWarningS: cfg.FATIGUE_PREWARNING_S, stopShownS: cfg.FATIGUE_CLOCK_STOP_S },
    limitAt: (lat, lon) => zoneIndex.limitAt(lat, lon),
  };
  const restStopsAhead = (place: { lat: number; lon: number }, headingDeg: number): SuggestedRestStop[] =>
    stopIndex
      .nearestAhead(place, headingDeg, {
        maxDistanceM: cfg.REST_STOPS_MAX_DISTANCE_M,
        maxAngleDeg: 60,
        limit: 3,
      })
      .map((s) => ({
        id: s.id,
        name: s.name,
        type: s.type,
        lat: s.lat,
        lon: s.lon,
        services: [...s.services],
        distanceM: s.distanceM,
      }));
  return { ctx, restStopsAhead, zones: zones.zones.length, stops: stops.stops.length };
}

/** Decodes accepted positions (bad ones are impossible after ingest, but never crash on them). */
export function toPositions(values: (Buffer | null)[]): PositionIn[] {
  const out: PositionIn[] = [];
  for (const v of values) {
    if (!v) continue;
    let p: ReturnType<typeof pb.Position.decode>;
    try {
      p = pb.Position.decode(v);
    } catch {
      continue;
    }
    const plateNumber = p.plateNumber ?? '';
    const plateColor = p.plateColor ?? 0;
    out.push({
      vehicleKey: `${plateNumber}:${plateColor}`,
      plateNumber,
      plateColor,
      fix: {
        t: Number(p.gnssTimeMs ?? 0),
        lat: (p.latE6 ?? 0) / 1e6,
        lon: (p.lonE6 ?? 0) / 1e6,
        speedKmh: (p.speedDkmh ?? 0) / 10,
        headingDeg: p.headingDeg ?? 0,
        alarmFlags: p.alarmFlags ?? 0,
      },
    });
  }
  return out;
}

export function createAlertsApp(
  cfg: AlertsConfig,
  logger: Logger,
  now: () => Date = () => new Date(),
): AlertsApp {
  const registry = createMetricsRegistry('alerts');
  const readiness = new Readiness(['kafka', 'postgres', 'redis']);
  const metrics = new AlertsMetrics(registry);
  const topics = topicNames(cfg.KAFKA_TOPIC_PREFIX);
  const rules = rulesFromConfig(cfg);
  const { pool, redis, kafka } = createServiceClients('alerts', cfg, logger, registry);
  const producer = createProducer(kafka);
  const repo = new AlertsRepo(pool);
  const certificates = new CertificatesRepo(pool);
  const publisher = new AlertsPublisher(producer, topics.alerts, topics.drivingClock);
  const states = new StateStore(redis, cfg.REDIS_KEY_PREFIX);
  const vehicles: VehicleStates = { cache: new Map<string, VehicleState>(), dirty: new Map() };

  const evaluatePorts: EvaluatePorts = {
    loadStates: (keys) => states.load(keys),
    saveStates: (keys, s) => states.save(keys, s),
    persistAlerts: (a) => repo.insert(a),
    publishAlerts: (a) => publisher.publish(a),
    persistClock: (c) => repo.insertClock(c),
    publishClock: (c) => publisher.publishClock(c),
    restStopsAhead: rules.restStopsAhead,
  };
  const reminderPorts: ReminderPorts = {
    applyCertificates: (c) => certificates.apply(c),
    certificatesFor: (v) => certificates.forVehicles(v),
    certificatesExpiringBy: (h) => certificates.expiringBy(h),
    existingAlertIds: (ids) => repo.existing(ids),
    publishAlerts: (a) => publisher.publish(a),
    persistAlerts: (a) => repo.insert(a),
  };

  const positionsConsumer = new ChunkConsumer({
    kafka,
    groupId: cfg.ALERTS_GROUP_ID,
    topic: topics.positionsAccepted,
    chunkMessages: cfg.ALERTS_CHUNK_MESSAGES,
    fetchBytesPerPartition: CHUNKS_PER_FETCH * cfg.ALERTS_CHUNK_MESSAGES * POSITION_WIRE_BYTES,
    sessionTimeoutMs: cfg.ALERTS_SESSION_TIMEOUT_MS,
    fetchMaxWaitMs: cfg.ALERTS_FETCH_MAX_WAIT_MS,
    readiness,
    logger,
    registry,
    onRetry: (step) => metrics.retries.inc({ step }),
    stepDependency: ALERTS_STEP_DEPENDENCY,
    // The changed states are saved every ALERTS_CHECKPOINT_MS, then the offsets committed. When
    // uncommitted offsets are dropped (rebalance, failure), the checkpoint is the truth again:
    // states reload on first sight and the positions after the last commit come again.
    checkpoint: {
      everyMs: cfg.ALERTS_CHECKPOINT_MS,
      flush: async (run) => {
        const end = metrics.checkpointSeconds.startTimer();
        metrics.checkpointStates.inc(await checkpointStates(vehicles, evaluatePorts, run));
        end();
      },
      discard: () => {
        vehicles.cache.clear();
        vehicles.dirty.clear();
      },
    },
    process: async (messages, run) => {
      const end = metrics.evaluationSeconds.startTimer();
      const r = await evaluatePositions(
        toPositions(messages.map((m) => m.value)),
        vehicles,
        rules.ctx,
        evaluatePorts,
        run,
      );
      end();
      metrics.positions.inc(r.positions);
      metrics.late.inc(r.late);
      metrics.countAlerts(r.alerts);
      metrics.countClock(r.clock);
      metrics.stateSize.set(vehicles.cache.size);
    },
  });
  const bindingsConsumer = new ChunkConsumer({
    kafka,
    groupId: `${cfg.ALERTS_GROUP_ID}-certificates`,
    topic: topics.bindingsEvents,
    chunkMessages: 1000,
    sessionTimeoutMs: cfg.ALERTS_SESSION_TIMEOUT_MS,
    fetchMaxWaitMs: 500,
    readiness,
    logger,
    registry,
    onRetry: (step) => metrics.retries.inc({ step }),
    stepDependency: ALERTS_STEP_DEPENDENCY,
    process: async (messages, run) => {
      const envelopes = messages.flatMap((m) => {
        try {
          return m.value ? [pb.BindingsEnvelope.decode(m.value)] : [];
        } catch {
          return [];
        }
      });
      const raised = await run('persist', () =>
        onBindingsEvents(reminderPorts, envelopes, now(), cfg.CERT_REMINDER_DAYS),
      );
      metrics.countAlerts(raised);
    },
  });

  const server = buildOpsServer({ logger, registry, readiness });
  const probe = dependencyProbe(readiness, { pool, redis, kafka });
  let reminderTimer: NodeJS.Timeout | undefined;
  const runDailyReminders = () =>
    dailyReminders(reminderPorts, now(), cfg.CERT_REMINDER_DAYS).then(
      (raised) => metrics.countAlerts(raised),
      (err: unknown) =>
        logger.warn(
          { err: err instanceof Error ? err.message : String(err) },
          'certificate reminders failed',
        ),
    );

  return {
    server,
    registry,
    readiness,
    metrics,
    repo,
    async start() {
      const missing = await pool.query(
        `SELECT to_regclass('alerts') IS NULL OR to_regclass('certificates') IS NULL
             OR to_regclass('driving_clock_events') IS NULL AS missing`,
      );
      if (missing.rows[0]?.missing)
        throw new Error(
          'tables "alerts"/"certificates"/"driving_clock_events" missing: run `npm run migrate` first',
        );
      await redis.connect();
      await producer.connect();
      const admin = kafka.admin();
      await admin.connect();
      const existing = new Set(await admin.listTopics());
      await admin.disconnect();
      const needed = [
        topics.positionsAccepted,
        topics.bindingsEvents,
        topics.alerts,
        topics.drivingClock,
      ].filter((t) => !existing.has(t));
      if (needed.length > 0)
        throw new Error(`Kafka topics missing: ${needed.join(', ')}: run \`npm run topics\` first`);
      logger.info({ speedZones: rules.zones, restStops: rules.stops }, 'rules loaded');
      await probe.start();
      await positionsConsumer.start();
      await bindingsConsumer.start();
      await runDailyReminders();
      reminderTimer = setInterval(() => void runDailyReminders(), REMINDER_INTERVAL_MS);
      reminderTimer.unref();
    },
    async stop() {
      if (reminderTimer) clearInterval(reminderTimer);
      probe.stop();
      await positionsConsumer.stop();
      await bindingsConsumer.stop();
      await producer.disconnect();
      await server.close();
      redis.disconnect();
      await pool.end();
    },
  };
}
