import {
  authConfig,
  buildHttpApp,
  ChunkConsumer,
  createMetricsRegistry,
  createServiceClients,
  dependencyProbe,
  type FastifyInstance,
  httpTimeouts,
  type Logger,
  Readiness,
  topicNames,
} from '@safewatch/common';
import { pb } from '@safewatch/proto';
import { Gauge, type Registry } from 'prom-client';
import { placeWords } from './adapters/place-words.js';
import { lastPositionsFrom, PositionCache } from './adapters/position-cache.js';
import { ShareReadModel } from './adapters/read-model.js';
import { shareRepos } from './adapters/repos.js';
import { registerShareMetrics } from './adapters/share.metrics.js';
import { activeSharesOfVehicleKeys, expireDue, type ShareRow, shareById } from './adapters/shares.repo.js';
import { RawJson, StreamHub } from './adapters/stream-hub.js';
import { SyncedLimiter } from './adapters/synced-limiter.js';
import { TrackCache } from './adapters/track-cache.js';
import { ViewRecorder } from './adapters/view-recorder.js';
import type { ShareConfig } from './config.js';
import { describePlacesWith } from './domain/geo.js';
import { shareStatus } from './domain/share.rules.js';
import { adoptionRoutes } from './http/adoption.routes.js';
import { notifyRoutes } from './http/notify.routes.js';
import { call, shareRoutes } from './http/share.routes.js';
import { streamRoute } from './http/stream.route.js';
import type { ShareDeps } from './usecases/deps.js';
import { onDrivingClock } from './usecases/driving-clock.usecase.js';
import { onAlerts, onBindingEvents } from './usecases/events.usecase.js';
import { shareViewJson, type VehicleView, vehicleViews } from './usecases/view.builder.js';
import { viewerShare } from './usecases/viewer.usecase.js';
import { webRoutes } from './web/web.routes.js';

