import type { Logger, Pool } from '@safewatch/common';

export interface ViewRecord {
  shareId: string;
  viewerId: string;
  at: Date;
}

export interface ViewRecorderOptions {
  pool: Pool;
  logger: Logger;
  /** Buffered views are written at least this often (default 500 ms). */
  flushMs?: number;
  /** Rows per INSERT (default 5,000); a full batch is written at once. */
  maxBatch?: number;
  /**
   * Views kept while Postgres refuses them (default 500,000, a few tens of
   * MB); beyond, the oldest are dropped and counted, never the service.
   */
  maxBuffered?: number;
}

/**
 * Records every view of a share (who, when) for the driver, in batches: one
 * multi-row INSERT per flush instead of one commit per view. A view is in
 * the driver's list within `flushMs` (at once for views this instance served,
 * see `flush`), and is written on graceful shutdown; a process killed without
 * one loses at most the last `flushMs` of views (the view itself was served).
 */
export class ViewRecorder {
  private buffer: ViewRecord[] = [];
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private readonly flushMs: number;
  private readonly maxBatch: number;
  private readonly maxBuffered: number;
  readonly stats = { recorded: 0, written: 0, dropped: 0, failedFlushes: 0 };

  constructor(private readonly opts: ViewRecorderOptions) {
    this.flushMs = opts.flushMs ?? 500;
    this.maxBatch = opts.maxBatch ?? 5_000;
    this.maxBuffered = opts.maxBuffered ?? 500_000;
  }

  get pending(): number {
    return this.buffer.length;
  }

  start(): void {
    this.timer ??= setInterval(() => {
      this.flush().catch(() => undefined);
    }, this.flushMs);
    this.timer.unref();
  }

  /** Writes what is buffered; on failure the rows stay buffered for the next flush. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush().catch((err: Error) =>
      this.opts.logger.error(
        { err: err.message, pending: this.buffer.length },
        'share views could not be written at shutdown',
      ),
    );
  }

  record(shareId: string, viewerId: string, at: Date): void {
    this.stats.recorded += 1;
    this.buffer.push({ shareId, viewerId, at });
    if (this.buffer.length > this.maxBuffered) {
      const excess = this.buffer.length - this.maxBuffered;
      this.buffer.splice(0, excess);
      this.stats.dropped += excess;
    }
    if (this.buffer.length >= this.maxBatch) this.flush().catch(() => undefined);
  }

  /** Writes every view recorded so far (waits for a write in progress first). */
  flush(): Promise<void> {
    const next = this.writing.then(() => this.writeAll());
    this.writing = next.catch(() => undefined);
    return next;
  }

  private async writeAll(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, this.maxBatch);
      try {
        // Times as epoch milliseconds: cheaper to send than timestamp text.
        await this.opts.pool.query(
          `INSERT INTO share_views (share_id, viewer_id, viewed_at)
           SELECT s, v, to_timestamp(ms / 1000.0)
             FROM unnest($1::uuid[], $2::text[], $3::float8[]) AS t(s, v, ms)`,
          [batch.map((v) => v.shareId), batch.map((v) => v.viewerId), batch.map((v) => v.at.getTime())],
        );
        this.stats.written += batch.length;
      } catch (err) {
        this.stats.failedFlushes += 1;
        const sqlState = String((err as { code?: unknown }).code ?? '');
        if (/^2[23]/.test(sqlState)) {
          // Data or integrity error: retrying the same rows would fail forever.
          this.stats.dropped += batch.length;
          this.opts.logger.error(
            { err: (err as Error).message, rows: batch.length },
            'share views refused by Postgres; dropped',
          );
          continue;
        }
        this.buffer = batch.concat(this.buffer);
        this.opts.logger.warn(
          { err: (err as Error).message, pending: this.buffer.length },
          'share views not written yet; retrying on the next flush',
        );
        throw err;
      }
    }
  }
}
