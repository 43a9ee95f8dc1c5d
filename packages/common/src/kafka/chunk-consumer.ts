import type { Registry } from 'prom-client';
import { ConsumerMetrics } from '../consumer-metrics.js';
import type { Logger } from '../logger.js';
import type { Readiness } from '../ops-server.js';
import { retryWithBackoff } from '../retry.js';
import { tracedProcess } from '../tracing/kafka-tracing.js';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from './client.js';

/**
 * Commits offsets from inside an eachBatch handler. kafkajs wraps a refused
 * commit in an error that hides the refusal's type, so a commit refused
 * because the group moved on (UNKNOWN_MEMBER_ID after the broker was
 * unreachable longer than the session, REBALANCE_IN_PROGRESS,
 * ILLEGAL_GENERATION) crashed the consumer for good, the process alive but
 * consuming nothing. Thrown as it came, the refusal makes kafkajs re-join the
 * group; the uncommitted chunk is delivered again, which every step tolerates.
 */
export async function commitInBatch(
  consumer: Consumer,
  offsets: Parameters<Consumer['commitOffsets']>[0],
): Promise<void> {
  try {
    await consumer.commitOffsets(offsets);
  } catch (err) {
    throw (err as { cause?: unknown }).cause ?? err;
  }
}

/**
 * kafkajs starts a crashed consumer again only after a retriable error. After
 * any other one it stays disconnected for good while the process and its
 * /healthz live on (seen with the local test broker, which refuses a slow
 * member's SyncGroup during a rebalance with INVALID_REQUEST where Kafka
 * answers REBALANCE_IN_PROGRESS). This starts it again, with back-off, until
 * it joins the group or the service stops; readiness stays down meanwhile.
 */
export function restartAfterCrash(
  consumer: Consumer,
  start: () => Promise<void>,
  stopping: () => boolean,
  logger: Logger,
): void {
  let attempt = 0;
  const again = (reason: string) => {
    if (stopping()) return;
    const delayMs = Math.min(30_000, 1_000 * 2 ** attempt++);
    logger.error(
      { err: reason, delayMs },
      'consumer stopped by an error kafkajs does not retry; starting it again',
    );
    setTimeout(() => {
      if (stopping()) return;
      start().catch((err: unknown) => again(err instanceof Error ? err.message : String(err)));
    }, delayMs).unref();
  };
  consumer.on(consumer.events.GROUP_JOIN, () => {
    attempt = 0;
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (!payload.restart) again(payload.error.message);
  });
}

/** Runs one named I/O step; the consumer supplies retry with back-off. */
export type StepRunner<S extends string = string> = <T>(step: S, fn: () => Promise<T>) => Promise<T>;

export interface ChunkConsumerOptions<S extends string> {
  kafka: Kafka;
  groupId: string;
  topic: string;
  /** Messages per processing chunk. */
  chunkMessages: number;
  sessionTimeoutMs: number;
  fetchMaxWaitMs: number;
  process: (messages: KafkaMessage[], run: StepRunner<S>, partition: number) => Promise<void>;
  /** The readiness condition each step depends on (e.g. persist → postgres). */
  stepDependency: Record<S, string>;
  /** Called when the group rebalanced: in-memory state of partitions we may have lost is dropped. */
  onAssignmentChange: () => void;
  onRetry: (step: string) => void;
  readiness: Readiness;
  logger: Logger;
  /** Where the consumer's lag and throughput go (kafka_consumer_lag, kafka_consumer_messages_total). */
  registry?: Registry;
}

/**
 * Consumes one topic in chunks; a chunk's offsets are committed only after
 * it went through every step. Failing steps are retried with back-off while
 * heartbeating; stop() lets the chunks in hand finish and commit.
 */
export class ChunkConsumer<S extends string> {
  private readonly consumer: Consumer;
  private stopping = false;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly metrics: ConsumerMetrics | undefined;

  constructor(private readonly opts: ChunkConsumerOptions<S>) {
    this.metrics = opts.registry ? new ConsumerMetrics(opts.registry, opts.groupId, opts.topic) : undefined;
    this.consumer = opts.kafka.consumer({
      groupId: opts.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: opts.sessionTimeoutMs,
      heartbeatInterval: Math.min(3_000, Math.floor(opts.sessionTimeoutMs / 3)),
      maxWaitTimeInMs: opts.fetchMaxWaitMs,
    });
    const { GROUP_JOIN, CRASH, DISCONNECT, STOP } = this.consumer.events;
    this.consumer.on(GROUP_JOIN, (e) => {
      opts.onAssignmentChange();
      this.metrics?.assigned(e.payload.memberAssignment[opts.topic] ?? []);
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
      eachBatch: (payload) => {
        const work = this.eachBatch(payload);
        this.inFlight.add(work);
        const done = () => this.inFlight.delete(work);
        work.then(done, done);
        return work;
      },
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.consumer.pause([{ topic: this.opts.topic }]);
    await Promise.allSettled([...this.inFlight]);
    await this.consumer.disconnect();
  }

  private async eachBatch({
    batch,
    resolveOffset,
    heartbeat,
    isRunning,
    isStale,
  }: EachBatchPayload): Promise<void> {
    const active = () => !this.stopping && isRunning() && !isStale();
    const run: StepRunner<S> = (step, fn) =>
      retryWithBackoff(
        async () => {
          const r = await fn();
          this.opts.readiness.set(this.opts.stepDependency[step], true);
          return r;
        },
        {
          shouldContinue: active,
          whileWaiting: heartbeat,
          onRetry: (err, attempt, delayMs) => {
            this.opts.readiness.set(this.opts.stepDependency[step], false);
            this.opts.onRetry(step);
            const reason = err instanceof Error ? err.message : String(err);
            this.opts.logger.warn(
              { step, attempt, delayMs: Math.round(delayMs), err: reason },
              `${step} failed, retrying`,
            );
          },
        },
      );
    this.metrics?.batchStarted(batch.partition, batch.highWatermark, batch.messages[0]?.offset);
    for (let i = 0; i < batch.messages.length; i += this.opts.chunkMessages) {
      if (!active()) break;
      const chunk = batch.messages.slice(i, i + this.opts.chunkMessages);
      const last = chunk[chunk.length - 1] as KafkaMessage;
      await tracedProcess(batch.topic, batch.partition, chunk, this.opts.groupId, () =>
        this.opts.process(chunk, run, batch.partition),
      );
      resolveOffset(last.offset);
      await commitInBatch(this.consumer, [
        { topic: batch.topic, partition: batch.partition, offset: (BigInt(last.offset) + 1n).toString() },
      ]);
      this.metrics?.committed(batch.partition, batch.highWatermark, last.offset);
      await heartbeat();
    }
  }
}
