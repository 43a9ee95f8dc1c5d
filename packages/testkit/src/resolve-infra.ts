import {
  dockerReachable,
  type Stopper,
  startKafkaContainer,
  startPostgresContainer,
  startRedisContainer,
} from './containers.js';
import { kafkaVersion, startLocalKafka } from './local-kafka.js';
import { checkKafka, checkPostgres, checkRedis } from './reachability.js';
import type { Infra, KafkaMode, ServerMode } from './types.js';

export const LOCAL_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const LOCAL_REDIS_URL = 'redis://127.0.0.1:6379';

export interface RunningInfra {
  infra: Infra;
  /**
   * Process ids of the Kafka nodes this run started on this machine (mode local), e.g. for
   * benchmarks that read the broker's CPU from /proc; empty when Kafka runs elsewhere.
   */
  kafkaPids(): number[];
  stop(): Promise<void>;
}

/** The variables startInfra reads, for the --help of what runs on it (benchmarks). */
export const INFRA_ENV: Readonly<Record<string, string>> = {
  KAFKA_BROKERS: 'Kafka to use (default: a container when Docker answers, else a local node)',
  DATABASE_URL: 'PostgreSQL to use (default: a container when Docker answers, else the local one)',
  REDIS_URL: 'Redis to use (default: a container when Docker answers, else the local one)',
};

/**
 * Decides where Kafka, Postgres and Redis come from, each on its own:
 * an environment variable, else testcontainers when a Docker engine answers,
 * else this machine (local Postgres/Redis, a local Apache Kafka node started
 * for the run: testkit's local-kafka.ts, data deleted when the run ends).
 */
export async function startInfra(
  env: NodeJS.ProcessEnv = process.env,
  /** Names the local broker's log: .cache/logs/kafka-<label>.log. */
  label = 'test',
): Promise<RunningInfra> {
  const stoppers: Stopper[] = [];
  const stop = async () => {
    await Promise.allSettled(stoppers.reverse().map((s) => s()));
  };
  try {
    const needContainers = !env.KAFKA_BROKERS || !env.DATABASE_URL || !env.REDIS_URL;
    const docker = needContainers && (await dockerReachable());

    // Started side by side; allSettled so that every stopper is registered before a failure unwinds.
    const [kafkaR, postgresR, redisR] = await Promise.allSettled([
      resolveKafka(env, docker, stoppers, label),
      resolveServer(env.DATABASE_URL, docker, LOCAL_DATABASE_URL, () => startPostgresContainer(stoppers)),
      resolveServer(env.REDIS_URL, docker, LOCAL_REDIS_URL, () => startRedisContainer(stoppers)),
    ]);
    if (kafkaR.status === 'rejected') throw kafkaR.reason;
    if (postgresR.status === 'rejected') throw postgresR.reason;
    if (redisR.status === 'rejected') throw redisR.reason;
    const [kafka, postgres, redis] = [kafkaR.value, postgresR.value, redisR.value];

    await Promise.all([
      checkKafka(kafka.brokers, kafka.mode),
      checkPostgres(postgres.url, postgres.mode),
      checkRedis(redis.url, redis.mode),
    ]);

    const infra: Infra = {
      kafkaBrokers: kafka.brokers,
      ...(kafka.version ? { kafkaVersion: kafka.version } : {}),
      databaseUrl: postgres.url,
      redisUrl: redis.url,
      mode: { kafka: kafka.mode, postgres: postgres.mode, redis: redis.mode },
    };
    return { infra, kafkaPids: kafka.pids, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

interface ServerChoice {
  mode: ServerMode;
  url: string;
}

async function resolveServer(
  envUrl: string | undefined,
  docker: boolean,
  localUrl: string,
  startContainer: () => Promise<string>,
): Promise<ServerChoice> {
  if (envUrl) return { mode: 'env', url: envUrl };
  if (docker) return { mode: 'container', url: await startContainer() };
  return { mode: 'local', url: localUrl };
}

async function resolveKafka(env: NodeJS.ProcessEnv, docker: boolean, stoppers: Stopper[], label: string) {
  if (env.KAFKA_BROKERS) {
    return {
      mode: 'env' as KafkaMode,
      brokers: splitBrokers(env.KAFKA_BROKERS),
      version: undefined,
      pids: noPids,
    };
  }
  if (docker) {
    return {
      mode: 'container' as KafkaMode,
      brokers: [await startKafkaContainer(stoppers)],
      version: kafkaVersion(),
      pids: noPids,
    };
  }
  return startLocal(stoppers, label);
}

const noPids = (): number[] => [];

function splitBrokers(list: string): string[] {
  return list
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
}

async function startLocal(stoppers: Stopper[], label: string) {
  const kafka = await startLocalKafka({ name: `kafka-${label}` });
  stoppers.push(kafka.stop);
  return {
    mode: 'local' as KafkaMode,
    brokers: kafka.brokers,
    version: kafka.version,
    pids: () => kafka.nodes.flatMap((n) => n.pid() ?? []),
  };
}
