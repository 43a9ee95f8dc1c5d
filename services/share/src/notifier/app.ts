import {
  buildHttpApp,
  ChunkConsumer,
  createMetricsRegistry,
  createServiceClients,
  dependencyProbe,
  type FastifyInstance,
  httpTimeouts,
  type KafkaMessage,
  type Logger,
  Readiness,
  readLastPositions,
  topicNames,
  vehicleKey,
} from '@safewatch/common';
import { pb } from '@safewatch/proto';
import type { Registry } from 'prom-client';
import { placeWords } from '../adapters/place-words.js';
import { shareRepos } from '../adapters/repos.js';
import { WebPushSender } from '../adapters/webpush.sender.js';
import { WechatSender } from '../adapters/wechat.sender.js';
import type { ShareConfig } from '../config.js';
import { eventFromAlert, eventFromClock } from '../domain/notify.rules.js';
import {
  enqueueNotifications,
  type HeardEvent,
  type NotifyDeps,
  offlineEvents,
} from '../usecases/notify.usecase.js';
import { registerNotifyMetrics } from './notify.metrics.js';
import { OutboxSender } from './outbox-sender.js';

/**
 * X8: the notifier, a worker of its own beside the share service (same
 * package, same tables, its own process and deployment). Sending waits on
 * WeChat and on push services, which are slow, rate-limited and sometimes
 * down; kept apart, none of that delays a family's page or live stream, the
 * notifier scales (and is restarted) on its own, and only it holds the
 * WeChat AppSecret and the VAPID private key.
 *
 * It consumes `alerts` (episode starts) and `driving.clock` (pre-warnings)
 * in groups of its own, stores each notification in the outbox before a
 * chunk's offsets are committed (so nothing heard is lost), sends the outbox
 * (OutboxSender) and looks every minute for shared trucks silent for 30
 * minutes.
 */
