import {
  type Consumer,
  ConsumerMetrics,
  commitInBatch,
  type EachBatchPayload,
  type Kafka,
  type KafkaMessage,
  type Logger,
  type Readiness,
  restartAfterCrash,
  retryWithBackoff,
  startConsumeSpan,
} from '@safewatch/common';
import type { Registry } from 'prom-client';
import type { SourceMessage, StepName, StepRunner } from '../usecases/ingest-chunk.usecase.js';
import type { IngestMetrics } from './metrics.js';

export interface RawConsumerOptions<P> {
  kafka: Kafka;
  groupId: string;
  topic: string;
  /** A chunk closes once its messages reach this many bytes. */
  chunkBytes: number;
  partitionsConcurrently: number;
  fetchMaxWaitMs: number;
  sessionTimeoutMs: number;
  /** Steps up to persist; runs while the previous chunk of the partition completes. */
  persistChunk: (messages: SourceMessage[], run: StepRunner) => Promise<P>;
  /** The remaining steps; chunks of one partition complete strictly in order. */
  completeChunk: (persisted: P, run: StepRunner) => Promise<void>;
  readiness: Readiness;
  metrics: IngestMetrics;
  /** For the lag and throughput every consumer reports (kafka_consumer_lag, kafka_consumer_messages_total). */
  registry: Registry;
  logger: Logger;
}

const STEP_DEPENDENCY: Record<StepName, string> = {
  persist: 'postgres',
  last_position: 'redis',
  publish: 'kafka',
};

/**
 * Consumes positions.raw with eachBatch, in chunks. Offsets are committed only
 * after a chunk went through every step; a failing step is retried with
 * back-off while heartbeating, so the group keeps our partitions and nothing
 * is skipped. On stop, the chunk in hand is finished and committed.
 */
export class RawConsumer<P> {
  private readonly consumer: Consumer;
  private stopping = false;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly consumerMetrics: ConsumerMetrics;

  constructor(private readonly opts: RawConsumerOptions<P>) {
    this.consumerMetrics = new ConsumerMetrics(opts.registry, opts.groupId, opts.topic);
    this.consumer = opts.kafka.consumer({
      groupId: opts.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: opts.sessionTimeoutMs,
      heartbeatInterval: Math.min(3_000, Math.floor(opts.sessionTimeoutMs / 3)),
      maxBytesPerPartition: 4 * 1024 * 1024,
      maxBytes: 16 * 1024 * 1024,
      // A fetch waits at most this long for data; short, so a fix reaches the
      // family's view quickly even from a quiet partition.
      maxWaitTimeInMs: opts.fetchMaxWaitMs,
    });
    const { GROUP_JOIN, CRASH, DISCONNECT, STOP } = this.consumer.events;
    this.consumer.on(GROUP_JOIN, (e) => {
      this.consumerMetrics.assigned(e.payload.memberAssignment[opts.topic] ?? []);
      opts.readiness.set('kafka', true);
    });
    for (const e of [CRASH, DISCONNECT, STOP]) this.consumer.on(e, () => opts.readiness.set('kafka', false));
    restartAfterCrash(
      this.consumer,
      () => this.start(),
      () => this.stopping,
      opts.logger,
    );
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.opts.topic, fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.opts.partitionsConcurrently,
      eachBatch: (payload) => this.tracked(payload),
    });
  }

  /**
   * Takes no new chunk, lets every chunk in hand finish all its steps and
   * commit, then leaves the group. kafkajs's own disconnect does not wait for
   * work that an eachBatch handler still has in flight.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.consumer.pause([{ topic: this.opts.topic }]);
    await Promise.allSettled([...this.inFlight]);
    await this.consumer.disconnect();
  }

  private tracked(payload: EachBatchPayload): Promise<void> {
    const work = this.eachBatch(payload);
    this.inFlight.add(work);
    const done = () => this.inFlight.delete(work);
    work.then(done, done);
    return work;
  }

  /** Retries a step until it succeeds or the partition is no longer ours; readiness follows the dependency. */
  private retry<T>(
    step: StepName,
    fn: () => Promise<T>,
    active: () => boolean,
    heartbeat: () => Promise<void>,
  ): Promise<T> {
    const dependency = STEP_DEPENDENCY[step];
    return retryWithBackoff(
      async () => {
        const result = await fn();
        this.opts.readiness.set(dependency, true);
        return result;
      },
      {
        shouldContinue: active,
        whileWaiting: heartbeat,
        onRetry: (err, attempt, delayMs) => {
          this.opts.readiness.set(dependency, false);
          this.opts.metrics.retries.inc({ step });
          const reason = err instanceof Error ? err.message : String(err);
          this.opts.logger.warn(
            { step, attempt, delayMs: Math.round(delayMs), err: reason },
            `${step} failed, retrying`,
          );
        },
      },
    );
  }

  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, heartbeat, isRunning, isStale } = payload;
    const active = () => !this.stopping && isRunning() && !isStale();
    const run: StepRunner = async (step, fn) => {
      const end = this.opts.metrics.stepSeconds.startTimer({ step });
      try {
        return await this.retry(step, fn, active, heartbeat);
      } finally {
        end();
      }
    };

    this.consumerMetrics.batchStarted(batch.partition, batch.highWatermark, batch.messages[0]?.offset);
    // Two chunks in flight per partition: chunk k+1 is persisted while chunk k
    // updates last positions, publishes and commits. Completion is chained, so
    // publishes and offset commits stay in partition order.
    let completing: Promise<void> = Promise.resolve();
    try {
      for (const chunk of chunks(batch.messages, this.opts.chunkBytes)) {
        if (!active()) break;
        const last = chunk[chunk.length - 1] as KafkaMessage;
        // One span per chunk, covering its persist and its completion (a no-op when tracing is off).
        const span = startConsumeSpan(batch.topic, batch.partition, chunk, this.opts.groupId);
        const persisted = await span.within(() =>
          this.opts.persistChunk(
            chunk.map((m) => ({
              topic: batch.topic,
              partition: batch.partition,
              offset: m.offset,
              value: m.value,
            })),
            run,
          ),
        );
        await completing;
        completing = span.within(() => this.complete(persisted, run, last.offset, payload));
        completing.then(span.end, () => undefined);
        // Handled here so a failure surfaces when awaited, not as an unhandled rejection.
        completing.catch(() => undefined);
      }
    } finally {
      await completing;
    }
  }

  private async complete(persisted: P, run: StepRunner, lastOffset: string, payload: EachBatchPayload) {
    const { batch, resolveOffset, heartbeat } = payload;
    await this.opts.completeChunk(persisted, run);
    resolveOffset(lastOffset);
    const next = (BigInt(lastOffset) + 1n).toString();
    await commitInBatch(this.consumer, [{ topic: batch.topic, partition: batch.partition, offset: next }]);
    this.opts.metrics.lag.set(
      { partition: String(batch.partition) },
      Math.max(0, Number(BigInt(batch.highWatermark) - BigInt(next))),
    );
    this.consumerMetrics.committed(batch.partition, batch.highWatermark, lastOffset);
    await heartbeat();
  }
}

function* chunks(messages: KafkaMessage[], maxBytes: number): Generator<KafkaMessage[]> {
  let chunk: KafkaMessage[] = [];
  let bytes = 0;
  for (const m of messages) {
    chunk.push(m);
    bytes += m.value?.length ?? 0;
    if (bytes >= maxBytes) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
  }
  if (chunk.length > 0) yield chunk;
}
