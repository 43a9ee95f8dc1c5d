import { Partitioners } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { keyCachingPartitioner, PRODUCER_RETRIES, producerConfig } from './client.js';

const metadata = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    partitionErrorCode: 0,
    partitionId: i,
    leader: 1,
    replicas: [1],
    isr: [1],
  }));

describe('keyCachingPartitioner', () => {
  it('chooses exactly what the default murmur2 partitioner chooses, for every partition count', () => {
    const cached = keyCachingPartitioner();
    const reference = Partitioners.DefaultPartitioner();
    for (const n of [1, 4, 6, 16]) {
      for (let i = 0; i < 2000; i++) {
        const args = {
          topic: 't',
          partitionMetadata: metadata(n),
          message: { key: `鲁A${i}:2`, value: null },
        };
        const expected = reference(args);
        expect(cached(args)).toBe(expected);
        expect(cached(args)).toBe(expected); // from the cache
      }
    }
  });

  it('honours an explicit partition', () => {
    const cached = keyCachingPartitioner();
    expect(
      cached({
        topic: 't',
        partitionMetadata: metadata(4),
        message: { key: 'k', partition: 3, value: null },
      }),
    ).toBe(3);
  });
});

describe('producerConfig', () => {
  it('asks for an idempotent producer whose sends give up after a few retries', () => {
    const config = producerConfig();
    expect(config.idempotent).toBe(true);
    expect(config.retry?.retries).toBe(PRODUCER_RETRIES);
    // kafkajs's default for an idempotent producer is Number.MAX_SAFE_INTEGER: a send that never fails.
    expect(PRODUCER_RETRIES).toBeLessThanOrEqual(5);
    expect(config.allowAutoTopicCreation).toBe(false);
  });
});
