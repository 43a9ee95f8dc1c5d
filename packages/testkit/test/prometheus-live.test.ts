/**
 * A real Prometheus (Debian's binary, started by startPrometheus on a free
 * port) scraping the running system: the four services and the share
 * notifier, in this process on the test's Kafka topics and Postgres schema
 * and throw-away Redis servers (one for the alerts service's rule state, one
 * for the others), fed by the fleet simulator (60 trucks, 2 h of history,
 * then real time). Every query of the Grafana dashboards and every alert
 * rule's expression must answer at least one series.
 *
 * A rule's expression is asked twice: as written (it may well be empty: no
 * alert is due in a healthy run, and it must not fail) and with `bool` on
 * each of its comparisons (withBoolComparisons), which keeps every series
 * the rule compares, valued 0 or 1: that one must not be empty, or the rule
 * watches series that do not exist. Dashboard queries are asked the same
 * way (a panel may show a comparison, e.g. the conditions not ready).
 *
 * Series some rules watch only exist once something went wrong, so the run
 * makes it go wrong, as it does in production: a driven truck speeds past a
 * family who opted in to WeChat notifications, and the WeChat stand-in
 * fails the first send (given up at once: SHARE_NOTIFY_MAX_ATTEMPTS=1);
 * then the alerts service's Redis stops for a few seconds while positions
 * flow, and after it the other Redis (steps retried, Redis errors, readiness
 * conditions false, the view failing with 5xx), each coming back.
 *
 * The table of every expression with its series count is printed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_REGISTRY_FILE } from '@safewatch/bindings/sample-registry';
import {
  authConfig,
  createKafka,
  createLogger,
  type FastifyInstance,
  migrate,
  mintToken,
  type Producer,
  producerConfig,
  topicNames,
} from '@safewatch/common';
import { pb } from '@safewatch/proto';
import {
  cleanupWhenGone,
  type DisposableServer,
  type FakeWechat,
  getInfra,
  isolate,
  PrometheusApiError,
  type RunningPrometheus,
  seriesCount,
  startDisposableRedis,
  startFakeWechat,
  startPrometheus,
  waitFor,
} from '@safewatch/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AlertsApp, createAlertsApp } from '../../../services/alerts/src/app.js';
import { loadConfig as alertsConfig } from '../../../services/alerts/src/config.js';
import { type BindingsApp, createBindingsApp } from '../../../services/bindings/src/app.js';
import { loadConfig as bindingsConfig } from '../../../services/bindings/src/config.js';
import { createIngestApp, type IngestApp } from '../../../services/ingest/src/app.js';
import { loadConfig as ingestConfig } from '../../../services/ingest/src/config.js';
import { createShareApp, type ShareApp } from '../../../services/share/src/app.js';
import { loadConfig as shareConfig } from '../../../services/share/src/config.js';
import { createNotifierApp, type NotifierApp } from '../../../services/share/src/notifier/app.js';
import {
  alertRules,
  dashboardQueries,
  REPO_ROOT,
  ruleFiles,
  withBoolComparisons,
} from '../src/observability-files.js';

const infra = getInfra();
const localRedis = infra.mode.redis === 'local';
const logger = createLogger('prometheus-live-test', process.env.TEST_LOG_LEVEL ?? 'silent');
const JWT_SECRET = 'prometheus-live-test-secret-0123456789abc';
const SIM_TRUCKS = 60;
const WECHAT = { appId: 'wx-prometheus-live', appSecret: 'live-app-secret' };
const TEMPLATES = {
  PRE_WARNING: 't-pre',
  FATIGUE: 't-fatigue',
  SPEEDING: 't-speeding',
  OFFLINE: 't-offline',
};
/** A fix of the driven truck every this often, real time. */
const DRIVE_EVERY_MS = 5_000;

