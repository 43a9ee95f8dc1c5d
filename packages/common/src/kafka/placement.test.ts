import { Partitioners } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import type { Kafka, Message, PartitionMetadata } from './client.js';
import { Placement } from './placement.js';

/** An admin that reports `n` partitions for every topic. */
const kafkaWith = (n: number) =>
  ({
    admin: () => ({
      connect: async () => undefined,
      disconnect: async () => undefined,
      fetchTopicMetadata: async () => ({ topics: [{ partitions: Array.from({ length: n }, () => ({})) }] }),
    }),
  }) as unknown as Kafka;

const metadata = (n: number): PartitionMetadata[] =>
  Array.from({ length: n }, (_, partitionId) => ({
    partitionErrorCode: 0,
    partitionId,
    leader: 0,
    replicas: [],
    isr: [],
  }));

describe('Placement (partition chosen before the send)', () => {
  it("puts every keyed message where kafkajs's default (Java-compatible) partitioner would, in order", async () => {
    const placement = new Placement(kafkaWith(8));
    const reference = Partitioners.DefaultPartitioner();
    const messages: Message[] = Array.from({ length: 2_000 }, (_, i) => ({
      key: `鲁A${String(i % 300).padStart(5, '0')}:2`,
      value: `v${i}`,
    }));
    const { records, expected } = await placement.place([{ topic: 't', messages }]);
    const placed = records[0]?.messages ?? [];
    expect(placed.map((m) => m.value)).toEqual(messages.map((m) => m.value));
    for (const m of placed)
      expect(m.partition).toBe(
        reference({ topic: 't', partitionMetadata: metadata(8), message: { ...m, partition: undefined } }),
      );
    expect([...(expected.get('t') ?? [])].sort()).toEqual(
      [...new Set(placed.map((m) => m.partition))].sort(),
    );
    // The caller's messages are left as they were.
    expect(messages.every((m) => m.partition === undefined)).toBe(true);
  });

  it('keeps a partition the caller chose, and keeps headers and timestamps', async () => {
    const placement = new Placement(kafkaWith(8));
    const { records, expected } = await placement.place([
      {
        topic: 't',
        messages: [
          { key: 'k', value: 'a', partition: 5, headers: { h: '1' }, timestamp: '1700000000000' },
          { key: 'k', value: 'b' },
        ],
      },
    ]);
    const [a, b] = records[0]?.messages ?? [];
    expect(a).toMatchObject({ partition: 5, headers: { h: '1' }, timestamp: '1700000000000' });
    expect(b?.partition).toBe(
      Partitioners.DefaultPartitioner()({
        topic: 't',
        partitionMetadata: metadata(8),
        message: { key: 'k', value: 'b' },
      }),
    );
    expect(expected.get('t')?.has(5)).toBe(true);
  });

  it('places a key by the partition count of its topic', async () => {
    const reference = Partitioners.DefaultPartitioner();
    const keys = Array.from({ length: 50 }, (_, i) => `key-${i}`);
    for (const n of [3, 16]) {
      const { records } = await new Placement(kafkaWith(n)).place([
        { topic: 't', messages: keys.map((key): Message => ({ key, value: key })) },
      ]);
      expect(records[0]?.messages.map((m) => m.partition)).toEqual(
        keys.map((key) =>
          reference({ topic: 't', partitionMetadata: metadata(n), message: { key, value: key } }),
        ),
      );
    }
  });
});
