import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { Counter, type Registry } from 'prom-client';

export const POSTGRES_ERRORS_METRIC = 'postgres_client_errors_total';
export const REDIS_ERRORS_METRIC = 'redis_client_errors_total';

function counter<L extends string>(registry: Registry, name: string, help: string, labelNames: L[]) {
  return (
    (registry.getSingleMetric(name) as Counter<L> | undefined) ??
    new Counter<L>({ name, help, labelNames, registers: [registry] })
  );
}

/**
 * Counts Postgres errors seen by the pool: `connection` (an idle connection
 * broke, e.g. the server restarted) and `query` (a query failed; no query
 * fails in normal operation). An unreachable server shows as the `postgres`
 * readiness condition instead: failed connection attempts raise no pool event.
 */
export function countPostgresErrors(pool: Pool, registry: Registry): void {
  const errors = counter(
    registry,
    POSTGRES_ERRORS_METRIC,
    'Postgres client errors, by kind (connection, query)',
    ['kind'],
  );
  errors.inc({ kind: 'connection' }, 0);
  errors.inc({ kind: 'query' }, 0);
  pool.on('error', () => errors.inc({ kind: 'connection' }));
  // pool.query releases its client with the error; so do transactions that pass theirs.
  pool.on('release', (err) => {
    if (err) errors.inc({ kind: 'query' });
  });
}

/** Counts Redis connection errors (ioredis reports each failed (re)connection attempt). */
export function countRedisErrors(redis: Redis, registry: Registry): void {
  const errors = counter(registry, REDIS_ERRORS_METRIC, 'Redis client (connection) errors', []);
  redis.on('error', () => errors.inc());
}
