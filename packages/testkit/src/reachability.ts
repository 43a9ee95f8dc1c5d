import { connect } from 'node:net';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { KafkaMode, ServerMode } from './types.js';

// Checked once by the global setup: one clear line at start-up instead of
// every test file timing out on its own.

/** A TCP connect is enough to catch a wrong KAFKA_BROKERS. */
export async function checkKafka(brokers: string[], mode: KafkaMode): Promise<void> {
  const errors: string[] = [];
  for (const broker of brokers) {
    const sep = broker.lastIndexOf(':');
    try {
      await new Promise<void>((resolve, reject) => {
        const socket = connect({ host: broker.slice(0, sep), port: Number(broker.slice(sep + 1)) });
        socket.setTimeout(5_000, () => socket.destroy(new Error('timed out')));
        socket.once('connect', () => {
          socket.destroy();
          resolve();
        });
        socket.once('error', reject);
      });
      return;
    } catch (err) {
      errors.push(`${broker}: ${(err as Error).message}`);
    }
  }
  throw new Error(`testkit: no Kafka broker (${mode}) reachable: ${errors.join('; ')}`);
}

export async function checkPostgres(url: string, mode: ServerMode): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    const hint =
      mode === 'local' ? '; start it with: pg_ctlcluster --skip-systemctl-redirect 15 main start' : '';
    throw new Error(`testkit: Postgres (${mode}) at ${url} unreachable: ${(err as Error).message}${hint}`);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function checkRedis(url: string, mode: ServerMode): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 5_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // ioredis rejects connect() with a bare "Connection is closed"; the cause arrives as an event.
  let cause: Error | undefined;
  redis.on('error', (err: Error) => {
    cause ??= err;
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    const hint =
      mode === 'local'
        ? '; start it with: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no'
        : '';
    throw new Error(
      `testkit: Redis (${mode}) at ${url} unreachable: ${(cause ?? (err as Error)).message}${hint}`,
    );
  } finally {
    redis.disconnect();
  }
}
