import { LRUCache } from 'lru-cache';

/**
 * Values read from a store that announces its changes (Postgres NOTIFY, Redis
 * invalidation messages), kept in memory until the store says they changed.
 *
 * - Entries are served only while `enabled` (the change feed is connected);
 *   `disable()` forgets everything, since a change may have been missed.
 * - A load that an invalidation of the same key (or a `disable()`) overtook
 *   is returned but not kept: it may hold the value from before the change.
 */
export class InvalidatedCache<V extends {}> {
  private readonly lru: LRUCache<string, V>;
  /** Keys being loaded by their owner; true once invalidated meanwhile. */
  private readonly loading = new Map<string, boolean>();
  private epoch = 0;
  private on = false;
  readonly stats = { hits: 0, misses: 0 };

  constructor(
    max: number,
    private readonly hooks: {
      stored?: (key: string, value: V) => void;
      dropped?: (key: string, value: V) => void;
    } = {},
  ) {
    this.lru = new LRUCache({
      max,
      ...(hooks.dropped ? { dispose: (value: V, key: string) => hooks.dropped?.(key, value) } : {}),
    });
  }

  get enabled(): boolean {
    return this.on;
  }

  /** The change feed is connected (again): from now on loads are kept. */
  enable(): void {
    this.on = true;
  }

  /** The change feed is lost: nothing is served or kept until `enable()`. */
  disable(): void {
    this.on = false;
    this.epoch += 1;
    this.lru.clear();
    for (const k of this.loading.keys()) this.loading.set(k, true);
  }

  invalidate(key: string): void {
    this.lru.delete(key);
    if (this.loading.has(key)) this.loading.set(key, true);
  }

  /** The value of `key` if it is in memory and may be served (no load; a miss is not counted). */
  peek(key: string): V | undefined {
    if (!this.on) return undefined;
    const hit = this.lru.get(key);
    if (hit !== undefined) this.stats.hits += 1;
    return hit;
  }

  /**
   * The values of `keys`: from memory, the rest from one `load` call. Keys
   * `load` leaves out are absent from the result and not kept. `fresh`
   * reads every key from the store (and keeps what it read).
   */
  async getMany(
    keys: readonly string[],
    load: (missing: string[]) => Promise<Map<string, V>>,
    fresh = false,
  ): Promise<Map<string, V>> {
    const out = new Map<string, V>();
    const missing: string[] = [];
    for (const k of keys) {
      const hit = this.on && !fresh ? this.lru.get(k) : undefined;
      if (hit === undefined) missing.push(k);
      else out.set(k, hit);
    }
    this.stats.hits += keys.length - missing.length;
    if (missing.length === 0) return out;
    this.stats.misses += missing.length;
    const epoch = this.epoch;
    const owned = this.on ? missing.filter((k) => !this.loading.has(k)) : [];
    for (const k of owned) this.loading.set(k, false);
    try {
      const loaded = await load(missing);
      for (const [k, v] of loaded) out.set(k, v);
      if (this.on && epoch === this.epoch)
        for (const k of owned) {
          const v = loaded.get(k);
          if (v !== undefined && this.loading.get(k) === false) {
            this.lru.set(k, v);
            this.hooks.stored?.(k, v);
          }
        }
      return out;
    } finally {
      for (const k of owned) this.loading.delete(k);
    }
  }
}