export interface ShareApp {
  server: FastifyInstance;
  registry: Registry;
  readiness: Readiness;
  deps: ShareDeps;
  hub: StreamHub;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const EXPIRY_SWEEP_MS = 1_000;

/** A chunk's messages decoded; one that does not decode is skipped, never a stuck consumer. */
function decodeAll<T>(messages: { value: Buffer | null }[], decode: (value: Buffer) => T): T[] {
  return messages.flatMap((m) => {
    try {
      return m.value ? [decode(m.value)] : [];
    } catch {
      return [];
    }
  });
}

type Step = 'persist';
const STEP_DEPENDENCY: Record<Step, string> = { persist: 'postgres' };

export async function createShareApp(
  cfg: ShareConfig,
  logger: Logger,
  now: () => Date = () => new Date(),
): Promise<ShareApp> {
  const registry = createMetricsRegistry('share');
  const readiness = new Readiness(['postgres', 'redis', 'kafka']);
  const topics = topicNames(cfg.KAFKA_TOPIC_PREFIX);
  const { pool, redis, kafka } = createServiceClients('share', cfg, logger, registry);
  const auth = authConfig(cfg);

  let hub: StreamHub | undefined;
  let tickShares = new Map<string, ShareRow>();
  const readModel = new ShareReadModel({
    pool,
    databaseUrl: cfg.DATABASE_URL,
    schema: cfg.PG_SCHEMA,
    logger,
    // Every instance hears of new alerts (not only the one consuming them): immediate frames.
    onVehicleChanged: (key) => hub?.vehicleChanged(key),
    // A share ended through another instance: this instance's streams of it end at once.
    onShareChanged: (shareId) => {
      if (!hub?.hasShare(shareId)) return;
      shareById(pool, shareId).then(
        (share) => {
          const status = share ? shareStatus(share, now()) : { active: false as const, reason: 'NOT_FOUND' };
          if (!status.active) hub?.shareEnded(shareId, status.reason);
        },
        (err: Error) => logger.warn({ err: err.message }, 'could not check a changed share'),
      );
    },
  });
  const views = new ViewRecorder({ pool, logger });
  const limiter = new SyncedLimiter({
    redis,
    keyPrefix: `${cfg.REDIS_KEY_PREFIX}ratelimit:`,
    windowMs: 60_000,
    logger,
  });
  const positions = new PositionCache({ redisUrl: cfg.REDIS_URL, redisPrefix: cfg.REDIS_KEY_PREFIX, logger });
  // X5: every place of the view and of the track in words.
  const words = placeWords({
    amapKey: cfg.SHARE_AMAP_KEY,
    amapUrl: cfg.SHARE_AMAP_URL,
    amapPerSecond: cfg.SHARE_AMAP_PER_SECOND,
    logger,
  });
  describePlacesWith(words.sync);
  const deps: ShareDeps = {
    pool,
    repos: shareRepos,
    lastPositions: lastPositionsFrom(redis, cfg.REDIS_KEY_PREFIX, positions),
    now,
    publicBaseUrl: cfg.PUBLIC_BASE_URL.replace(/\/$/, ''),
    sharesEnded: (ended) => {
      readModel.invalidateShareIds(ended.map((e) => e.shareId));
      for (const e of ended) hub?.shareEnded(e.shareId, e.reason);
    },
    readModel,
    views,
    positions,
    describePlace: words.describe,
    tracks: new TrackCache({
      ttlMs: cfg.SHARE_TRACK_CACHE_SECONDS * 1000,
      maxBytes: cfg.SHARE_TRACK_CACHE_MB * 2 ** 20,
    }),
  };
  hub = new StreamHub({
    tickMs: cfg.SHARE_STREAM_TICK_MS,
    slots: cfg.SHARE_STREAM_SLOTS,
    heartbeatMs: 15_000,
    maxConnections: cfg.SHARE_STREAM_MAX_CONNECTIONS,
    maxPerIdentity: cfg.SHARE_STREAM_MAX_PER_IDENTITY,
    source: {
      // One query for the share rows of the whole tick, next to the vehicles' views.
      vehicleViews: async (keys) => {
        const [views, shares] = await Promise.all([
          vehicleViews(deps, keys),
          activeSharesOfVehicleKeys(pool, keys),
        ]);
        tickShares = new Map(shares.map((s) => [s.shareId, s]));
        return views;
      },
      shareFrame: async (shareId, v) => {
        const share = tickShares.get(shareId) ?? (await shareById(pool, shareId));
        if (!share) return { ended: true, reason: 'NOT_FOUND' };
        const status = shareStatus(share, now());
        if (!status.active) return { ended: true, reason: status.reason };
        return { ended: false, body: new RawJson(shareViewJson(share, v as VehicleView | undefined, now())) };
      },
    },
    onError: (err) =>
      logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'stream render failed'),
  });
  const liveViewers = new Gauge({
    name: 'share_stream_connections',
    help: 'Open live streams',
    registers: [registry],
    collect() {
      this.set(hub?.connections ?? 0);
    },
  });
  void liveViewers;
  registerShareMetrics(registry, pool, now);

  const server = await buildHttpApp({
    service: 'share',
    logger,
    registry,
    readiness,
    auth,
    redis,
    redisKeyPrefix: cfg.REDIS_KEY_PREFIX,
    bodyLimit: cfg.HTTP_BODY_LIMIT,
    trustProxy: cfg.TRUST_PROXY,
    corsOrigins: cfg.HTTP_CORS_ORIGINS,
    timeouts: httpTimeouts(cfg),
    openapi: {
      title: 'Safe Watch share API',
      description: 'Single-claim share links and the view for family members and drivers (SPEC S1–S9, S12)',
    },
  });
  await shareRoutes(server, {
    deps,
    devViewerLogin: cfg.SHARE_DEV_VIEWER_LOGIN ? auth : undefined,
    limiter,
  });
  await adoptionRoutes(server, { deps });
  await notifyRoutes(server, {
    deps,
    channels: {
      vapidPublicKey: cfg.SHARE_VAPID_PUBLIC_KEY || null,
      allowLocalPush: cfg.SHARE_PUSH_ALLOW_LOCAL,
      wechatTemplates: cfg.SHARE_WECHAT_APP_ID ? cfg.SHARE_WECHAT_TEMPLATES : {},
    },
  });
  await streamRoute(server, {
    hub,
    limiter,
    maxStreamsPerIp: cfg.SHARE_STREAM_MAX_PER_IP,
    authorize: async (request, token) => {
      const share = await call(() => viewerShare(deps, token, request.principal?.sub ?? '', true));
      return { shareId: share.shareId, vehicleKey: `${share.plateNumber}:${share.plateColor}` };
    },
  });
  await webRoutes(server, cfg.SHARE_TILE_URL ? { tileUrl: cfg.SHARE_TILE_URL } : {});

