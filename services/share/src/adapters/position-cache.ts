import {
  createRedis,
  type LastPosition,
  type Logger,
  lastPositionKey,
  type Redis,
  readLastPositions,
} from '@safewatch/common';
import type { LastPositions } from '../usecases/deps.js';
import { InvalidatedCache } from './invalidated-cache.js';

export interface PositionCacheOptions {
  redisUrl: string;
  /** REDIS_KEY_PREFIX: last positions are `<prefix>last:<vehicle key>` (written by ingest). */
  redisPrefix: string;
  logger: Logger;
  /** Vehicles kept (least recently read go first). */
  maxVehicles?: number;
}

const INVALIDATE = '__redis__:invalidate';
/** A vehicle without a last position (kept too: its key is tracked like the others). */
const NONE = Object.freeze({ none: true as const });

/**
 * Last positions read from Redis and kept in this instance's memory until
 * Redis says they changed: Redis's server-assisted client-side caching
 * (CLIENT TRACKING, "two connections" mode). The reading connection is
 * tracked with its invalidations redirected to a RESP2 subscriber on
 * `__redis__:invalidate`; when ingest writes a vehicle's last position, Redis
 * sends that key and the entry is dropped, so the next read fetches the new
 * position. Several viewers of one vehicle, and the stream tick, then cost
 * one Redis read per new position instead of one per request.
 *
 * Safety: entries are served only while both connections are up and
 * tracking is confirmed; any disconnect clears everything (invalidations may
 * have been missed) and reads go straight to Redis until tracking is on again.
 * A read racing an invalidation of the same key is not kept.
 */
export class PositionCache {
  /** Last positions by vehicle key; NONE for a vehicle without one. */
  private readonly cache: InvalidatedCache<LastPosition | typeof NONE>;
  private readonly data: Redis;
  private readonly sub: Redis;
  private readonly keyPrefix: string;
  /** Redis client id of the invalidation subscriber (while connected). */
  subscriberId: number | undefined;
  private epoch = 0;
  private stopped = false;
  private invalidations = 0;
  private resets = 0;

  constructor(private readonly opts: PositionCacheOptions) {
    this.cache = new InvalidatedCache(opts.maxVehicles ?? 200_000);
    this.keyPrefix = lastPositionKey(opts.redisPrefix, '');
    const onError = (err: Error) => opts.logger.debug({ err: err.message }, 'position cache redis error');
    this.data = createRedis(opts.redisUrl, onError, { connectionName: 'share-positions' });
    // RESP2: the invalidations arrive as pub/sub messages (ioredis ignores RESP3 "invalidate" pushes).
    // No automatic resubscription: after a reconnect `enable` asks the new client id first
    // (CLIENT is refused once the connection is subscribed), then subscribes.
    this.sub = createRedis(opts.redisUrl, onError, {
      protocol: 2,
      autoResubscribe: false,
      connectionName: 'share-positions-inv',
    });
    for (const c of [this.data, this.sub]) {
      c.on('close', () => this.reset());
      c.on('ready', () => {
        this.enable().catch((err: Error) =>
          opts.logger.warn(
            { err: err.message },
            'position cache: tracking not enabled; reading Redis directly',
          ),
        );
      });
    }
    this.sub.on('messageBuffer', (channel: Buffer, keys: unknown) => {
      if (channel.toString() !== INVALIDATE) return;
      // A null payload: the server flushed its tracking table (FLUSHALL, FLUSHDB).
      if (!Array.isArray(keys)) return this.reset();
      for (const k of keys) {
        const redisKey = String(k);
        if (!redisKey.startsWith(this.keyPrefix)) continue;
        const vehicle = redisKey.slice(this.keyPrefix.length);
        this.invalidations += 1;
        this.cache.invalidate(vehicle);
      }
    });
  }

  get stats() {
    return { ...this.cache.stats, invalidations: this.invalidations, resets: this.resets };
  }

  /** Whether reads may be served from memory. */
  get active(): boolean {
    return this.cache.enabled;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await Promise.all([this.data.connect(), this.sub.connect()]);
    await this.enable();
  }

  stop(): void {
    this.stopped = true;
    this.reset();
    this.data.disconnect();
    this.sub.disconnect();
  }

  /** Forgets everything; nothing is served from memory until tracking is confirmed again. */
  private reset(): void {
    this.epoch += 1;
    this.resets += 1;
    this.cache.disable();
  }

  private async enable(): Promise<void> {
    if (this.stopped || this.data.status !== 'ready' || this.sub.status !== 'ready') return;
    this.reset();
    const epoch = this.epoch;
    const id = (await this.sub.client('ID')) as number;
    this.subscriberId = id;
    await this.sub.subscribe(INVALIDATE);
    await this.data.client('TRACKING', 'ON', 'REDIRECT', String(id));
    if (epoch === this.epoch && !this.stopped) this.cache.enable();
  }

  /**
   * One vehicle's last position if it is in memory (no I/O): the position,
   * null when it is known to have none, undefined when not in memory (ask `read`).
   */
  peek(vehicleKey: string): LastPosition | null | undefined {
    const p = this.cache.peek(vehicleKey);
    return p === undefined ? undefined : 'none' in p ? null : p;
  }

  /** Last positions of many vehicles (absent: never seen): from memory, the rest in one Redis round trip. */
  async read(vehicleKeys: readonly string[]): Promise<Map<string, LastPosition>> {
    const got = await this.cache.getMany(vehicleKeys, async (missing) => {
      const read = await readLastPositions(this.data, this.opts.redisPrefix, missing);
      return new Map(missing.map((k) => [k, read.get(k) ?? NONE]));
    });
    const out = new Map<string, LastPosition>();
    for (const [k, p] of got) if (!('none' in p)) out.set(k, p);
    return out;
  }
}

/**
 * The use cases' last positions (as ingest wrote them): from `cache` while it
 * is active, else straight from Redis (one round trip).
 */
export function lastPositionsFrom(redis: Redis, redisPrefix: string, cache?: PositionCache): LastPositions {
  return (vehicleKeys) =>
    cache?.active ? cache.read(vehicleKeys) : readLastPositions(redis, redisPrefix, vehicleKeys);
}
