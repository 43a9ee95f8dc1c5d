import type { Registry } from 'prom-client';
import { ConsumerMetrics } from '../consumer-metrics.js';
import { startConsumeSpan } from '../tracing/kafka-tracing.js';
import { type ChunkLimits, chunksOf } from './chunks.js';
import type { Consumer, EachBatchPayload, KafkaMessage } from './client.js';
import { commitInBatch } from './consumer-recovery.js';
import { createGroupConsumer, type GroupConsumerOptions } from './group-consumer.js';
import { StallWatch } from './stall-watch.js';
import { type StepOptions, type StepRunner, stepRunner } from './step-runner.js';

export type { StepRunner } from './step-runner.js';

export interface ChunkConsumerOptions<S extends string, P = void>
  extends StepOptions<S>,
    GroupConsumerOptions {
  /** Messages per chunk (the unit of every step and commit). */
  chunkMessages?: number;
  /** Value bytes per chunk; a chunk closes at whichever limit comes first. */
  chunkBytes?: number;
  /** Partitions whose batches are processed at once (kafkajs partitionsConsumedConcurrently). */
  partitionsConcurrently?: number;
  /** A chunk's steps; with `complete`, the first stage. */
  process: (messages: KafkaMessage[], run: StepRunner<S>, partition: number) => Promise<P>;
  /**
   * The second stage of a chunk. With it, chunks are pipelined: chunk k+1 is
   * processed while chunk k completes; completions (and commits) stay in
   * partition order.
   */
  complete?: (processed: P, run: StepRunner<S>, partition: number) => Promise<void>;
  /** The group rebalanced: in-memory state of partitions we may have lost is dropped. */
  onAssignmentChange?: () => void;
  /** After each commit: the partition's messages still behind its high watermark. */
  onCommitted?: (partition: number, lag: number) => void;
  /** Where the consumer's lag and throughput go (kafka_consumer_lag, kafka_consumer_messages_total). */
  registry?: Registry;
  /** No commit and no step attempt for this long while messages wait on our partitions: start again (default 60 s). */
  stallMs?: number;
}

/** How long a stalled consumer's leaving may take before it is abandoned. */
const ABANDON_AFTER_MS = 15_000;

/**
 * The one Kafka consumer engine: consumes a topic in chunks with eachBatch;
 * a chunk's offset is committed only after every step (and `complete`) of it
 * succeeded. Failing steps are retried with back-off while heartbeating
 * (stepRunner); stop() lets the chunks in hand finish and commit. Group
 * membership, readiness and restarts: createGroupConsumer.
 */
export class ChunkConsumer<S extends string, P = void> {
  private consumer: Consumer | undefined;
  private stopping = false;
  private inFlight = new Set<Promise<void>>();
  private watch: StallWatch | undefined;
  /** What each chunk in hand is doing, and since when (logged with a stall). */
  private readonly inHand = new Map<
    object,
    { partition: number; offset: string; doing: string; since: number }
  >();
  private readonly metrics: ConsumerMetrics | undefined;
  private readonly limits: ChunkLimits;

  constructor(private readonly opts: ChunkConsumerOptions<S, P>) {
    if (!opts.chunkMessages && !opts.chunkBytes)
      throw new Error('ChunkConsumer: chunkMessages or chunkBytes');
    this.limits = { maxMessages: opts.chunkMessages, maxBytes: opts.chunkBytes };
    this.metrics = opts.registry ? new ConsumerMetrics(opts.registry, opts.groupId, opts.topic) : undefined;
  }

  async start(): Promise<void> {
    this.watch ??= new StallWatch({
      kafka: this.opts.kafka,
      groupId: this.opts.groupId,
      topic: this.opts.topic,
      stallMs: this.opts.stallMs ?? 60_000,
      logger: this.opts.logger,
      onStall: () => this.startAgain(),
      inHand: () =>
        [...this.inHand.values()].map((c) => ({ ...c, forMs: Date.now() - c.since, since: undefined })),
    });
    this.consumer ??= await this.newConsumer();
    await this.run(this.consumer);
    this.watch.start();
  }

  private async newConsumer(): Promise<Consumer> {
    let created: Consumer | undefined;
    created = await createGroupConsumer(this.opts, {
      joined: (partitions) => {
        this.opts.onAssignmentChange?.();
        this.metrics?.assigned(partitions);
        this.watch?.assign(partitions);
      },
      restart: (consumer) => this.run(consumer),
      // A consumer given up for a stall is not restarted after its crash.
      stopping: () => this.stopping || created !== this.consumer,
    });
    return created;
  }

