import { getInfra, type Isolation, isolate, testConsumerTimings } from '@safewatch/testkit';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll } from 'vitest';
import {
  ChunkConsumer,
  type ChunkConsumerOptions,
  createKafka,
  createProducer,
  type IdempotentProducer,
  type Kafka,
  type KafkaMessage,
  type Producer,
  Readiness,
} from '../../src/index.js';

export const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

export const kafkaFor = (brokers: string[], clientId = 'kafka-test', requestTimeoutMs?: number): Kafka =>
  createKafka({ brokers, clientId, logger, ...(requestTimeoutMs ? { requestTimeoutMs } : {}) });

export interface KafkaFile {
  iso: Isolation;
  kafka: Kafka;
  /** The service producer, connected. */
  producer: IdempotentProducer;
  /** Runs after the file's tests (consumers to stop). */
  cleanup(fn: () => Promise<void>): void;
}

/** A test file's isolation, client and producer on the shared broker; closed after its tests. */
export function kafkaFile(label: string): KafkaFile {
  const cleanups: (() => Promise<void>)[] = [];
  const file = { cleanup: (fn: () => Promise<void>) => void cleanups.push(fn) } as KafkaFile;
  beforeAll(async () => {
    file.iso = isolate(label);
    file.kafka = kafkaFor(getInfra().kafkaBrokers);
    file.producer = createProducer(file.kafka);
    await file.producer.connect();
  });
  afterAll(async () => {
    for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
    await file.producer?.disconnect();
  });
  return file;
}

/** Every message of a topic up to its current end, read by a group of its own. */
export async function readTopic(kafka: Kafka, topic: string): Promise<KafkaMessage[]> {
  const ends = await highWatermarks(kafka, topic);
  const total = [...ends.values()].reduce((n, end) => n + end, 0);
  const consumer = kafka.consumer({ groupId: `read-${topic}-${Date.now()}`, maxWaitTimeInMs: 100 });
  const out: KafkaMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve) => {
    if (total === 0) resolve();
    void consumer.run({
      eachMessage: async ({ message }) => {
        out.push(message);
        if (out.length >= total) resolve();
      },
    });
  });
  await consumer.disconnect();
  return out;
}

/** One processed chunk, as a test sees it. */
export interface Seen {
  instance: string;
  partition: number;
  offsets: number[];
  values: string[];
}

export type TestOptions = Partial<ChunkConsumerOptions<'work', void>> &
  Pick<ChunkConsumerOptions<'work', void>, 'kafka' | 'groupId' | 'topic'>;

/**
 * A ChunkConsumer with the test broker's quick group timings whose one step
 * ("work", depending on the readiness condition "store") records each chunk
 * in `seen`, after `before` (a hook to hold or fail the step) resolves.
 */
export function recordingConsumer(
  instance: string,
  seen: Seen[],
  opts: TestOptions,
  before: (chunk: KafkaMessage[]) => Promise<void> = async () => undefined,
) {
  const readiness = new Readiness(['kafka', 'store']);
  const registry = new Registry();
  const consumer = new ChunkConsumer<'work'>({
    chunkMessages: 50,
    sessionTimeoutMs: testConsumerTimings.sessionTimeout,
    fetchMaxWaitMs: testConsumerTimings.maxWaitTimeInMs,
    stepDependency: { work: 'store' },
    readiness,
    registry,
    logger,
    process: (messages, run, partition) =>
      run('work', async () => {
        await before(messages);
        seen.push({
          instance,
          partition,
          offsets: messages.map((m) => Number(m.offset)),
          values: messages.map((m) => m.value?.toString() ?? ''),
        });
      }),
    ...opts,
  });
  return { consumer, readiness, registry };
}

/** Messages "<tag>-<i>", keyed so they spread over the partitions; sent in sends of `perSend`. */
export async function produce(
  producer: Producer,
  topic: string,
  tag: string,
  count: number,
  perSend = 25,
): Promise<string[]> {
  const values = Array.from({ length: count }, (_, i) => `${tag}-${i}`);
  for (let i = 0; i < count; i += perSend)
    await producer.send({
      topic,
      acks: -1,
      messages: values.slice(i, i + perSend).map((value, j) => ({ key: `k${(i + j) % 16}`, value })),
    });
  return values;
}

/** Every value seen, with how many times it was processed. */
export function processedCounts(seen: Seen[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of seen) for (const v of s.values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/** The group's committed offset per partition. */
export async function committed(kafka: Kafka, groupId: string, topic: string): Promise<Map<number, number>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return new Map((entry?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
  } finally {
    await admin.disconnect();
  }
}

/** Each partition's high watermark (the offset the next message gets). */
export async function highWatermarks(kafka: Kafka, topic: string): Promise<Map<number, number>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return new Map(offsets.map((o) => [o.partition, Number(o.high)]));
  } finally {
    await admin.disconnect();
  }
}

/** Sum of kafka_consumer_messages_total (messages processed and committed) in a registry. */
export async function committedMessages(registry: Registry): Promise<number> {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === 'kafka_consumer_messages_total');
  const values = (metric as unknown as { values: { value: number }[] } | undefined)?.values ?? [];
  return values.reduce((sum, v) => sum + v.value, 0);
}
