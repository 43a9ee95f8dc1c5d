import { testConsumerTimings, waitFor } from '@safewatch/testkit';
import { describe, expect, it } from 'vitest';
import { ChunkConsumer, Readiness } from '../../src/index.js';
import {
  kafkaFile,
  logger,
  processedCounts,
  produce,
  recordingConsumer,
  type Seen,
  type TestOptions,
} from './helpers.js';

const KIB = 1024;

describe('a fetch from Kafka brings many record batches; the chunk still bounds the work per step', () => {
  const f = kafkaFile('kafka-fetch-chunks');

  /** What a recording consumer processed of `topic`, once it has all `count` messages. */
  async function processAll(topic: string, count: number, opts: Partial<TestOptions>): Promise<Seen[]> {
    const seen: Seen[] = [];
    const groupId = `${topic}-${f.iso.id}`;
    const { consumer } = recordingConsumer('one', seen, { kafka: f.kafka, groupId, topic, ...opts });
    f.cleanup(() => consumer.stop());
    await consumer.start();
    await waitFor(() => processedCounts(seen).size === count, {
      timeoutMs: 30_000,
      message: 'all processed',
    });
    return seen;
  }

  it('chunks of at most chunkMessages, cut across the record batches of a fetch', async () => {
    const [topic] = (await f.iso.createTopics(['by-count'])) as [string];
    // 100 sends of 10: a hundred record batches in the partition.
    const values = await produce(f.producer, topic, 'm', 1000, 10);
    const seen = await processAll(topic, values.length, { chunkMessages: 64 });

    const sizes = seen.map((s) => s.offsets.length);
    expect(Math.max(...sizes)).toBe(64);
    expect([...processedCounts(seen).values()].every((n) => n === 1)).toBe(true);
  });

  it('pipelined chunks of at most chunkBytes of values (a larger message alone), completed in partition order', async () => {
    const [topic] = (await f.iso.createTopics(['by-bytes'], 2)) as [string];
    const sizes = Array.from({ length: 300 }, (_, i) => [100, 700, 1500, 5000][i % 4] as number);
    for (let i = 0; i < sizes.length; i += 20)
      await f.producer.send({
        topic,
        acks: -1,
        messages: sizes.slice(i, i + 20).map((n, j) => ({ key: `k${(i + j) % 5}`, value: 'x'.repeat(n) })),
      });
    const chunks: { partition: number; bytes: number; count: number }[] = [];
    const completed: { partition: number; from: number }[] = [];
    const consumer = new ChunkConsumer<'persist' | 'publish', number>({
      kafka: f.kafka,
      groupId: `bytes-${f.iso.id}`,
      topic,
      chunkBytes: 4 * KIB,
      fetchBytesPerPartition: 16 * KIB,
      partitionsConcurrently: 2,
      sessionTimeoutMs: testConsumerTimings.sessionTimeout,
      fetchMaxWaitMs: testConsumerTimings.maxWaitTimeInMs,
      stepDependency: { persist: 'store', publish: 'kafka' },
      readiness: new Readiness(['kafka', 'store']),
      logger,
      process: (messages, run, partition) =>
        run('persist', async () => {
          const bytes = messages.reduce((n, m) => n + (m.value?.length ?? 0), 0);
          chunks.push({ partition, bytes, count: messages.length });
          return Number(messages[0]?.offset);
        }),
      complete: (from, run, partition) =>
        run('publish', async () => void completed.push({ partition, from })),
    });
    f.cleanup(() => consumer.stop());
    await consumer.start();
    await waitFor(() => chunks.reduce((n, c) => n + c.count, 0) === sizes.length, { timeoutMs: 30_000 });
    await waitFor(() => completed.length === chunks.length, { message: 'every chunk completed' });

    for (const c of chunks) expect(c.bytes <= 4 * KIB || c.count === 1, JSON.stringify(c)).toBe(true);
    for (const p of [0, 1]) {
      const order = completed.filter((c) => c.partition === p).map((c) => c.from);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it('with a backlog on every partition, each partition gets its share of the first fetch', async () => {
    const partitions = 4;
    const [topic] = (await f.iso.createTopics(['fair'], partitions)) as [string];
    // 1 KiB messages, 4 fetches' worth per partition, in record batches of 8.
    for (let p = 0; p < partitions; p++)
      for (let i = 0; i < 64; i += 8)
        await f.producer.send({
          topic,
          acks: -1,
          messages: Array.from({ length: 8 }, (_, j) => ({
            partition: p,
            value: `${p}:${i + j}:${'x'.repeat(1000)}`,
          })),
        });
    const seen = await processAll(topic, partitions * 64, {
      chunkMessages: 4,
      fetchBytesPerPartition: 16 * KIB,
    });

    // Before any partition's second fetch (offsets past its first 16 KiB), every partition had its first.
    const secondFetch = seen.findIndex((s) => (s.offsets[0] as number) >= 16);
    const before = new Set(seen.slice(0, secondFetch).map((s) => s.partition));
    expect(before.size).toBe(partitions);
  });
});