interface Running {
  name: string;
  server: FastifyInstance;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const oneLine = (expr: string) => expr.replace(/\s+/g, ' ').trim();

describe.skipIf(!localRedis)('a real Prometheus scraping the running system', () => {
  const iso = isolate('prometheus live');
  const services: Running[] = [];
  const cleanups: (() => Promise<unknown>)[] = [];
  let redis: DisposableServer;
  let alertsRedis: DisposableServer;
  let prometheus: RunningPrometheus;
  let wechat: FakeWechat;
  let producer: Producer;
  let simulator: ChildProcess | undefined;
  let driving: NodeJS.Timeout | undefined;
  /** Statuses the view answered while Redis was down. */
  const outageStatuses: number[] = [];

  const address = (s: FastifyInstance) => {
    const a = s.server.address();
    if (!a || typeof a !== 'object') throw new Error('not listening');
    return `127.0.0.1:${a.port}`;
  };
  const base = (name: string) => {
    const s = services.find((x) => x.name === name);
    if (!s) throw new Error(name);
    return `http://${address(s.server)}`;
  };

  beforeAll(async () => {
    redis = await startDisposableRedis(infra);
    cleanups.push(() => redis.close());
    alertsRedis = await startDisposableRedis(infra);
    cleanups.push(() => alertsRedis.close());
    for (const service of ['ingest', 'alerts', 'bindings', 'share'])
      await migrate({
        databaseUrl: infra.databaseUrl,
        schema: iso.schema,
        dir: join(REPO_ROOT, 'services', service, 'migrations'),
        service,
        logger,
      });
    cleanups.push(() => iso.dropSchema());
    await iso.createTopics(Object.values(topicNames()), 2);
    wechat = await startFakeWechat({ ...WECHAT, templates: Object.values(TEMPLATES) });
    cleanups.push(() => wechat.stop());

    const env: Record<string, string> = {
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: iso.topicPrefix,
      DATABASE_URL: infra.databaseUrl,
      PG_SCHEMA: iso.schema,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: iso.redisPrefix,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      HOST: '127.0.0.1',
      PORT: '0',
      JWT_SECRET,
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      INGEST_GROUP_ID: `ingest-${iso.id}`,
      ALERTS_GROUP_ID: `alerts-${iso.id}`,
      SHARE_GROUP_ID: `share-${iso.id}`,
      SHARE_NOTIFY_GROUP_ID: `share-notifier-${iso.id}`,
      INGEST_SESSION_TIMEOUT_MS: '6000',
      ALERTS_SESSION_TIMEOUT_MS: '6000',
      SPEED_ZONES_FILE: join(REPO_ROOT, 'services/alerts/samples/speed-zones.json'),
      REST_STOPS_FILE: join(REPO_ROOT, 'services/alerts/samples/rest-stops.json'),
      BINDINGS_REGISTRY_FILE: SAMPLE_REGISTRY_FILE,
      SHARE_WECHAT_APP_ID: WECHAT.appId,
      SHARE_WECHAT_APP_SECRET: WECHAT.appSecret,
      SHARE_WECHAT_URL: wechat.url,
      SHARE_WECHAT_TEMPLATES: Object.entries(TEMPLATES)
        .map(([k, t]) => `${k}=${t}`)
        .join(','),
      // A send that fails transiently is given up at once: SafeWatchNotifyGivingUp's series.
      SHARE_NOTIFY_MAX_ATTEMPTS: '1',
    };

    // In the order of npm start; each serves /metrics on its own port, as its process would.
    const start = async (
      name: string,
      app: { server: FastifyInstance; start(): Promise<void>; stop(): Promise<void> },
    ) => {
      await app.start();
      await app.server.listen({ host: '127.0.0.1', port: 0 });
      services.push({ name, server: app.server, stop: () => app.stop() });
    };
    const ingest: IngestApp = createIngestApp(ingestConfig(env), logger);
    await start('ingest', ingest);
    const bindings: BindingsApp = await createBindingsApp(bindingsConfig(env), logger);
    await start('bindings', bindings);
    const alerts: AlertsApp = createAlertsApp(alertsConfig({ ...env, REDIS_URL: alertsRedis.url }), logger);
    await start('alerts', alerts);
    const share: ShareApp = await createShareApp(shareConfig(env), logger);
    await start('share', share);
    const notifier: NotifierApp = await createNotifierApp(shareConfig(env), logger);
    await start('share-notifier', notifier);

    prometheus = await startPrometheus({
      targets: services.map((s) => ({ job: s.name, addresses: [address(s.server)] })),
      ruleFiles: ruleFiles(),
      scrapeIntervalS: 2,
    });

    // The fleet: two hours of history as fast as ingest takes it, then real time.
    simulator = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=source',
        join(REPO_ROOT, 'packages/simulator/src/cli.ts'),
        ...['--trucks', String(SIM_TRUCKS), '--start', '-2h', '--follow', '--quiet'],
      ],
      { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: 'ignore' },
    );
    const pid = simulator.pid as number;
    const disarm = cleanupWhenGone(`grep -q simulator /proc/${pid}/cmdline 2>/dev/null && kill ${pid}`);
    simulator.once('exit', disarm);

    // A driver binds a truck the simulator does not drive, shares it twice; two family members claim and opt in.
    const auth = authConfig(shareConfig(env));
    const token = (sub: string, role: 'driver' | 'family') => mintToken(auth, { sub, role }, 3600);
    const call = async (method: string, url: string, bearer: string, body?: unknown) => {
      const r = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${bearer}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: r.status, body: (await r.json().catch(() => ({}))) as Record<string, unknown> };
    };
    const sample = JSON.parse(readFileSync(SAMPLE_REGISTRY_FILE, 'utf8')) as {
      vehicles: { plate_number: string; plate_color: number; transport_cert_no: string; vin: string }[];
    };
    const driver = token('driver-0001', 'driver');
    let truck: { vehicleId: string; plate: string; color: number } | undefined;
    for (const v of sample.vehicles.slice(SIM_TRUCKS).reverse()) {
      const r = await call('POST', `${base('bindings')}/v1/drivers/me/bindings`, driver, {
        plateNumber: v.plate_number,
        plateColor: v.plate_color,
        transportCertNo: v.transport_cert_no,
        vin: v.vin,
      });
      const vehicleId = (r.body.binding as { vehicleId?: string } | undefined)?.vehicleId;
      if (r.status === 201 && vehicleId) {
        truck = { vehicleId, plate: v.plate_number, color: v.plate_color };
        break;
      }
    }
    if (!truck) throw new Error('no sample vehicle could be bound');
    const links: string[] = [];
    await waitFor(
      async () => {
        const r = await call('POST', `${base('share')}/v1/drivers/me/shares`, driver, {
          vehicleId: truck?.vehicleId,
          duration: '3d',
        });
        if (r.status === 201) links.push(String(r.body.token));
        else if (r.body.code !== 'NOT_BOUND') throw new Error(`share refused: ${JSON.stringify(r.body)}`);
        return links.length === 2;
      },
      { timeoutMs: 30_000, intervalMs: 300, message: 'two links shared' },
    );
    const viewers = links.map((_, i) => token(`family-live-${i}`, 'family'));
    for (const [i, link] of links.entries()) {
      expect(
        (await call('POST', `${base('share')}/v1/shares/${link}/claim`, viewers[i] as string)).status,
      ).toBe(200);
      const consent = await call(
        'PUT',
        `${base('share')}/v1/shares/${link}/notifications/wechat`,
        viewers[i] as string,
        {
          openId: `o-live-${i}`,
          results: Object.fromEntries(Object.values(TEMPLATES).map((t) => [t, 'accept'])),
        },
      );
      expect(consent.status, JSON.stringify(consent.body)).toBeLessThan(300);
      expect((await call('GET', `${base('share')}/v1/shares/${link}`, viewers[i] as string)).status).toBe(
        200,
      );
    }

    // The truck speeds (120 km/h, east of Jinan) from now on: a speeding episode after the consents.
    producer = createKafka({ brokers: infra.kafkaBrokers, clientId: 'prometheus-live', logger }).producer(
      producerConfig(),
    );
    await producer.connect();
    cleanups.push(() => producer.disconnect());
    let n = 0;
    const drive = async () => {
      const fix = {
        plateNumber: truck?.plate,
        plateColor: truck?.color,
        gnssTimeMs: Date.now(),
        latE6: 36_651_000,
        lonE6: 117_120_000 + n * 1_867, // 166.7 m: 5 s at 120 km/h
        speedDkmh: 1200,
        headingDeg: 90,
        altitudeM: 40,
        statusFlags: 3,
        odometerHm: 12345 + n * 2,
      };
      n++;
      await producer
        .send({
          topic: iso.topic('positions.raw'),
          messages: [
            {
              key: 'plat-01',
              value: Buffer.from(
                pb.PositionBatch.encode({
                  platformId: 'plat-01',
                  batchId: `live-${n}`,
                  sentAtMs: Date.now(),
                  positions: [fix],
                }).finish(),
              ),
            },
          ],
        })
        .catch(() => undefined);
    };
    await drive();
    driving = setInterval(() => void drive(), DRIVE_EVERY_MS);

    // WeChat is busy once: one viewer's notification is given up, the other's delivered.
    wechat.failNext(1, -1);
    await waitFor(() => wechat.delivered.length >= 1 && wechat.answered.some((a) => a.errcode === -1), {
      timeoutMs: 150_000,
      intervalMs: 1_000,
      message: 'a speeding notification delivered and one given up',
    });

    // The alerts service's Redis stops while ingest passes positions on: alerts retries its steps.
    await alertsRedis.stop();
    await sleep(10_000);
    await alertsRedis.start();
    // Then the other one: ingest retries its last-position step, the view fails.
    await redis.stop();
    const outageEnds = Date.now() + 10_000;
    while (Date.now() < outageEnds) {
      const r = await call('GET', `${base('share')}/v1/shares/${links[0]}`, viewers[0] as string).catch(
        () => ({
          status: 0,
        }),
      );
      outageStatuses.push(r.status);
      await sleep(1_000);
    }
    await redis.start();
  }, 400_000);

  afterAll(async () => {
    if (driving) clearInterval(driving);
    simulator?.kill('SIGTERM');
    await prometheus?.stop();
    for (const s of services.reverse()) await s.stop().catch(() => undefined);
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  }, 120_000);

  it('scrapes every service', async () => {
    await waitFor(
      async () => {
        const targets = await prometheus.targets();
        return targets.length === services.length && targets.every((t) => t.health === 'up');
      },
      { timeoutMs: 30_000, intervalMs: 1_000, message: 'every target up' },
    );
    expect((await prometheus.targets()).map((t) => t.job).sort()).toEqual(services.map((s) => s.name).sort());
  });

  it('answers every dashboard query and every rule expression with at least one series', async () => {
    const exprs = [
      ...dashboardQueries().map((q) => ({ what: `dashboard ${q.where}`, expr: q.expr })),
      ...alertRules().map((r) => ({ what: `rule ${r.alert}`, expr: r.expr })),
    ];
    type Row = { what: string; expr: string; asWritten: number; withBool: number; type: string };
    const ask = async (): Promise<Row[]> =>
      Promise.all(
        exprs.map(async ({ what, expr }) => {
          const written = await prometheus.query(expr);
          const withBool = await prometheus.query(withBoolComparisons(expr));
          return {
            what,
            expr,
            asWritten: seriesCount(written),
            withBool: seriesCount(withBool),
            type: written.resultType,
          };
        }),
      );
    // Until every expression has data: rates need two scrapes, the lag's deriv two whole minutes.
    let rows: Row[] = [];
    const deadline = Date.now() + 180_000;
    for (;;) {
      rows = await ask();
      if (rows.every((r) => r.withBool > 0) || Date.now() > deadline) break;
      await sleep(5_000);
    }
    const table = rows.map(
      (r) =>
        `${String(r.withBool).padStart(5)} ${String(r.asWritten).padStart(7)}  ${r.what}\n               ${oneLine(r.expr)}`,
    );
    console.log(
      [
        `series (with bool) · series (as written) · where · expression; the view answered ${outageStatuses.join(' ')} while Redis was down`,
        ...table,
      ].join('\n'),
    );
    expect(rows.filter((r) => r.withBool === 0).map((r) => `${r.what}: ${oneLine(r.expr)}`)).toEqual([]);
    // Grafana draws instant vectors and scalars.
    expect(rows.filter((r) => !['vector', 'scalar'].includes(r.type)).map((r) => r.what)).toEqual([]);
  }, 240_000);

  it('evaluates every rule without error', async () => {
    const rules = await prometheus.rules();
    expect(rules.map((r) => r.name).sort()).toEqual(
      alertRules()
        .map((r) => r.alert)
        .sort(),
    );
    expect(rules.filter((r) => r.health === 'err').map((r) => `${r.name}: ${r.lastError}`)).toEqual([]);
  });

  it('is not fooled: an expression that does not parse is refused with bad_data', async () => {
    const err = await prometheus.query('sum(rate(ingest_positions_consumed_total[5m])').catch((e) => e);
    expect(err).toBeInstanceOf(PrometheusApiError);
    expect((err as PrometheusApiError).errorType).toBe('bad_data');
    expect(seriesCount(await prometheus.query('ingest_positions_consumed_totl'))).toBe(0);
  });
});