  const consumerBase = {
    kafka,
    sessionTimeoutMs: 30_000,
    fetchMaxWaitMs: 100,
    chunkMessages: 1000,
    readiness,
    logger,
    registry,
    stepDependency: STEP_DEPENDENCY,
  };
  const bindingsConsumer = new ChunkConsumer<Step>({
    ...consumerBase,
    groupId: `${cfg.SHARE_GROUP_ID}-bindings`,
    topic: topics.bindingsEvents,
    process: async (messages, run) => {
      const envelopes = decodeAll(messages, (v) => pb.BindingsEnvelope.decode(v));
      await run('persist', () => onBindingEvents(deps, envelopes));
    },
  });
  const alertsConsumer = new ChunkConsumer<Step>({
    ...consumerBase,
    groupId: `${cfg.SHARE_GROUP_ID}-alerts`,
    topic: topics.alerts,
    process: async (messages, run) => {
      const alerts = decodeAll(messages, (v) => pb.Alert.decode(v));
      const changed = await run('persist', () => onAlerts(deps, alerts));
      // Without the read model's listener, tell this instance's streams directly.
      if (!readModel.active) for (const k of changed) hub?.vehicleChanged(k);
    },
  });

  const clockConsumer = new ChunkConsumer<Step>({
    ...consumerBase,
    groupId: `${cfg.SHARE_GROUP_ID}-clock`,
    topic: topics.drivingClock,
    process: async (messages, run) => {
      const clocks = decodeAll(messages, (v) => pb.DrivingClock.decode(v));
      const changed = await run('persist', () => onDrivingClock(deps, clocks));
      if (!readModel.active) for (const k of changed) hub?.vehicleChanged(k);
    },
  });

  const probe = dependencyProbe(readiness, { pool, redis, kafka });
  let sweep: NodeJS.Timeout | undefined;

  return {
    server,
    registry,
    readiness,
    deps,
    hub,
    async start() {
      const missing = await pool.query("SELECT to_regclass('shares') IS NULL AS missing");
      if (missing.rows[0]?.missing) throw new Error('table "shares" missing: run `npm run migrate` first');
      // X7 reads ingest's positions: without them (or without SELECT on them) every track would fail.
      await pool.query('SELECT 1 FROM positions LIMIT 0').catch((err: Error) => {
        throw new Error(`table "positions" not readable (${err.message}): run \`npm run migrate\` first`);
      });
      await redis.connect();
      await readModel.start();
      await positions.start();
      views.start();
      limiter.start();
      await probe.start();
      await bindingsConsumer.start();
      await alertsConsumer.start();
      await clockConsumer.start();
      hub?.start();
      // Expired shares end at their expiry: open streams get "ended" within a second.
      sweep = setInterval(() => {
        expireDue(pool, now()).then(
          (ended) => deps.sharesEnded(ended.map((s) => ({ shareId: s.shareId, reason: 'EXPIRED' }))),
          () => undefined,
        );
      }, EXPIRY_SWEEP_MS);
      sweep.unref();
    },
    async stop() {
      if (sweep) clearInterval(sweep);
      probe.stop();
      await hub?.stop();
      await server.close();
      await bindingsConsumer.stop();
      await alertsConsumer.stop();
      await clockConsumer.stop();
      await views.stop();
      await limiter.stop();
      await readModel.stop();
      positions.stop();
      redis.disconnect();
      await pool.end();
    },
  };
}
