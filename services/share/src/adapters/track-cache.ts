import { LRUCache } from 'lru-cache';

/**
 * X7: today's track per vehicle, kept in memory for a short time (default
 * 30 s, about one new fix) and bounded in entries: every viewer of a vehicle
 * and every reload within that time share one query. Concurrent misses of one
 * vehicle share one load. A TTL of 0 keeps nothing (each request loads).
 */
export interface TrackCacheOptions {
  ttlMs: number;
  maxEntries: number;
}

export class TrackCache<T> {
  private readonly entries: LRUCache<string, Promise<T>> | undefined;
  private hitCount = 0;
  private missCount = 0;

  constructor({ ttlMs, maxEntries }: TrackCacheOptions) {
    this.entries = ttlMs > 0 ? new LRUCache({ max: maxEntries, ttl: ttlMs, ttlAutopurge: false }) : undefined;
  }

  /** The entry of `key`, loaded by `load` when absent or expired; a failed load is not kept. */
  get(key: string, load: () => Promise<T>): Promise<T> {
    const cached = this.entries?.get(key);
    if (cached) {
      this.hitCount++;
      return cached;
    }
    this.missCount++;
    const loading = load();
    if (this.entries) {
      this.entries.set(key, loading);
      loading.catch(() => {
        if (this.entries?.get(key) === loading) this.entries.delete(key);
      });
    }
    return loading;
  }

  get stats(): { hits: number; misses: number; size: number } {
    return { hits: this.hitCount, misses: this.missCount, size: this.entries?.size ?? 0 };
  }
}
