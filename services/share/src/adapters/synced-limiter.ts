import type { Logger, Redis } from '@safewatch/common';

export interface SyncedLimiterOptions {
  redis: Redis;
  /** Redis key prefix of the counters (e.g. `<REDIS_KEY_PREFIX>ratelimit:`). */
  keyPrefix: string;
  windowMs: number;
  logger: Logger;
  /** How often this instance adds its counts to the shared ones and reads the totals (default 250 ms). */
  syncMs?: number;
  now?: () => number;
}

interface Counter {
  window: number;
  /** Requests of all instances in this window, as of the last sync (this instance's included). */
  shared: number;
  /** This instance's requests not yet added to the shared counter. */
  pending: number;
}

/**
 * Adds each counter's increment and reads back its total, in one call:
 * KEYS the counters, ARGV[1] their TTL (ms), ARGV[1 + i] the increment of KEYS[i].
 */
const SYNC_SCRIPT = `
local ttl = ARGV[1]
local totals = {}
for i, key in ipairs(KEYS) do
  totals[i] = redis.call('INCRBY', key, ARGV[i + 1])
  redis.call('PEXPIRE', key, ttl)
end
return totals`;

/** Counters per script call: about a millisecond of Redis time each. */
const SYNC_KEYS_PER_CALL = 1_000;

export type LimitResult = { allowed: true } | { allowed: false; retryAfterS: number };

/**
 * Fixed-window request limits shared by all instances, without a Redis round
 * trip per request: each instance decides from its own counts plus the shared
 * totals it last read, and every `syncMs` adds its new counts to the shared
 * counters (one Lua script over every counter that moved: one command per
 * sync, not two per counter) and reads back the totals. A single instance
 * enforces the limit exactly; with N instances a key can overshoot by at most
 * what the other instances admitted within one sync period. If Redis fails, each instance keeps enforcing its own counts
 * (never fewer than a single instance would refuse) and retries the sync.
 *
 * Used on the hottest routes (the family view and stream); the rarer ones
 * keep @fastify/rate-limit's Redis store. The script's keys span many hash
 * slots: on Redis Cluster they need a bucket hash tag and one call per
 * bucket (docs/partition-plan.md §5).
 */
export class SyncedLimiter {
  private readonly counters = new Map<string, Counter>();
  private readonly dirty = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private syncing: Promise<void> | undefined;
  private readonly now: () => number;
  readonly stats = { syncs: 0, failedSyncs: 0, refused: 0 };

  constructor(private readonly opts: SyncedLimiterOptions) {
    this.now = opts.now ?? Date.now;
  }

  start(): void {
    this.timer ??= setInterval(() => {
      this.sync().catch(() => undefined);
    }, this.opts.syncMs ?? 250);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.sync().catch(() => undefined);
  }

  /** Counts one request for `key`; refuses it when `max` requests of this window were already admitted. */
  hit(key: string, max: number): LimitResult {
    const now = this.now();
    const window = Math.floor(now / this.opts.windowMs);
    let c = this.counters.get(key);
    if (!c || c.window !== window) {
      c = { window, shared: 0, pending: 0 };
      this.counters.set(key, c);
    }
    if (c.shared + c.pending >= max) {
      this.stats.refused += 1;
      return {
        allowed: false,
        retryAfterS: Math.max(1, Math.ceil(((window + 1) * this.opts.windowMs - now) / 1000)),
      };
    }
    c.pending += 1;
    this.dirty.add(key);
    return { allowed: true };
  }

  /** Adds this instance's new counts to the shared counters and reads the totals back. */
  sync(): Promise<void> {
    this.syncing ??= this.doSync().finally(() => {
      this.syncing = undefined;
    });
    return this.syncing;
  }

  private async doSync(): Promise<void> {
    const window = Math.floor(this.now() / this.opts.windowMs);
    // Counters of past windows are no longer needed.
    for (const [k, c] of this.counters) if (c.window < window && !this.dirty.has(k)) this.counters.delete(k);
    if (this.dirty.size === 0) return;
    const batch: { key: string; c: Counter; sent: number }[] = [];
    const keys: string[] = [];
    const increments: number[] = [];
    for (const key of this.dirty) {
      const c = this.counters.get(key);
      if (!c || c.pending === 0) continue;
      keys.push(`${this.opts.keyPrefix}w${c.window}:${key}`);
      increments.push(c.pending);
      batch.push({ key, c, sent: c.pending });
    }
    this.dirty.clear();
    if (batch.length === 0) return;
    try {
      // Bounded calls (a script blocks Redis while it runs), sent together.
      const calls: Promise<unknown>[] = [];
      for (let i = 0; i < keys.length; i += SYNC_KEYS_PER_CALL) {
        const k = keys.slice(i, i + SYNC_KEYS_PER_CALL);
        const args = [...k, this.opts.windowMs * 2, ...increments.slice(i, i + SYNC_KEYS_PER_CALL)];
        calls.push(this.opts.redis.eval(SYNC_SCRIPT, k.length, ...args));
      }
      const totals = (await Promise.all(calls)).flat() as number[];
      batch.forEach(({ c, sent }, i) => {
        c.pending -= sent;
        c.shared = Number(totals[i]);
      });
      this.stats.syncs += 1;
    } catch (err) {
      // Keep the unsent counts: they are sent with the next sync.
      for (const { key, c } of batch) if (c.pending > 0) this.dirty.add(key);
      this.stats.failedSyncs += 1;
      this.opts.logger.debug({ err: (err as Error).message }, 'rate-limit sync failed; limits held locally');
      throw err;
    }
  }
}
