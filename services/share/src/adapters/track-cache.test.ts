import { describe, expect, it } from 'vitest';
import { TrackCache } from './track-cache.js';

const bytes = (n: number, fill = 'x') => Buffer.alloc(n, fill);

describe('X7 TrackCache', () => {
  it('concurrent reads of one vehicle share one load; later reads are hits', async () => {
    const cache = new TrackCache({ ttlMs: 30_000, maxBytes: 1_000 });
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 5));
      return bytes(10);
    };
    const [a, b] = await Promise.all([cache.get('k', load), cache.get('k', load)]);
    expect(a).toBe(b);
    expect(await cache.get('k', load)).toBe(a);
    expect(loads).toBe(1);
    expect(cache.stats).toMatchObject({ hits: 2, misses: 1, entries: 1, bytes: 10 });
  });

  it('keeps no more bytes than allowed, the least recently read going first', async () => {
    const cache = new TrackCache({ ttlMs: 30_000, maxBytes: 250 });
    for (const k of ['a', 'b', 'c']) await cache.get(k, async () => bytes(100));
    expect(cache.stats.bytes).toBeLessThanOrEqual(250);
    let reloaded = false;
    await cache.get('a', async () => {
      reloaded = true;
      return bytes(100);
    });
    expect(reloaded).toBe(true);
  });

  it('does not keep a failed load, and keeps nothing with a TTL of 0', async () => {
    const cache = new TrackCache({ ttlMs: 30_000, maxBytes: 1_000 });
    await expect(cache.get('k', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('k', async () => bytes(3, 'y'))).toEqual(bytes(3, 'y'));
    const none = new TrackCache({ ttlMs: 0, maxBytes: 1_000 });
    let loads = 0;
    for (let i = 0; i < 3; i++)
      await none.get('k', async () => {
        loads++;
        return bytes(1);
      });
    expect(loads).toBe(3);
  });
});
