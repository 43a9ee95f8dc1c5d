import { describe, expect, it } from 'vitest';
import { kafkaFile, readTopic } from './helpers.js';

const SENDERS = 12;
const SENDS_EACH = 20;
const PER_SEND = 10;

describe('the service producer (idempotent, acks=all)', () => {
  const f = kafkaFile('kafka-idempotent-producer');
  it('takes concurrent sends from many callers without OUT_OF_ORDER_SEQUENCE_NUMBER: each message stored once, each caller in order', async () => {
    const [topic] = await f.iso.createTopics(['concurrent'], 3);
    // As the ingest pipelines, the alerts consumers and the outbox relay do: sends that overlap.
    const sender = async (s: number) => {
      for (let n = 0; n < SENDS_EACH; n++)
        await f.producer.send({
          topic: topic as string,
          acks: -1,
          messages: Array.from({ length: PER_SEND }, (_, i) => ({
            key: `caller-${s}`,
            value: `${s}:${n * PER_SEND + i}`,
          })),
        });
    };
    const results = await Promise.allSettled(Array.from({ length: SENDERS }, (_, s) => sender(s)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);

    const total = SENDERS * SENDS_EACH * PER_SEND;
    const stored = await readTopic(f.kafka, topic as string);
    const values = stored.map((m) => m.value?.toString() ?? '');
    expect(new Set(values).size).toBe(total);
    expect(values).toHaveLength(total);
    for (let s = 0; s < SENDERS; s++) {
      const mine = values.filter((v) => v.startsWith(`${s}:`)).map((v) => Number(v.split(':')[1]));
      expect(mine).toEqual(Array.from({ length: SENDS_EACH * PER_SEND }, (_, i) => i));
    }
  });

  it('refuses a send that does not wait for every in-sync replica (acks=all is what makes it idempotent)', async () => {
    const [topic] = await f.iso.createTopics(['acks']);
    await expect(
      f.producer.send({ topic: topic as string, acks: 1, messages: [{ value: 'x' }] }),
    ).rejects.toThrow(/ack/i);
    // The refusal does not stop the producer: the next send starts a new session and is stored.
    await f.producer.send({ topic: topic as string, acks: -1, messages: [{ value: 'y' }] });
    expect((await readTopic(f.kafka, topic as string)).map((m) => m.value?.toString())).toEqual(['y']);
  });
});
