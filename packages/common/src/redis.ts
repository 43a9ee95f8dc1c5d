import { Redis, type RedisOptions } from 'ioredis';

export { Redis } from 'ioredis';

/**
 * ioredis keeps reconnecting on its own; commands issued while disconnected
 * fail fast (no offline queue) so callers can back off and report not-ready
 * instead of piling up memory.
 */
export function createRedis(url: string, onError: (err: Error) => void, options: RedisOptions = {}): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    ...options,
  });
  redis.on('error', onError);
  return redis;
}
