/**
 * testcontainers path, used when a Docker engine answers. Its modules are
 * imported lazily so that machines without Docker never load them.
 */
import { existsSync } from 'node:fs';

const KAFKA_IMAGE = 'confluentinc/cp-kafka:7.7.1';
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

export async function startKafkaContainer(stoppers: Stopper[]): Promise<string> {
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const container = await new KafkaContainer(KAFKA_IMAGE).withKraft().start();
  stoppers.push(() => container.stop());
  return `${container.getHost()}:${container.getMappedPort(9093)}`;
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
