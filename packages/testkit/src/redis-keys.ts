import type { Redis } from 'ioredis';

/** Deletes every key matching `pattern` (SCAN + UNLINK, so a large keyspace is not blocked); returns how many. */
export async function unlinkMatching(redis: Redis, pattern: string, count = 1000): Promise<number> {
  let cursor = '0';
  let removed = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', count);
    cursor = next;
    if (keys.length > 0) removed += await redis.unlink(...keys);
  } while (cursor !== '0');
  return removed;
}
