import { waitFor } from '@safewatch/testkit';
import { describe, expect, it } from 'vitest';
import { type StepRunner, sleep } from '../../src/index.js';
import {
  committed,
  committedMessages,
  highWatermarks,
  kafkaFile,
  processedCounts,
  produce,
  recordingConsumer,
  type Seen,
} from './helpers.js';

const PARTITIONS = 4;

describe('two instances of a consumer in one group', () => {
  const f = kafkaFile('kafka-rebalance');

  it.each([{ mode: 'one-stage' }, { mode: 'pipelined' }, { mode: 'checkpoint' }])(
    '$mode: a second member joins, the first leaves: partitions move, nothing is lost, no committed chunk is processed again',
    async ({ mode }) => {
      const [topic] = (await f.iso.createTopics([`rebalance-${mode}`], PARTITIONS)) as [string];
      const groupId = `rebalance-${mode}-${f.iso.id}`;
      const seen: Seen[] = [];
      // A little time per chunk, so that chunks are in hand when the group rebalances.
      const slow = () => sleep(15);
      const options = {
        kafka: f.kafka,
        groupId,
        topic,
        chunkMessages: 20,
        partitionsConcurrently: 2,
        // Pipelined as the ingest is: the next chunk is processed while this one completes.
        ...(mode === 'pipelined'
          ? { complete: (_processed: unknown, run: StepRunner<'work'>) => run('work', slow) }
          : {}),
        // Commits every 100 ms, after a flush (the state of a service such as alerts).
        ...(mode === 'checkpoint'
          ? {
              checkpoint: {
                everyMs: 100,
                flush: (run: StepRunner<'work'>) => run('work', slow),
                discard: () => undefined,
              },
            }
          : {}),
      };
      const first = recordingConsumer('first', seen, options, slow);
      const second = recordingConsumer('second', seen, options, slow);
      f.cleanup(() => first.consumer.stop());
      f.cleanup(() => second.consumer.stop());
      const processed = () => processedCounts(seen);
      const partitionsOf = (instance: string, from = 0) =>
        new Set(
          seen
            .slice(from)
            .filter((s) => s.instance === instance)
            .map((s) => s.partition),
        );

      await first.consumer.start();
      const values = await produce(f.producer, topic, 'a', 600);
      await waitFor(() => processed().size >= 100, {
        timeoutMs: 30_000,
        message: 'first instance consuming',
      });

      await second.consumer.start();
      values.push(...(await produce(f.producer, topic, 'b', 600)));
      await waitFor(() => partitionsOf('second').size > 0, {
        timeoutMs: 30_000,
        message: 'partitions moved to the second instance',
      });
      expect(partitionsOf('second').size).toBeLessThan(PARTITIONS);

      await first.consumer.stop();
      const afterLeave = seen.length;
      values.push(...(await produce(f.producer, topic, 'c', 600)));
      await waitFor(() => values.every((v) => processed().has(v)), {
        timeoutMs: 60_000,
        message: 'every message processed',
      });
      // Once the first left, the second has every partition.
      expect(partitionsOf('second', afterLeave).size).toBe(PARTITIONS);
      expect(partitionsOf('first', afterLeave).size).toBe(0);

      await waitFor(
        async () => {
          const [done, ends] = await Promise.all([
            committed(f.kafka, groupId, topic),
            highWatermarks(f.kafka, topic),
          ]);
          return [...ends].every(([p, end]) => done.get(p) === end);
        },
        { timeoutMs: 30_000, message: 'every partition committed to its end' },
      );
      // Each offset was committed by exactly one instance: a chunk that one of
      // them committed was never processed and committed by the other again.
      // Only chunks whose commit never happened may have been processed twice.
      const committedByBoth =
        (await committedMessages(first.registry)) + (await committedMessages(second.registry));
      expect(committedByBoth).toBe(values.length);
      expect(processed().size).toBe(values.length);
    },
    120_000,
  );
});
