import { waitFor } from '@safewatch/testkit';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { committed, kafkaFile, processedCounts, produce, recordingConsumer, type Seen } from './helpers.js';

describe('a consumer that stops making progress while messages wait', () => {
  const f = kafkaFile('kafka-stall');

  it('is given up after stallMs and replaced: the stuck chunk is delivered again and everything is committed', async () => {
    const [topic] = (await f.iso.createTopics(['stall'])) as [string];
    const groupId = `stall-${f.iso.id}`;
    const values = await produce(f.producer, topic, 'm', 40, 40);
    const seen: Seen[] = [];
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (l: string) => void lines.push(l) });
    // The chunk from offset 20 hangs the first time: no error, no retry, nothing logged.
    let hung = false;
    const { consumer, readiness } = recordingConsumer(
      'only',
      seen,
      { kafka: f.kafka, groupId, topic, chunkMessages: 10, stallMs: 3_000, logger },
      (chunk) => {
        if (chunk[0]?.offset !== '20' || hung) return Promise.resolve();
        hung = true;
        return new Promise<void>(() => undefined);
      },
    );
    await consumer.start();
    await waitFor(() => hung, { message: 'the chunk at 20 hanging' });
    await waitFor(() => values.every((v) => processedCounts(seen).has(v)), {
      timeoutMs: 60_000,
      message: 'every message processed after the stall',
    });
    await waitFor(async () => (await committed(f.kafka, groupId, topic)).get(0) === 40, {
      timeoutMs: 30_000,
      message: 'committed to the end',
    });
    expect(readiness.snapshot().kafka).toBe(true);
    await consumer.stop();

    const stalls = lines.filter((l) => l.includes('consumer made no progress'));
    expect(stalls).toHaveLength(1);
    expect(JSON.parse(stalls[0] as string).waiting).toEqual([{ partition: 0, behind: 20 }]);
  }, 120_000);
});
