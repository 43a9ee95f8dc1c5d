/**
 * testcontainers path, used when a Docker engine answers. Its modules are
 * imported lazily so that machines without Docker never load them.
 */
import { existsSync } from 'node:fs';
import { kafkaVersion } from './local-kafka.js';
import { freePort } from './wait.js';

const TIMESCALE_IMAGE = 'timescale/timescaledb:latest-pg15';
const REDIS_IMAGE = 'redis:7-alpine';

export type Stopper = () => Promise<unknown>;

/** Cheap file checks first, so machines without Docker do not pay for loading testcontainers. */
export async function dockerReachable(timeoutMs = 5_000): Promise<boolean> {
  const home = process.env.HOME ?? '';
  const hints = [
    process.env.DOCKER_HOST,
    process.env.TESTCONTAINERS_HOST_OVERRIDE,
    existsSync('/var/run/docker.sock') || undefined,
    existsSync(`${home}/.testcontainers.properties`) || undefined,
    existsSync(`${home}/.docker/run/docker.sock`) || undefined,
    process.env.XDG_RUNTIME_DIR && existsSync(`${process.env.XDG_RUNTIME_DIR}/docker.sock`)
      ? true
      : undefined,
  ];
  if (!hints.some(Boolean)) return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
    });
    try {
      await Promise.race([getContainerRuntimeClient(), timeout]);
    } finally {
      clearTimeout(timer);
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * The official apache/kafka image of the version pinned in tools/kafka/pom.xml,
 * as one KRaft node. The client listener is published on the same port on the
 * host, so the address the broker advertises is the one clients reach.
 */
export async function startKafkaContainer(stoppers: Stopper[]): Promise<string> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const port = await freePort();
  const container = await new GenericContainer(`apache/kafka:${kafkaVersion()}`)
    .withExposedPorts({ container: port, host: port })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: `PLAINTEXT://:${port},CONTROLLER://:9093`,
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://127.0.0.1:${port}`,
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .withStartupTimeout(120_000)
    .start();
  stoppers.push(() => container.stop());
  return `127.0.0.1:${port}`;
}

export async function startPostgresContainer(stoppers: Stopper[]): Promise<string> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const container = await new PostgreSqlContainer(TIMESCALE_IMAGE).start();
  stoppers.push(() => container.stop());
  return container.getConnectionUri();
}

export async function startRedisContainer(stoppers: Stopper[]): Promise<string> {
  const { RedisContainer } = await import('@testcontainers/redis');
  const container = await new RedisContainer(REDIS_IMAGE).start();
  stoppers.push(() => container.stop());
  return container.getConnectionUrl();
}