export interface NotifierApp {
  server: FastifyInstance;
  registry: Registry;
  readiness: Readiness;
  sender: OutboxSender;
  /** One look for trucks silent for 30 minutes (also run every SHARE_NOTIFY_OFFLINE_SCAN_SECONDS). */
  scanOffline(): Promise<number>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

type Step = 'persist';
const STEP_DEPENDENCY: Record<Step, string> = { persist: 'postgres' };

function decoded<T>(m: KafkaMessage, decode: (value: Buffer) => T): T | undefined {
  try {
    return m.value ? decode(m.value) : undefined;
  } catch {
    return undefined;
  }
}

const heardAt = (m: KafkaMessage) => Number(m.timestamp) || Date.now();

export async function createNotifierApp(
  cfg: ShareConfig,
  logger: Logger,
  now: () => number = Date.now,
): Promise<NotifierApp> {
  const registry = createMetricsRegistry('share-notifier');
  const readiness = new Readiness(['postgres', 'redis', 'kafka']);
  const topics = topicNames(cfg.KAFKA_TOPIC_PREFIX);
  const { pool, redis, kafka } = createServiceClients('share-notifier', cfg, logger, registry);
  const metrics = registerNotifyMetrics(registry, pool);
  const words = placeWords({
    amapKey: cfg.SHARE_AMAP_KEY,
    amapUrl: cfg.SHARE_AMAP_URL,
    amapPerSecond: cfg.SHARE_AMAP_PER_SECOND,
    logger,
  });
  const deps: NotifyDeps = {
    pool,
    repos: shareRepos,
    now,
    describePlace: words.describe,
    cooldownMs: cfg.SHARE_NOTIFY_COOLDOWN_SECONDS * 1000,
    maxAgeMs: cfg.SHARE_NOTIFY_MAX_AGE_SECONDS * 1000,
  };

  const wechat =
    cfg.SHARE_WECHAT_APP_ID && cfg.SHARE_WECHAT_APP_SECRET
      ? {
          sender: new WechatSender({
            appId: cfg.SHARE_WECHAT_APP_ID,
            appSecret: cfg.SHARE_WECHAT_APP_SECRET,
            miniprogramState: cfg.SHARE_WECHAT_STATE,
            ...(cfg.SHARE_WECHAT_URL ? { baseUrl: cfg.SHARE_WECHAT_URL } : {}),
          }),
          page: cfg.SHARE_WECHAT_PAGE,
        }
      : undefined;
  const webPush =
    cfg.SHARE_VAPID_PUBLIC_KEY && cfg.SHARE_VAPID_PRIVATE_KEY
      ? {
          sender: new WebPushSender({
            vapidPublicKey: cfg.SHARE_VAPID_PUBLIC_KEY,
            vapidPrivateKey: cfg.SHARE_VAPID_PRIVATE_KEY,
            subject: cfg.SHARE_VAPID_SUBJECT,
          }),
          publicBaseUrl: cfg.PUBLIC_BASE_URL.replace(/\/$/, ''),
        }
      : undefined;
  const sender = new OutboxSender({
    pool,
    logger,
    metrics,
    now,
    leaseMs: cfg.SHARE_NOTIFY_LEASE_SECONDS * 1000,
    maxAttempts: cfg.SHARE_NOTIFY_MAX_ATTEMPTS,
    concurrency: cfg.SHARE_NOTIFY_CONCURRENCY,
    ...(wechat ? { wechat } : {}),
    ...(webPush ? { webPush } : {}),
  });

  const heard = async (events: HeardEvent[], skippedBefore: Map<string, number>) => {
    for (const [reason, n] of skippedBefore) metrics.skipped.inc({ reason }, n);
    if (events.length === 0) return;
    const r = await enqueueNotifications(deps, events);
    for (const [reason, n] of r.skipped) metrics.skipped.inc({ reason }, n);
    if (r.alreadyQueued > 0) metrics.skipped.inc({ reason: 'ALREADY_QUEUED' }, r.alreadyQueued);
    for (const [kind, n] of r.queuedByKind) metrics.queuedTotal.inc({ kind }, n);
    if (r.queued > 0) sender.kick();
  };

  const consumerBase = {
    kafka,
    sessionTimeoutMs: cfg.SHARE_NOTIFY_SESSION_TIMEOUT_MS,
    fetchMaxWaitMs: 100,
    chunkMessages: 500,
    readiness,
    logger,
    registry,
    stepDependency: STEP_DEPENDENCY,
  };
  const alertsConsumer = new ChunkConsumer<Step>({
    ...consumerBase,
    groupId: `${cfg.SHARE_NOTIFY_GROUP_ID}-alerts`,
    topic: topics.alerts,
    process: async (messages, run) => {
      const events: HeardEvent[] = [];
      const skipped = new Map<string, number>();
      for (const m of messages) {
        const a = decoded(m, (v) => pb.Alert.decode(v));
        if (!a?.vehicle?.plateNumber) continue;
        const plateColor = a.vehicle.plateColor ?? 0;
        const detail = a.speeding?.startPlace ?? a.fatigue?.place;
        const e = eventFromAlert({
          vehicleKey: vehicleKey(a.vehicle.plateNumber, plateColor),
          plateNumber: a.vehicle.plateNumber,
          type: (pb.AlertType[a.type ?? 0] ?? '').replace('ALERT_TYPE_', ''),
          phase: (pb.AlertPhase[a.phase ?? 0] ?? '').replace('ALERT_PHASE_', ''),
          source: (pb.AlertSource[a.source ?? 0] ?? '').replace('ALERT_SOURCE_', ''),
          occurredAtMs: Number(a.occurredAtMs ?? 0),
          episodeStartMs: Number(a.episodeStartMs ?? 0),
          place: detail?.latE6 ? { lat: detail.latE6 / 1e6, lon: (detail.lonE6 ?? 0) / 1e6 } : null,
        });
        if ('skip' in e) {
          if (e.skip === 'PLATFORM_ONLY') skipped.set(e.skip, (skipped.get(e.skip) ?? 0) + 1);
          continue;
        }
        events.push({ event: e.event, plateColor, place: e.place, heardAtMs: heardAt(m) });
      }
      await run('persist', () => heard(events, skipped));
    },
  });
  const clockConsumer = new ChunkConsumer<Step>({
    ...consumerBase,
    groupId: `${cfg.SHARE_NOTIFY_GROUP_ID}-clock`,
    topic: topics.drivingClock,
    process: async (messages, run) => {
      const events: HeardEvent[] = [];
      for (const m of messages) {
        const c = decoded(m, (v) => pb.DrivingClock.decode(v));
        if (!c?.vehicle?.plateNumber) continue;
        const plateColor = c.vehicle.plateColor ?? 0;
        const e = eventFromClock({
          vehicleKey: vehicleKey(c.vehicle.plateNumber, plateColor),
          plateNumber: c.vehicle.plateNumber,
          event: (pb.DrivingClockEvent[c.event ?? 0] ?? '').replace('DRIVING_CLOCK_EVENT_', ''),
          occurredAtMs: Number(c.occurredAtMs ?? 0),
          drivingSinceMs: Number(c.drivingSinceMs ?? 0),
        });
        if ('event' in e) events.push({ event: e.event, plateColor, place: null, heardAtMs: heardAt(m) });
      }
      await run('persist', () => heard(events, new Map()));
    },
  });

  const scanOffline = async (): Promise<number> => {
    const events = await offlineEvents(deps, async (keys) => {
      const last = await readLastPositions(redis, cfg.REDIS_KEY_PREFIX, keys);
      return new Map([...last].map(([k, p]) => [k, p.gnssTimeMs]));
    });
    await heard(events, new Map());
    return events.length;
  };

  const server = await buildHttpApp({
    service: 'share-notifier',
    logger,
    registry,
    readiness,
    bodyLimit: cfg.HTTP_BODY_LIMIT,
    trustProxy: cfg.TRUST_PROXY,
    corsOrigins: cfg.HTTP_CORS_ORIGINS,
    timeouts: httpTimeouts(cfg),
  });
  const probe = dependencyProbe(readiness, { pool, redis, kafka });
  let offlineTimer: NodeJS.Timeout | undefined;

  return {
    server,
    registry,
    readiness,
    sender,
    scanOffline,
    async start() {
      const missing = await pool.query("SELECT to_regclass('notify_outbox') IS NULL AS missing");
      if (missing.rows[0]?.missing)
        throw new Error('table "notify_outbox" missing: run `npm run migrate` first');
      if (!wechat && !webPush)
        logger.warn(
          'no channel configured (SHARE_WECHAT_APP_ID/SECRET, SHARE_VAPID_*): every notification fails',
        );
      await redis.connect();
      await probe.start();
      await alertsConsumer.start();
      await clockConsumer.start();
      sender.start();
      offlineTimer = setInterval(() => {
        scanOffline().catch((err: Error) => logger.warn({ err: err.message }, 'offline scan failed'));
      }, cfg.SHARE_NOTIFY_OFFLINE_SCAN_SECONDS * 1000);
      offlineTimer.unref();
    },
    async stop() {
      if (offlineTimer) clearInterval(offlineTimer);
      probe.stop();
      await server.close();
      await alertsConsumer.stop();
      await clockConsumer.stop();
      await sender.stop();
      redis.disconnect();
      await pool.end();
    },
  };
}
