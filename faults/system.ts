/**
 * The whole system as `npm start` runs it (real processes, env config), on
 * servers the suite may break: a 3-node Apache Kafka cluster on this machine
 * (replication factor 3, min.insync.replicas 2; nodes killed, restarted,
 * frozen), a disposable Postgres cluster and a disposable Redis (stopped and
 * started again), so the machine's own Postgres and Redis are never touched.
 * X8 notifications go to a WeChat stand-in in the test process that answers
 * each send after a delay, so sends are in flight when the notifier is killed.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { SAMPLE_REGISTRY_FILE } from '@safewatch/bindings/sample-registry';
import {
  type DisposableServer,
  type FakeWechat,
  type Infra,
  type LocalKafka,
  startDisposablePostgres,
  startDisposableRedis,
  startFakeWechat,
  startLocalKafka,
} from '@safewatch/testkit';
import { freePort, REPO_ROOT, runToEnd } from '@safewatch/testkit/processes';
import { ALERTS_FILES } from './plan.js';
import { type ServiceKind, type ServiceProcess, serviceReady, spawnService } from './services.js';

export const JWT_SECRET = 'fault-suite-secret-0123456789abcdefghijkl';
export const REDIS_PREFIX = 'sw:';
/** positions.raw partitions: the simulator's four platform keys land on three of six, so two ingest instances both get work. */
export const PARTITIONS = 6;
/** Kafka nodes (each a broker and a controller) and the topics' replication factor. */
export const KAFKA_NODES = 3;

/** X8: the mini-program as the share service and the notifier know it, and WeChat's stand-in. */
export const WECHAT = {
  appId: 'wx-fault-suite',
  appSecret: 'fault-suite-wechat-secret-7f3a91c2',
  templates: {
    PRE_WARNING: 'tmpl-fault-pre-warning',
    FATIGUE: 'tmpl-fault-fatigue',
    SPEEDING: 'tmpl-fault-speeding',
    OFFLINE: 'tmpl-fault-offline',
  },
  /** WeChat answers each send this long after it arrived: a round of sends is in flight most of its time. */
  answerDelayMs: 400,
} as const;
/** A notification taken by a notifier that died is sent by another after this (the default is 30 s). */
export const NOTIFY_LEASE_SECONDS = 5;

export interface System {
  kafka: LocalKafka;
  postgres: DisposableServer;
  redis: DisposableServer;
  env: Record<string, string>;
  logDir: string;
  ingest: ServiceProcess;
  alerts: ServiceProcess;
  bindings: ServiceProcess;
  share: ServiceProcess;
  /** X8: the notifier, sending WeChat subscription messages from the outbox. */
  notifier: ServiceProcess;
  wechat: FakeWechat;
  /** Starts another process of a service (a restart, or a second ingest instance) and waits until it is ready. */
  start(kind: ServiceKind, name?: string): Promise<ServiceProcess>;
  /** Every service process started so far. */
  all(): ServiceProcess[];
  close(): Promise<void>;
}

