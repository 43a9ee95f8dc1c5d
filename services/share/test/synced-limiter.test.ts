import { randomUUID } from 'node:crypto';
import { createLogger, Redis } from '@safewatch/common';
import { getInfra } from '@safewatch/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { SyncedLimiter } from '../src/adapters/synced-limiter.js';

const infra = getInfra();
const redis = new Redis(infra.redisUrl);
const logger = createLogger('limiter-test', 'silent');
afterAll(() => redis.disconnect());

const limiter = (prefix: string, now: () => number, r: Redis = redis) =>
  new SyncedLimiter({ redis: r, keyPrefix: prefix, windowMs: 60_000, logger, now });

describe('limits of the view and stream shared by instances without a round trip per request', () => {
  it('one instance enforces the limit exactly, per key and per window', async () => {
    let t = 1_000 * 60_000;
    const l = limiter(`lim-${randomUUID()}:`, () => t);
    const allowed = Array.from({ length: 10 }, () => l.hit('view:ip:10.0.0.1', 7).allowed);
    expect(allowed.filter(Boolean)).toHaveLength(7);
    const refused = l.hit('view:ip:10.0.0.1', 7);
    expect(refused).toEqual({ allowed: false, retryAfterS: 60 });
    expect(l.hit('view:ip:10.0.0.2', 7).allowed).toBe(true);
    t += 59_000;
    expect(l.hit('view:ip:10.0.0.1', 7)).toEqual({ allowed: false, retryAfterS: 1 });
    t += 1_000;
    expect(l.hit('view:ip:10.0.0.1', 7).allowed).toBe(true);
  });

  it('two instances share their counts through Redis: after a sync each sees the other’s requests', async () => {
    const t = 2_000 * 60_000;
    const prefix = `lim-${randomUUID()}:`;
    const a = limiter(prefix, () => t);
    const b = limiter(prefix, () => t);
    for (let i = 0; i < 6; i++) expect(a.hit('share:abc', 10).allowed).toBe(true);
    await a.sync();
    for (let i = 0; i < 3; i++) expect(b.hit('share:abc', 10).allowed).toBe(true);
    await b.sync();
    // B now knows of 9; A learns of B's 3 at its next sync.
    expect(b.hit('share:abc', 10).allowed).toBe(true);
    expect(b.hit('share:abc', 10).allowed).toBe(false);
    a.hit('share:abc', 10); // admitted before A heard of B: the bounded overshoot of one sync period
    await a.sync();
    expect(a.hit('share:abc', 10).allowed).toBe(false);
    expect(Number(await redis.get(`${prefix}w2000:share:abc`))).toBe(10);
    expect(await redis.pttl(`${prefix}w2000:share:abc`)).toBeGreaterThan(60_000);
  });

  it('when Redis is unreachable, each instance keeps enforcing its own counts and sends them later', async () => {
    const t = 3_000 * 60_000;
    const prefix = `lim-${randomUUID()}:`;
    const down = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    down.on('error', () => undefined);
    const l = limiter(prefix, () => t, down);
    for (let i = 0; i < 5; i++) expect(l.hit('stream:ip:10.0.0.9', 5).allowed).toBe(true);
    await expect(l.sync()).rejects.toThrow();
    expect(l.stats.failedSyncs).toBe(1);
    expect(l.hit('stream:ip:10.0.0.9', 5).allowed).toBe(false);
    down.disconnect();
  });
});
