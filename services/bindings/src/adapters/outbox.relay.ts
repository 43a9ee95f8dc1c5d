import { type Logger, type Pool, type Producer, tracedSend, withTraceHeaders } from '@safewatch/common';
import { Counter, Gauge, type Registry } from 'prom-client';
import { inTransaction } from './bindings.repo.js';

export interface OutboxRelayOptions {
  pool: Pool;
  producer: Producer;
  logger: Logger;
  registry: Registry;
  /** Poll interval when idle; `kick()` publishes at once after a change. */
  intervalMs?: number;
  batchSize?: number;
  /** Published rows are kept this long for audit, then deleted. */
  keepPublishedMs?: number;
}

// One relay publishes at a time across all instances, so events leave in
// outbox order and per-vehicle order holds on the topic.
const RELAY_LOCK = 0x5357_4f42; // "SWOB"

/**
 * Relays committed outbox rows to Kafka. A row is marked published only after
 * the broker acknowledged it (acks=all); a crash in between publishes it again
 * (at least once; consumers dedupe by event_id).
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private lastCleanup = 0;
  /** A change committed while a pass was running: publish right after it. */
  private kicked = false;
  private readonly published: Counter;
  private readonly pending: Gauge;

  constructor(private readonly opts: OutboxRelayOptions) {
    this.published = new Counter({
      name: 'bindings_outbox_published_total',
      help: 'Outbox events published to Kafka',
      registers: [opts.registry],
    });
    this.pending = new Gauge({
      name: 'bindings_outbox_pending',
      help: 'Outbox events not yet published (as of the last relay pass)',
      registers: [opts.registry],
    });
  }

  start(): void {
    this.schedule(0);
  }

  /** Publish soon: called after a transaction that wrote events. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.kicked = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.kicked = false;
      this.running = this.pass()
        .then((more) => {
          this.running = undefined;
          if (!this.stopped) this.schedule(more || this.kicked ? 0 : (this.opts.intervalMs ?? 500));
        })
        .catch((err: unknown) => {
          this.running = undefined;
          this.opts.logger.warn(
            { err: err instanceof Error ? err.message : String(err) },
            'outbox relay pass failed',
          );
          if (!this.stopped) this.schedule(2_000);
        });
    }, ms);
    this.timer.unref();
  }

  /** One pass; returns true when a full batch was sent (more may be waiting). */
  private async pass(): Promise<boolean> {
    const batchSize = this.opts.batchSize ?? 500;
    return inTransaction(this.opts.pool, async (client) => {
      const lock = await client.query('SELECT pg_try_advisory_xact_lock($1) AS ok', [RELAY_LOCK]);
      if (!lock.rows[0]?.ok) return false;
      const r = await client.query<{ id: string; topic: string; message_key: string; payload: Buffer }>(
        `SELECT id, topic, message_key, payload FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1`,
        [batchSize],
      );
      if (r.rows.length > 0) {
        const byTopic = new Map<string, { key: string; value: Buffer }[]>();
        for (const row of r.rows) {
          const list = byTopic.get(row.topic) ?? [];
          list.push({ key: row.message_key, value: row.payload });
          byTopic.set(row.topic, list);
        }
        // A new trace per pass: the pass runs on a timer, whose context is not the rows' cause.
        await tracedSend(
          [...byTopic.keys()].join(','),
          r.rows.length,
          (headers) =>
            this.opts.producer.sendBatch({
              acks: -1,
              topicMessages: [...byTopic].map(([topic, messages]) => ({
                topic,
                messages: withTraceHeaders(messages, headers),
              })),
            }),
          { newTrace: true },
        );
        await client.query('UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])', [
          r.rows.map((x) => x.id),
        ]);
        this.published.inc(r.rows.length);
      }
      const left = await client.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL',
      );
      this.pending.set(left.rows[0]?.n ?? 0);
      if (Date.now() - this.lastCleanup > 3_600_000) {
        this.lastCleanup = Date.now();
        const keep = this.opts.keepPublishedMs ?? 7 * 24 * 3600_000;
        await client.query("DELETE FROM outbox WHERE published_at < now() - $1 * interval '1 millisecond'", [
          keep,
        ]);
      }
      return r.rows.length === batchSize;
    });
  }
}
