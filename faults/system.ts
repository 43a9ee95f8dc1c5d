/**
 * The whole system as `npm start` runs it (real processes, env config), on
 * servers the suite may break: a 3-node Apache Kafka cluster on this machine
 * (replication factor 3, min.insync.replicas 2; nodes killed, restarted,
 * frozen), a disposable Postgres cluster and a disposable Redis (stopped and
 * started again), so the machine's own Postgres and Redis are never touched.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  type DisposableServer,
  freePort,
  type Infra,
  type LocalKafka,
  startDisposablePostgres,
  startDisposableRedis,
  startLocalKafka,
} from '@safewatch/testkit';
import { ALERTS_FILES } from './plan.js';
import { ROOT, runCli, type ServiceKind, type ServiceProcess, spawnService, waitReady } from './services.js';

export const JWT_SECRET = 'fault-suite-secret-0123456789abcdefghijkl';
export const REDIS_PREFIX = 'sw:';
const SAMPLE_REGISTRY = join(ROOT, 'services', 'bindings', 'samples', 'registry.json');
/** positions.raw partitions: the simulator's four platform keys land on three of six, so two ingest instances both get work. */
export const PARTITIONS = 6;
/** Kafka nodes (each a broker and a controller) and the topics' replication factor. */
export const KAFKA_NODES = 3;

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
  /** Starts another process of a service (a restart, or a second ingest instance) and waits until it is ready. */
  start(kind: ServiceKind, name?: string): Promise<ServiceProcess>;
  /** Every service process started so far. */
  all(): ServiceProcess[];
  close(): Promise<void>;
}

export async function startSystem(): Promise<System> {
  const runId = randomBytes(3).toString('hex');
  const logDir = join(
    ROOT,
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
    const [postgres, redis] = await Promise.all([
      opening(startDisposablePostgres(local)),
      opening(startDisposableRedis(local)),
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
      BINDINGS_REGISTRY_FILE: SAMPLE_REGISTRY,
    };
    await runCli('packages/common/src/cli/provision-topics.ts', {
      ...env,
      TOPIC_PARTITIONS: String(PARTITIONS),
      TOPIC_REPLICATION_FACTOR: String(KAFKA_NODES),
    });
    await runCli('packages/common/src/cli/migrate.ts', env);

    const counters = new Map<ServiceKind, number>();
    const start = async (kind: ServiceKind, name?: string) => {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      const port = await freePort();
      const extra: Record<string, string> =
        kind === 'bindings' || kind === 'share' ? { PUBLIC_BASE_URL: `http://127.0.0.1:${port}` } : {};
      const p = spawnService(kind, name ?? `${kind}-${n}`, port, { ...env, ...extra }, logDir);
      processes.push(p);
      await waitReady(p);
      return p;
    };
    const [ingest, alerts, bindings, share] = await Promise.all([
      start('ingest'),
      start('alerts'),
      start('bindings'),
      start('share'),
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
      start,
      all: () => [...processes],
      close: closeAll,
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}
