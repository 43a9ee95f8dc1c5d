import type { Logger, Pool } from '@safewatch/common';
import pg from 'pg';
import { InvalidatedCache } from './invalidated-cache.js';
import { type ShareRow, shareByTokenHash } from './shares.repo.js';
import { emptyExtras, loadVehicleExtras, type VehicleExtras } from './vehicle-alerts.repo.js';

/** The channel of migrations 1700000003010/011: payload "<schema> s <token hash hex> <share id>" or "<schema> v <vehicle key>". */
export const CACHE_CHANNEL = 'share_cache';

export interface ReadModelOptions {
  pool: Pool;
  /** Connection string and schema of the pool; the listener has its own connection. */
  databaseUrl: string;
  schema: string;
  logger: Logger;
  /** Share rows kept (least recently used go first). */
  maxShares?: number;
  /** Vehicles whose alerts and reminders are kept. */
  maxVehicles?: number;
  /** Told when another writer (any instance) changed a vehicle's alerts or reminders. */
  onVehicleChanged?: (vehicleKey: string) => void;
  /** Told when a share row changed (claimed, ended) through any instance. */
  onShareChanged?: (shareId: string) => void;
}

/**
 * The view's read model in this instance's memory: share rows by token hash
 * and each vehicle's alerts and reminders, so that a view costs no database
 * round trip. Postgres stays the truth; triggers (migration 1700000003010)
 * NOTIFY every change of a share row or of a vehicle's alerts/reminders, on
 * commit, to every instance's LISTEN connection, which drops the entry.
 *
 * - Only rows read from the database are cached, never "unknown token", so a
 *   new share is found by the first view wherever it was created.
 * - A load racing an invalidation of the same key is not cached.
 * - Caching is on only while the listener is connected; when it drops, the
 *   caches are cleared and every read goes to Postgres until it is back (a
 *   notification may have been missed in between).
 * - Between a commit and the notification's arrival (milliseconds) another
 *   instance may still answer from the old row. Callers that refuse on a
 *   cached row when a newer one could allow access (a claim made on another
 *   instance) re-read with `fresh`.
 */
export class ShareReadModel {
  /** Share rows by token hash (hex). */
  private readonly shares: InvalidatedCache<ShareRow>;
  private readonly vehicles: InvalidatedCache<VehicleExtras>;
  /** share id → token hash (hex) of the cached rows, for invalidation after this instance's own writes. */
  private readonly byShareId = new Map<string, string>();
  private client: pg.Client | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private attempts = 0;
  private invalidations = 0;

  constructor(private readonly opts: ReadModelOptions) {
    this.shares = new InvalidatedCache(opts.maxShares ?? 200_000, {
      stored: (hex, row) => this.byShareId.set(row.shareId, hex),
      dropped: (hex, row) => {
        if (this.byShareId.get(row.shareId) === hex) this.byShareId.delete(row.shareId);
      },
    });
    this.vehicles = new InvalidatedCache(opts.maxVehicles ?? 100_000);
  }

  get stats() {
    return {
      shareHits: this.shares.stats.hits,
      shareMisses: this.shares.stats.misses,
      vehicleHits: this.vehicles.stats.hits,
      vehicleMisses: this.vehicles.stats.misses,
      invalidations: this.invalidations,
    };
  }

  /** Whether reads are served from memory (the listener is connected). */
  get active(): boolean {
    return this.shares.enabled;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.dropAll();
    const c = this.client;
    this.client = undefined;
    await c?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.opts.databaseUrl,
      // Named after the schema, so an operator (or a test) can tell the listeners apart.
      application_name: `share-cache:${this.opts.schema}`.slice(0, 63),
      connectionTimeoutMillis: 5_000,
    });
    const lost = (err?: Error) => {
      if (this.client !== client) return;
      this.client = undefined;
      this.dropAll();
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.opts.logger.warn(
        { err: err?.message },
        'share cache listener lost; reading from Postgres until it is back',
      );
      this.scheduleReconnect();
    };
    client.on('notification', (n) => this.onNotification(n.payload ?? ''));
    client.on('error', lost);
    client.on('end', () => lost());
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CACHE_CHANNEL}`);
      if (this.client !== client) return;
      // Anything cached before this point may have missed a notification.
      this.dropAll();
      this.shares.enable();
      this.vehicles.enable();
      this.attempts = 0;
    } catch (err) {
      if (this.client === client) lost(err as Error);
      else await client.end().catch(() => undefined);
      if (this.attempts === 1) throw err;
    }
  }

  private scheduleReconnect(): void {
    if (this.retry || this.stopped) return;
    this.attempts += 1;
    const delay = Math.min(200 * 2 ** Math.min(this.attempts, 5), 5_000);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.connect().catch(() => undefined);
    }, delay);
    this.retry.unref();
  }

  private dropAll(): void {
    this.shares.disable();
    this.vehicles.disable();
    this.byShareId.clear();
  }

  private onNotification(payload: string): void {
    const [schema, kind, key, shareId] = payload.split(' ', 4);
    if (schema !== this.opts.schema || !key) return;
    this.invalidations += 1;
    if (kind === 's') {
      this.invalidateShare(key);
      if (shareId) this.opts.onShareChanged?.(shareId);
    } else if (kind === 'v') {
      this.invalidateVehicle(key);
      this.opts.onVehicleChanged?.(key);
    }
  }

  /** Drops a share (token hash in hex); also called by this instance right after its own writes. */
  invalidateShare(tokenHashHex: string): void {
    this.shares.invalidate(tokenHashHex);
  }

  /** Drops cached shares by id (after this instance ended or changed them). */
  invalidateShareIds(shareIds: Iterable<string>): void {
    for (const id of shareIds) {
      const hex = this.byShareId.get(id);
      if (hex) this.invalidateShare(hex);
    }
  }

  invalidateVehicle(key: string): void {
    this.vehicles.invalidate(key);
  }

  /** The share behind a token hash; `fresh` bypasses the cache (and refreshes it). */
  async share(hash: Buffer, fresh = false): Promise<ShareRow | undefined> {
    const hex = hash.toString('hex');
    const got = await this.shares.getMany(
      [hex],
      async () => {
        const row = await shareByTokenHash(this.opts.pool, hash);
        return new Map(row ? [[hex, row]] : []);
      },
      fresh,
    );
    return got.get(hex);
  }

  /** The share behind a token hash if it is in memory (no I/O); undefined: ask `share`. */
  peekShare(hash: Buffer): ShareRow | undefined {
    return this.shares.peek(hash.toString('hex'));
  }

  /** A vehicle's alerts and reminders if they are in memory (no I/O); undefined: ask `vehicleExtras`. */
  peekVehicleExtras(key: string): VehicleExtras | undefined {
    return this.vehicles.peek(key);
  }

  /** Alerts (latest 20), reminders and clocks of many vehicles; the missing ones in three queries. */
  vehicleExtras(keys: string[]): Promise<Map<string, VehicleExtras>> {
    return this.vehicles.getMany(keys, async (missing) => {
      const loaded = await loadVehicleExtras(this.opts.pool, missing);
      return new Map(missing.map((k) => [k, loaded.get(k) ?? emptyExtras()]));
    });
  }
}
