import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { ChunkResult } from '../usecases/ingest-chunk.usecase.js';

/**
 * Platform ids come from the producers: past this many distinct ids, new ones
 * are counted as "other", so a faulty producer cannot flood the series.
 */
export const MAX_PLATFORM_LABELS = 200;
const MAX_PLATFORM_ID_LENGTH = 64;

export class IngestMetrics {
  readonly messages: Counter;
  readonly consumed: Counter;
  readonly accepted: Counter;
  readonly rejected: Counter<'reason'>;
  readonly duplicates: Counter<'where'>;
  readonly lastPositionUpdates: Counter;
  readonly chunkSeconds: Histogram;
  readonly lag: Gauge<'partition'>;
  readonly retries: Counter<'step'>;
  readonly stepSeconds: Histogram<'step'>;
  readonly platformPositions: Counter<'platform'>;
  readonly platformLastSeen: Gauge<'platform'>;
  private readonly platforms = new Set<string>();

  constructor(registry: Registry) {
    const registers = [registry];
    this.messages = new Counter({
      name: 'ingest_messages_consumed_total',
      help: 'Raw Kafka messages (position batches) consumed',
      registers,
    });
    this.consumed = new Counter({
      name: 'ingest_positions_consumed_total',
      help: 'Positions decoded from consumed batches',
      registers,
    });
    this.accepted = new Counter({
      name: 'ingest_positions_accepted_total',
      help: 'Positions that passed validation and in-chunk dedupe',
      registers,
    });
    this.rejected = new Counter({
      name: 'ingest_positions_rejected_total',
      help: 'Positions (or undecodable messages) rejected, by reason',
      labelNames: ['reason'],
      registers,
    });
    this.duplicates = new Counter({
      name: 'ingest_positions_duplicate_total',
      help: 'Duplicate positions: repeated in one chunk, or already stored',
      labelNames: ['where'],
      registers,
    });
    this.lastPositionUpdates = new Counter({
      name: 'ingest_last_position_updates_total',
      help: 'Vehicles whose last position moved forward',
      registers,
    });
    this.chunkSeconds = new Histogram({
      name: 'ingest_chunk_duration_seconds',
      help: 'Time to take one chunk through all steps',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.lag = new Gauge({
      name: 'ingest_consumer_lag',
      help: 'Messages behind the high watermark of positions.raw, per partition',
      labelNames: ['partition'],
      registers,
    });
    this.stepSeconds = new Histogram({
      name: 'ingest_step_duration_seconds',
      help: 'Time of one I/O step for one chunk, including retries',
      labelNames: ['step'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30],
      registers,
    });
    this.retries = new Counter({
      name: 'ingest_step_retries_total',
      help: 'Retries of an I/O step after a failure (Postgres, Redis or Kafka unavailable)',
      labelNames: ['step'],
      registers,
    });
    this.platformPositions = new Counter({
      name: 'ingest_platform_positions_total',
      help: 'Positions received (accepted or rejected), by sending platform',
      labelNames: ['platform'],
      registers,
    });
    this.platformLastSeen = new Gauge({
      name: 'ingest_platform_last_seen_timestamp_seconds',
      help: 'When positions of the platform were last taken through every step (Unix time, seconds)',
      labelNames: ['platform'],
      registers,
    });
  }

  record(r: ChunkResult): void {
    this.messages.inc(r.messages);
    this.consumed.inc(r.positions);
    this.accepted.inc(r.accepted);
    for (const [reason, n] of Object.entries(r.rejected)) this.rejected.inc({ reason }, n);
    if (r.duplicatesInChunk) this.duplicates.inc({ where: 'chunk' }, r.duplicatesInChunk);
    if (r.duplicatesStored) this.duplicates.inc({ where: 'stored' }, r.duplicatesStored);
    this.lastPositionUpdates.inc(r.lastPositionsMoved);
    const nowS = Date.now() / 1000;
    for (const [id, n] of r.byPlatform) {
      const platform = this.platformLabel(id);
      this.platformPositions.inc({ platform }, n);
      this.platformLastSeen.set({ platform }, nowS);
    }
  }

  private platformLabel(id: string): string {
    if (id === '') return 'none';
    const label = id.slice(0, MAX_PLATFORM_ID_LENGTH);
    if (this.platforms.has(label)) return label;
    if (this.platforms.size >= MAX_PLATFORM_LABELS) return 'other';
    this.platforms.add(label);
    return label;
  }
}