  /**
   * A stalled kafkajs consumer is left (its chunks in hand abandoned: they
   * were not committed, so the group delivers them again) and a new one
   * joins in its place. Readiness is down in between.
   */
  private async startAgain(): Promise<void> {
    const stalled = this.consumer;
    this.consumer = undefined;
    this.inFlight = new Set();
    this.inHand.clear();
    this.opts.readiness.set('kafka', false);
    if (stalled) {
      let timer: NodeJS.Timeout | undefined;
      const abandoned = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ABANDON_AFTER_MS);
      });
      await Promise.race([stalled.disconnect().catch(() => undefined), abandoned]);
      clearTimeout(timer);
    }
    if (this.stopping) return;
    this.consumer = await this.newConsumer();
    await this.run(this.consumer);
  }

  /**
   * Takes no new chunk, lets every chunk in hand finish all its steps and
   * commit, then leaves the group. kafkajs's own disconnect does not wait for
   * work that an eachBatch handler still has in flight.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.watch?.stop();
    this.consumer?.pause([{ topic: this.opts.topic }]);
    await Promise.allSettled([...this.inFlight]);
    await this.consumer?.disconnect();
  }

  private async run(consumer: Consumer): Promise<void> {
    await consumer.connect();
    await consumer.subscribe({ topic: this.opts.topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.opts.partitionsConcurrently ?? 1,
      eachBatch: (payload) => {
        const work = this.eachBatch(consumer, payload);
        this.inFlight.add(work);
        const done = () => this.inFlight.delete(work);
        work.then(done, done);
        return work;
      },
    });
  }

  private async eachBatch(consumer: Consumer, payload: EachBatchPayload): Promise<void> {
    const { batch, heartbeat, isRunning, isStale } = payload;
    const active = () => !this.stopping && isRunning() && !isStale();
    const runStep = stepRunner(this.opts, active, heartbeat);
    const doing = (chunk: object, what: string) => {
      const c = this.inHand.get(chunk);
      if (c) Object.assign(c, { doing: what, since: Date.now() });
    };
    this.metrics?.batchStarted(batch.partition, batch.highWatermark, batch.messages[0]?.offset);
    let completing: Promise<void> = Promise.resolve();
    const mine: object[] = [];
    try {
      for (const chunk of chunksOf(batch.messages, this.limits)) {
        if (!active()) break;
        const offset = (chunk[0] as KafkaMessage).offset;
        this.inHand.set(chunk, { partition: batch.partition, offset, doing: 'process', since: Date.now() });
        mine.push(chunk);
        const run: StepRunner<S> = (step, fn) =>
          runStep(step, () => {
            this.watch?.progress();
            doing(chunk, `step ${step}`);
            return fn();
          });
        // One span per chunk, covering all its steps (a no-op when tracing is off).
        const span = startConsumeSpan(batch.topic, batch.partition, chunk, this.opts.groupId);
        const processed = await span.within(() => this.opts.process(chunk, run, batch.partition));
        doing(chunk, 'waiting for the chunk before it');
        await completing;
        const last = (chunk[chunk.length - 1] as KafkaMessage).offset;
        completing = span.within(() =>
          this.complete(consumer, payload, processed, run, last, (what) => doing(chunk, what)),
        );
        const gone = () => this.inHand.delete(chunk);
        completing.then(gone, gone);
        completing.then(span.end, () => undefined);
        // Without a second stage there is nothing to overlap: the chunk completes before the next starts.
        if (!this.opts.complete) await completing;
      }
    } finally {
      try {
        await completing;
      } finally {
        for (const chunk of mine) this.inHand.delete(chunk);
      }
    }
  }

  private async complete(
    consumer: Consumer,
    { batch, resolveOffset, heartbeat }: EachBatchPayload,
    processed: P,
    run: StepRunner<S>,
    lastOffset: string,
    doing: (what: string) => void,
  ): Promise<void> {
    await this.opts.complete?.(processed, run, batch.partition);
    resolveOffset(lastOffset);
    const next = BigInt(lastOffset) + 1n;
    doing('commit');
    await commitInBatch(consumer, [{ topic: batch.topic, partition: batch.partition, offset: String(next) }]);
    doing('heartbeat');
    this.watch?.progress();
    this.metrics?.committed(batch.partition, batch.highWatermark, lastOffset);
    const behind = BigInt(batch.highWatermark) - next;
    this.opts.onCommitted?.(batch.partition, behind > 0n ? Number(behind) : 0);
    await heartbeat();
  }
}
