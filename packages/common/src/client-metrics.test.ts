import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { countPostgresErrors, countRedisErrors } from './client-metrics.js';

async function values(registry: Registry, name: string) {
  const m = (await registry.getMetricsAsJSON()).find((x) => x.name === name);
  return Object.fromEntries((m?.values ?? []).map((v) => [String(v.labels.kind ?? ''), v.value]));
}

describe('client error metrics', () => {
  it('counts broken idle connections and failed queries, not successful releases', async () => {
    const registry = new Registry();
    const pool = new EventEmitter();
    countPostgresErrors(pool as unknown as Pool, registry);
    expect(await values(registry, 'postgres_client_errors_total')).toEqual({ connection: 0, query: 0 });
    pool.emit('error', new Error('terminated'));
    pool.emit('release', new Error('syntax error'), {});
    pool.emit('release', undefined, {});
    expect(await values(registry, 'postgres_client_errors_total')).toEqual({ connection: 1, query: 1 });
  });

  it('counts Redis connection errors', async () => {
    const registry = new Registry();
    const redis = new EventEmitter();
    countRedisErrors(redis as unknown as Redis, registry);
    redis.emit('error', new Error('ECONNREFUSED'));
    redis.emit('error', new Error('ECONNREFUSED'));
    expect(await values(registry, 'redis_client_errors_total')).toEqual({ '': 2 });
  });
});
