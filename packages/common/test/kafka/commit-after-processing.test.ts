import { testConsumerTimings, waitFor } from '@safewatch/testkit';
import { describe, expect, it } from 'vitest';
import { ChunkConsumer, Readiness, sleep } from '../../src/index.js';
import { committed, kafkaFile, logger, produce, recordingConsumer, type Seen } from './helpers.js';

const firstOffsets = (seen: Seen[], instance: string) =>
  seen.filter((s) => s.instance === instance).map((s) => s.offsets[0]);

describe('offsets are committed only after a chunk is processed', () => {
  const f = kafkaFile('kafka-commit-after');

  it('a chunk whose step had not succeeded when the consumer stopped is delivered again; the chunk before it is not', async () => {
    const [topic] = (await f.iso.createTopics(['unfinished'])) as [string];
    const groupId = `unfinished-${f.iso.id}`;
    await produce(f.producer, topic, 'm', 30, 30);
    const seen: Seen[] = [];
    // The store fails from the second chunk on, as if its database went away.
    let refused = 0;
    const failing = recordingConsumer(
      'first',
      seen,
      { kafka: f.kafka, groupId, topic, chunkMessages: 10 },
      async (c) => {
        if (c[0]?.offset === '0') return;
        refused++;
        throw new Error('store unavailable');
      },
    );
    await failing.consumer.start();
    await waitFor(() => refused > 0, { message: 'the second chunk failing' });
    expect(failing.readiness.snapshot().store).toBe(false);
    await failing.consumer.stop();
    expect(firstOffsets(seen, 'first')).toEqual([0]);
    expect((await committed(f.kafka, groupId, topic)).get(0)).toBe(10);

    const next = recordingConsumer('next', seen, { kafka: f.kafka, groupId, topic, chunkMessages: 10 });
    await next.consumer.start();
    await waitFor(() => seen.filter((s) => s.instance === 'next').length === 2, {
      message: 'the rest processed',
    });
    await next.consumer.stop();
    expect(firstOffsets(seen, 'next')).toEqual([10, 20]);
  });

  it('pipelined: a chunk processed but not completed when the consumer stopped is delivered again, whole', async () => {
    const [topic] = (await f.iso.createTopics(['pipelined'])) as [string];
    const groupId = `pipelined-${f.iso.id}`;
    await produce(f.producer, topic, 'm', 30, 30);
    const processedFrom: number[] = [];
    const completedFrom: number[] = [];
    let completeWorks = true;
    let refused = 0;
    const consumer = (readiness: Readiness) =>
      new ChunkConsumer<'persist' | 'publish', number>({
        kafka: f.kafka,
        groupId,
        topic,
        chunkMessages: 10,
        sessionTimeoutMs: testConsumerTimings.sessionTimeout,
        fetchMaxWaitMs: testConsumerTimings.maxWaitTimeInMs,
        stepDependency: { persist: 'store', publish: 'kafka' },
        readiness,
        logger,
        process: (messages, run) =>
          run('persist', async () => {
            processedFrom.push(Number(messages[0]?.offset));
            return Number(messages[0]?.offset);
          }),
        complete: (from, run) =>
          run('publish', async () => {
            if (!completeWorks && from > 0) {
              refused++;
              throw new Error('broker unavailable');
            }
            completedFrom.push(from);
          }),
      });
    completeWorks = false;
    const first = consumer(new Readiness(['kafka', 'store']));
    await first.start();
    await waitFor(() => refused > 0, { message: 'the completion of chunk 2 failing' });
    await first.stop();
    expect(completedFrom).toEqual([0]);
    expect((await committed(f.kafka, groupId, topic)).get(0)).toBe(10);

    completeWorks = true;
    processedFrom.length = 0;
    const next = consumer(new Readiness(['kafka', 'store']));
    await next.start();
    await waitFor(() => completedFrom.length === 3, { message: 'the rest completed' });
    await next.stop();
    expect(processedFrom).toEqual([10, 20]);
    expect(completedFrom).toEqual([0, 10, 20]);
  });

  it('stop() lets the chunk in hand finish its steps and commits it, and starts no other', async () => {
    const [topic] = (await f.iso.createTopics(['in-hand'])) as [string];
    const groupId = `in-hand-${f.iso.id}`;
    await produce(f.producer, topic, 'm', 30, 30);
    const seen: Seen[] = [];
    let started = false;
    const slow = recordingConsumer(
      'slow',
      seen,
      { kafka: f.kafka, groupId, topic, chunkMessages: 10 },
      async () => {
        started = true;
        await sleep(1_000);
      },
    );
    await slow.consumer.start();
    await waitFor(() => started, { message: 'first chunk in hand' });
    await slow.consumer.stop();
    expect(firstOffsets(seen, 'slow')).toEqual([0]);
    expect((await committed(f.kafka, groupId, topic)).get(0)).toBe(10);
  });
});
