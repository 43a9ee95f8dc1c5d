import type { Registry } from 'prom-client';
import { ConsumerMetrics } from '../consumer-metrics.js';
import { startConsumeSpan } from '../tracing/kafka-tracing.js';
import { Checkpointer, type PendingOffset } from './checkpoint.js';
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
  /**
   * Commit on a checkpoint rather than after every chunk: a processed chunk's
   * offset waits, and every `everyMs` (at the end of a chunk, or when no chunk
   * comes) and on stop() `flush` saves what the chunks processed so far
   * changed, through the step runner (retried while heartbeating), and only
   * then are their offsets committed. No chunk is in `process` while a
   * checkpoint runs. When uncommitted offsets are dropped (an assignment
   * change, a chunk or checkpoint that failed) `discard` forgets what flush
   * would have saved, and the partitions are read again from their last
   * commit: the last checkpoint and the committed offsets are the truth.
   * Not with `complete` (a chunk's state could be saved before it completed).
   */
  checkpoint?: {
    everyMs: number;
    flush: (run: StepRunner<S>) => Promise<void>;
    discard: () => void;
  };
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
 * succeeded — right after it, or with `checkpoint` at the next checkpoint
 * that saved what it changed. Failing steps are retried with back-off while heartbeating
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
  private readonly checkpointer: Checkpointer | undefined;
  /** With a checkpoint: per partition, the offset the group resumes from (the last commit). */
  private readonly resumeAt = new Map<number, string>();
  /** With a checkpoint: the latest batch's liveness, for a checkpoint outside a batch. */
  private lastBatch:
    | { consumer: Consumer; heartbeat: () => Promise<void>; isRunning: () => boolean }
    | undefined;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly opts: ChunkConsumerOptions<S, P>) {
    if (!opts.chunkMessages && !opts.chunkBytes)
      throw new Error('ChunkConsumer: chunkMessages or chunkBytes');
    if (opts.checkpoint && opts.complete) throw new Error('ChunkConsumer: checkpoint and complete');
    this.checkpointer = opts.checkpoint ? new Checkpointer(opts.checkpoint.everyMs) : undefined;
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
        // The group resumes from the committed offsets: what was not committed comes again.
        this.dropCheckpoint();
        this.resumeAt.clear();
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
    this.dropCheckpoint();
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
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    const consumer = this.consumer;
    if (this.checkpointer && consumer) {
      // One attempt (stopping: no retries); if it fails, the uncommitted chunks come again.
      await this.checkpointNow(
        consumer,
        stepRunner(
          this.opts,
          () => false,
          async () => undefined,
        ),
      ).catch((err: unknown) =>
        this.opts.logger.warn(
          { err: err instanceof Error ? err.message : String(err) },
          'last checkpoint failed; the chunks after the last commit will be processed again',
        ),
      );
    }
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
    if (this.checkpointer) {
      this.lastBatch = { consumer, heartbeat, isRunning };
      const first = batch.messages[0]?.offset;
      if (first !== undefined && !this.resumeAt.has(batch.partition))
        this.resumeAt.set(batch.partition, first);
    }
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
        const processed = await span.within(() => this.processChunk(consumer, chunk, run, batch.partition));
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

  /** `process`; with a checkpoint, outside checkpoints, and a failure drops what is uncommitted. */
  private async processChunk(
    consumer: Consumer,
    chunk: KafkaMessage[],
    run: StepRunner<S>,
    partition: number,
  ): Promise<P> {
    const checkpointer = this.checkpointer;
    if (!checkpointer) return this.opts.process(chunk, run, partition);
    await checkpointer.enter();
    try {
      return await this.opts.process(chunk, run, partition);
    } catch (err) {
      // Its state may be half advanced: start again from the last checkpoint.
      this.dropCheckpoint(consumer, partition);
      throw err;
    } finally {
      checkpointer.leave();
    }
  }

  /**
   * Forgets the uncommitted offsets and what the checkpoint would have saved.
   * Given the consumer, partitions it read past their last commit (and
   * `failed`, whose chunk did not finish) are read again from that commit.
   */
  private dropCheckpoint(consumer?: Consumer, failed?: number): void {
    if (!this.checkpointer || !this.opts.checkpoint) return;
    const dropped = this.checkpointer.drop().map((p) => p.partition);
    this.opts.checkpoint.discard();
    if (!consumer) return;
    for (const partition of new Set(failed === undefined ? dropped : [...dropped, failed])) {
      const offset = this.resumeAt.get(partition);
      if (offset === undefined) continue;
      try {
        consumer.seek({ topic: this.opts.topic, partition, offset });
      } catch (err) {
        // Not running any more: it reads from the last commit when it runs again.
        this.opts.logger.debug({ err, partition }, 'seek back to the last commit refused');
      }
    }
  }

  /** Flushes and commits what is uncommitted (nothing when nothing is). */
  private async checkpointNow(consumer: Consumer, run: StepRunner<S>): Promise<void> {
    const { checkpointer, opts } = this;
    if (!checkpointer || !opts.checkpoint) return;
    const flush = opts.checkpoint.flush;
    await checkpointer.checkpoint(
      () =>
        flush((step, fn) =>
          run(step, () => {
            this.watch?.progress();
            return fn();
          }),
        ),
      (offsets) => this.commit(consumer, offsets),
    );
    if (checkpointer.uncommitted.size > 0) this.armIdleCheckpoint();
  }

  /**
   * With no chunk to end, a checkpoint still comes within everyMs of the last
   * processed one, so that an idle consumer's offsets are committed.
   */
  private armIdleCheckpoint(): void {
    const due = this.checkpointer?.dueInMs();
    if (due === undefined || this.idleTimer || this.stopping) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      const last = this.lastBatch;
      if (!last || this.stopping || last.consumer !== this.consumer) return;
      if (!this.checkpointer?.due()) return this.armIdleCheckpoint();
      const active = () => !this.stopping && last.consumer === this.consumer && last.isRunning();
      this.checkpointNow(last.consumer, stepRunner(this.opts, active, last.heartbeat)).catch(
        (err: unknown) => {
          this.opts.logger.warn(
            { err: err instanceof Error ? err.message : String(err) },
            'checkpoint failed; the chunks after the last commit will be processed again',
          );
          if (!this.stopping && last.consumer === this.consumer) this.dropCheckpoint(last.consumer);
        },
      );
    }, due);
    this.idleTimer.unref();
  }

  private async commit(consumer: Consumer, offsets: PendingOffset[]): Promise<void> {
    await commitInBatch(
      consumer,
      offsets.map((o) => ({
        topic: this.opts.topic,
        partition: o.partition,
        offset: String(BigInt(o.lastOffset) + 1n),
      })),
    );
    this.watch?.progress();
    for (const o of offsets) this.committed(o.partition, o.highWatermark, o.lastOffset);
  }

  private committed(partition: number, highWatermark: string, lastOffset: string): void {
    const next = BigInt(lastOffset) + 1n;
    if (this.checkpointer) this.resumeAt.set(partition, String(next));
    this.metrics?.committed(partition, highWatermark, lastOffset);
    const behind = BigInt(highWatermark) - next;
    this.opts.onCommitted?.(partition, behind > 0n ? Number(behind) : 0);
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
    const offset: PendingOffset = {
      partition: batch.partition,
      lastOffset,
      highWatermark: batch.highWatermark,
    };
    if (this.checkpointer) {
      this.checkpointer.processed(offset);
      this.metrics?.processed(batch.partition, batch.highWatermark, lastOffset);
      if (this.checkpointer.due()) {
        doing('checkpoint');
        try {
          await this.checkpointNow(consumer, run);
        } catch (err) {
          this.dropCheckpoint(consumer);
          throw err;
        }
      } else this.armIdleCheckpoint();
    } else {
      doing('commit');
      await this.commit(consumer, [offset]);
    }
    doing('heartbeat');
    await heartbeat();
  }
}
