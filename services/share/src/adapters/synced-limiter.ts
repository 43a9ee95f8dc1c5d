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

export type LimitResult = { allowed: true } | { allowed: false; retryAfterS: number };

/**
 * Fixed-window request limits shared by all instances, without a Redis round
 * trip per request: each instance decides from its own counts plus the shared
 * totals it last read, and every `syncMs` adds its new counts to the shared
 * counters (one pipelined INCRBY per counter that moved) and reads back the
 * totals. A single instance enforces the limit exactly; with N instances a
 * key can overshoot by at most what the other instances admitted within one
 * sync period. If Redis fails, each instance keeps enforcing its own counts
 * (never fewer than a single instance would refuse) and retries the sync.
 *
 * Used on the hottest routes (the family view and stream); the rarer ones
 * keep @fastify/rate-limit's Redis store.
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
    const pipeline = this.opts.redis.pipeline();
    for (const key of this.dirty) {
      const c = this.counters.get(key);
      if (!c || c.pending === 0) continue;
      const redisKey = `${this.opts.keyPrefix}w${c.window}:${key}`;
      pipeline.incrby(redisKey, c.pending);
      pipeline.pexpire(redisKey, this.opts.windowMs * 2);
      batch.push({ key, c, sent: c.pending });
    }
    this.dirty.clear();
    try {
      const results = (await pipeline.exec()) ?? [];
      batch.forEach(({ c, sent }, i) => {
        const [err, total] = results[i * 2] ?? [new Error('no reply'), 0];
        if (err) throw err;
        c.pending -= sent;
        c.shared = Number(total);
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