export async function startSystem(): Promise<System> {
  const runId = randomBytes(3).toString('hex');
  const logDir = join(
    REPO_ROOT,
    '.cache',
    'faults',
    `run-${new Date().toISOString().replace(/[:.]/g, '-')}-${runId}`,
  );
  const opened: { close(): Promise<void> }[] = [];
  const processes: ServiceProcess[] = [];
  const closeAll = async () => {
    await Promise.all(processes.map((p) => p.kill('SIGKILL')));
    for (const o of opened.reverse()) await o.close().catch(() => undefined);
  };
  try {
    const kafka = await startLocalKafka({ nodes: KAFKA_NODES, name: 'kafka', logDir });
    opened.push({ close: () => kafka.stop() });
    const local: Infra = {
      kafkaBrokers: kafka.brokers,
      kafkaVersion: kafka.version,
      databaseUrl: '',
      redisUrl: '',
      mode: { kafka: 'local', postgres: 'local', redis: 'local' },
    };
    const opening = (server: Promise<DisposableServer>) =>
      server.then((s) => {
        opened.push(s);
        return s;
      });
    const [postgres, redis, wechat] = await Promise.all([
      opening(startDisposablePostgres(local)),
      opening(startDisposableRedis(local)),
      startFakeWechat({
        appId: WECHAT.appId,
        appSecret: WECHAT.appSecret,
        templates: Object.values(WECHAT.templates),
        answerDelayMs: WECHAT.answerDelayMs,
      }).then((w) => {
        opened.push({ close: () => w.stop() });
        return w;
      }),
    ]);

    const env: Record<string, string> = {
      KAFKA_BROKERS: kafka.brokers.join(','),
      KAFKA_TOPIC_PREFIX: '',
      DATABASE_URL: postgres.url,
      PG_SCHEMA: 'public',
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: REDIS_PREFIX,
      LOG_LEVEL: 'info',
      JWT_SECRET,
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      // A departed member's partitions move on after this (the smallest session a broker accepts).
      INGEST_SESSION_TIMEOUT_MS: '6000',
      ALERTS_SESSION_TIMEOUT_MS: '6000',
      ...ALERTS_FILES,
      BINDINGS_REGISTRY_FILE: SAMPLE_REGISTRY_FILE,
      // X8 over WeChat: the share service takes the viewers' consents, the notifier sends.
      SHARE_WECHAT_APP_ID: WECHAT.appId,
      SHARE_WECHAT_URL: wechat.url,
      SHARE_WECHAT_TEMPLATES: Object.entries(WECHAT.templates)
        .map(([kind, id]) => `${kind}=${id}`)
        .join(','),
    };
    const notifierEnv: Record<string, string> = {
      SHARE_WECHAT_APP_SECRET: WECHAT.appSecret,
      SHARE_NOTIFY_LEASE_SECONDS: String(NOTIFY_LEASE_SECONDS),
      SHARE_NOTIFY_SESSION_TIMEOUT_MS: '6000',
      // Every episode a viewer asked for is expected, however close to the one before.
      SHARE_NOTIFY_COOLDOWN_SECONDS: '0',
      // The simulated day lies 2 to 12 hours in the past (its fixes must be): heard now, its
      // episodes are still news to the viewers, who opted in before it (faults.test.ts).
      SHARE_NOTIFY_MAX_AGE_SECONDS: String(24 * 3600),
      // Every simulated truck's last fix is hours old: the offline watch would report each
      // of them at every look, at moments the suite does not choose. It does not look during a run.
      SHARE_NOTIFY_OFFLINE_SCAN_SECONDS: String(24 * 3600),
    };
    await runToEnd('packages/common/src/cli/provision-topics.ts', {
      env: { ...env, TOPIC_PARTITIONS: String(PARTITIONS), TOPIC_REPLICATION_FACTOR: String(KAFKA_NODES) },
    });
    await runToEnd('packages/common/src/cli/migrate.ts', { env });

    const counters = new Map<ServiceKind, number>();
    const start = async (kind: ServiceKind, name?: string) => {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      const port = await freePort();
      const extra: Record<string, string> =
        kind === 'bindings' || kind === 'share'
          ? { PUBLIC_BASE_URL: `http://127.0.0.1:${port}` }
          : kind === 'notifier'
            ? notifierEnv
            : {};
      const p = spawnService(kind, name ?? `${kind}-${n}`, port, { ...env, ...extra }, logDir);
      processes.push(p);
      await serviceReady(p);
      return p;
    };
    const [ingest, alerts, bindings, share, notifier] = await Promise.all([
      start('ingest'),
      start('alerts'),
      start('bindings'),
      start('share'),
      start('notifier'),
    ]);
    return {
      kafka,
      postgres,
      redis,
      env,
      logDir,
      ingest,
      alerts,
      bindings,
      share,
      notifier,
      wechat,
      start,
      all: () => [...processes],
      close: closeAll,
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}
