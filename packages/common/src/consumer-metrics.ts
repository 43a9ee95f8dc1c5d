import { Counter, Gauge, type Registry } from 'prom-client';

export const CONSUMER_LAG_METRIC = 'kafka_consumer_lag';
export const CONSUMER_MESSAGES_METRIC = 'kafka_consumer_messages_total';

type LagLabels = 'group' | 'topic' | 'partition';
type GroupLabels = 'group' | 'topic';

/**
 * Lag and throughput of one consumer group on one topic. Every consumer of a
 * service reports into the same two metrics (told apart by group and topic),
 * so one dashboard panel and one alert rule cover all consumers.
 */
export class ConsumerMetrics {
  private readonly lagGauge: Gauge<LagLabels>;
  private readonly messages: Counter<GroupLabels>;
  /** Per partition, the next offset to process. */
  private readonly position = new Map<number, bigint>();
  /** Per partition, the offset up to which committed messages were counted. */
  private readonly counted = new Map<number, bigint>();

  constructor(
    registry: Registry,
    private readonly group: string,
    private readonly topic: string,
  ) {
    this.lagGauge =
      (registry.getSingleMetric(CONSUMER_LAG_METRIC) as Gauge<LagLabels> | undefined) ??
      new Gauge<LagLabels>({
        name: CONSUMER_LAG_METRIC,
        help: 'Messages between the next offset this consumer processes and the high watermark, per partition',
        labelNames: ['group', 'topic', 'partition'],
        registers: [registry],
      });
    this.messages =
      (registry.getSingleMetric(CONSUMER_MESSAGES_METRIC) as Counter<GroupLabels> | undefined) ??
      new Counter<GroupLabels>({
        name: CONSUMER_MESSAGES_METRIC,
        help: 'Messages processed and committed, by consumer group and topic',
        labelNames: ['group', 'topic'],
        registers: [registry],
      });
    // Present from the start, so "no progress" is a rate of 0 rather than no series.
    this.messages.inc({ group, topic }, 0);
  }

  /**
   * A fetched batch, before any of it is processed: a batch stuck in retries
   * shows its backlog rather than the last good value.
   */
  batchStarted(partition: number, highWatermark: string, firstOffset: string | undefined): void {
    if (firstOffset === undefined) return;
    const first = BigInt(firstOffset);
    this.position.set(partition, first);
    // The first batch of a partition since it was assigned starts at its committed offset.
    if (!this.counted.has(partition)) this.counted.set(partition, first);
    this.setLag(partition, highWatermark, first);
  }

  /** Messages up to `lastOffset` (inclusive) processed, to be committed later (a checkpoint). */
  processed(partition: number, highWatermark: string, lastOffset: string): void {
    const next = BigInt(lastOffset) + 1n;
    this.position.set(partition, next);
    this.setLag(partition, highWatermark, next);
  }

  /** Offsets committed up to `lastOffset` (inclusive) after the messages were processed. */
  committed(partition: number, highWatermark: string, lastOffset: string): void {
    const next = BigInt(lastOffset) + 1n;
    const from = this.counted.get(partition);
    // Offsets advanced: the messages processed (no transaction markers on these topics).
    if (from !== undefined && next > from)
      this.messages.inc({ group: this.group, topic: this.topic }, Number(next - from));
    this.counted.set(partition, next);
    // The lag follows processing, which a checkpoint's commit may trail.
    const position = this.position.get(partition);
    if (position !== undefined && position > next) return;
    this.position.set(partition, next);
    this.setLag(partition, highWatermark, next);
  }

  /**
   * After a rebalance: forget the lag of partitions this instance no longer
   * holds (their new owner reports them), so a stale value never alerts.
   */
  assigned(partitions: readonly number[]): void {
    const kept = new Set(partitions);
    for (const p of this.position.keys()) {
      if (kept.has(p)) continue;
      this.lagGauge.remove({ group: this.group, topic: this.topic, partition: String(p) });
      this.position.delete(p);
      this.counted.delete(p);
    }
  }

  private setLag(partition: number, highWatermark: string, next: bigint): void {
    const behind = BigInt(highWatermark) - next;
    this.lagGauge.set(
      { group: this.group, topic: this.topic, partition: String(partition) },
      behind > 0n ? Number(behind) : 0,
    );
  }
}
