import { LRUCache } from 'lru-cache';

/**
 * X7: today's track per vehicle, kept in memory for a short time (default
 * 30 s, about one new fix) as the answer's bytes: every viewer of a vehicle
 * and every reload within that time share one query and one encoding.
 * Bounded in bytes (a day's track is ~60 KB of JSON), least recently read
 * first out. Concurrent misses of one vehicle share one load; a failed load
 * is not kept. A TTL of 0 keeps nothing (each request loads).
 */
export interface TrackCacheOptions {
  ttlMs: number;
  maxBytes: number;
}

export class TrackCache {
  private readonly kept: LRUCache<string, Buffer> | undefined;
  private readonly loading = new Map<string, Promise<Buffer>>();
  private hitCount = 0;
  private missCount = 0;

  constructor({ ttlMs, maxBytes }: TrackCacheOptions) {
    this.kept =
      ttlMs > 0
        ? new LRUCache({
            ttl: ttlMs,
            maxSize: maxBytes,
            sizeCalculation: (b: Buffer) => Math.max(1, b.length),
          })
        : undefined;
  }

  /** The answer of `key`, loaded by `load` when absent or expired. */
  get(key: string, load: () => Promise<Buffer>): Promise<Buffer> {
    const kept = this.kept?.get(key);
    const pending = kept ? undefined : this.loading.get(key);
    if (kept || pending) {
      this.hitCount++;
      return kept ? Promise.resolve(kept) : (pending as Promise<Buffer>);
    }
    this.missCount++;
    if (!this.kept) return load();
    const loaded = load()
      .then((answer) => {
        this.kept?.set(key, answer);
        return answer;
      })
      .finally(() => this.loading.delete(key));
    this.loading.set(key, loaded);
    return loaded;
  }

  get stats(): { hits: number; misses: number; entries: number; bytes: number } {
    return {
      hits: this.hitCount,
      misses: this.missCount,
      entries: this.kept?.size ?? 0,
      bytes: this.kept?.calculatedSize ?? 0,
    };
  }
}
