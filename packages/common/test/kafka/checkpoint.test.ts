import { testConsumerTimings, waitFor } from '@safewatch/testkit';
import { describe, expect, it } from 'vitest';
import { ChunkConsumer, type KafkaMessage, Readiness, type StepRunner } from '../../src/index.js';
import { committed, type KafkaFile, kafkaFile, logger, produce } from './helpers.js';

/**
 * A consumer with a checkpoint, one step "work" (readiness "store"): each
 * chunk is recorded as processed; the checkpoint's flush records what the
 * chunks processed so far were when it ran (and where the group's commit
 * stood then); discard is counted.
 */
function checkpointing(
  f: KafkaFile,
  topic: string,
  groupId: string,
  everyMs: number,
  hooks: {
    beforeProcess?: (chunk: KafkaMessage[]) => void;
    beforeFlush?: () => Promise<void>;
  } = {},
) {
  const processed: number[] = [];
  const flushes: { processed: number[]; committedThen: number | undefined }[] = [];
  let discarded = 0;
  const readiness = new Readiness(['kafka', 'store']);
  const consumer = new ChunkConsumer<'work'>({
    kafka: f.kafka,
    groupId,
    topic,
    chunkMessages: 10,
    sessionTimeoutMs: testConsumerTimings.sessionTimeout,
    fetchMaxWaitMs: testConsumerTimings.maxWaitTimeInMs,
    stepDependency: { work: 'store' },
    readiness,
    logger,
    process: async (messages, run: StepRunner<'work'>) => {
      hooks.beforeProcess?.(messages);
      await run('work', async () => {
        processed.push(Number(messages[0]?.offset));
      });
    },
    checkpoint: {
      everyMs,
      flush: (run) =>
        run('work', async () => {
          await hooks.beforeFlush?.();
          flushes.push({
            processed: [...processed],
            committedThen: (await committed(f.kafka, groupId, topic)).get(0),
          });
        }),
      // Not counting the discard of joining the group.
      discard: () => {
        if (processed.length > 0) discarded++;
      },
    },
  });
  f.cleanup(() => consumer.stop());
  return { consumer, readiness, processed, flushes, discarded: () => discarded };
}

describe('a consumer that commits on a checkpoint', () => {
  const f = kafkaFile('kafka-checkpoint');

  it('commits nothing before its checkpoint, then (on stop) the offsets of every chunk processed, after the flush', async () => {
    const [topic] = (await f.iso.createTopics(['on-stop'])) as [string];
    const groupId = `on-stop-${f.iso.id}`;
    await produce(f.producer, topic, 'm', 30, 30);
    const c = checkpointing(f, topic, groupId, 600_000);
    await c.consumer.start();
    await waitFor(() => c.processed.length === 3, { message: 'three chunks processed' });
    expect(c.flushes).toEqual([]);
    expect((await committed(f.kafka, groupId, topic)).get(0) ?? -1).toBeLessThan(0);
    await c.consumer.stop();
    // The flush saw every chunk processed, and nothing committed yet; the commit came after it.
    expect(c.flushes).toHaveLength(1);
    expect(c.flushes[0]?.processed).toEqual([0, 10, 20]);
    expect(c.flushes[0]?.committedThen ?? -1).toBeLessThan(0);
    expect((await committed(f.kafka, groupId, topic)).get(0)).toBe(30);
  });

  it('an idle consumer checkpoints within everyMs of its last chunk; a failing flush is retried, then commits', async () => {
    const [topic] = (await f.iso.createTopics(['idle'])) as [string];
    const groupId = `idle-${f.iso.id}`;
    await produce(f.producer, topic, 'm', 30, 30);
    let refusals = 2;
    const c = checkpointing(f, topic, groupId, 300, {
      beforeFlush: async () => {
        if (refusals-- > 0) throw new Error('store unavailable');
      },
    });
    await c.consumer.start();
    await waitFor(async () => (await committed(f.kafka, groupId, topic)).get(0) === 30, {
      timeoutMs: 20_000,
      message: 'committed after the retried checkpoint',
    });
    expect(refusals).toBeLessThan(0);
    expect(c.readiness.snapshot().store).toBe(true);
    expect(c.flushes.at(-1)?.processed).toEqual([0, 10, 20]);
    await c.consumer.stop();
    expect(c.processed).toEqual([0, 10, 20]);
  });

  it('a chunk that fails drops the uncommitted chunks: discarded, and processed again from the last commit', async () => {
    const [topic] = (await f.iso.createTopics(['failed'])) as [string];
    const groupId = `failed-${f.iso.id}`;
    await produce(f.producer, topic, 'm', 30, 30);
    let failed = false;
    const c = checkpointing(f, topic, groupId, 600_000, {
      beforeProcess: (chunk) => {
        // Outside the step runner: not retried, the chunk fails.
        if (chunk[0]?.offset === '20' && !failed) {
          failed = true;
          throw new Error('a bug');
        }
      },
    });
    await c.consumer.start();
    await waitFor(() => c.processed.length === 5, { timeoutMs: 30_000, message: 'processed again' });
    expect(c.processed).toEqual([0, 10, 0, 10, 20]);
    expect(c.discarded()).toBe(1);
    await c.consumer.stop();
    expect((await committed(f.kafka, groupId, topic)).get(0)).toBe(30);
  });
});
