import { describe, expect, it } from 'vitest';
import type { Kafka, ProducerRecord } from './client.js';
import { createProducer } from './producer.js';

/** kafkajs producers that log what happens to them; `fail` makes the next send of any of them fail. */
function fakeKafka() {
  const log: string[] = [];
  let sessions = 0;
  let running = 0;
  let overlapped = false;
  const control = { fail: false, dropPartition: undefined as number | undefined };
  const kafka = {
    admin: () => ({
      connect: async () => undefined,
      disconnect: async () => undefined,
      fetchTopicMetadata: async () => ({ topics: [{ partitions: [{}, {}, {}] }] }),
    }),
    producer: () => {
      const id = ++sessions;
      return {
        connect: async () => void log.push(`connect ${id}`),
        disconnect: async () => void log.push(`disconnect ${id}`),
        send: async (r: ProducerRecord) => {
          running++;
          overlapped ||= running > 1;
          await new Promise((resolve) => setTimeout(resolve, 5));
          running--;
          if (control.fail) {
            control.fail = false;
            throw new Error('Request Produce timed out');
          }
          log.push(`send ${id} ${r.messages[0]?.value}`);
          // One answer per partition sent to, as Kafka gives; kafkajs's bug leaves one out.
          const partitions = new Set(r.messages.map((m) => m.partition as number));
          return [...partitions]
            .filter((p) => p !== control.dropPartition)
            .map((partition) => ({ topicName: r.topic, partition, errorCode: 0 }));
        },
      };
    },
  } as unknown as Kafka;
  return { kafka, log, control, overlapped: () => overlapped };
}

const record = (value: string) => ({ topic: 't', acks: -1, messages: [{ value }] });

describe('IdempotentProducer', () => {
  it('sends one at a time, in the order they were asked for', async () => {
    const f = fakeKafka();
    const producer = createProducer(f.kafka);
    await producer.connect();
    await Promise.all(['a', 'b', 'c'].map((v) => producer.send(record(v))));
    expect(f.overlapped()).toBe(false);
    expect(f.log).toEqual(['connect 1', 'send 1 a', 'send 1 b', 'send 1 c']);
  });

  it('after a failed send, starts a new session before the next send and closes the old one', async () => {
    const f = fakeKafka();
    const producer = createProducer(f.kafka);
    await producer.connect();
    f.control.fail = true;
    await expect(producer.send(record('lost'))).rejects.toThrow('timed out');
    await producer.send(record('next'));
    await producer.send(record('again'));
    expect(f.log).toEqual(['connect 1', 'connect 2', 'disconnect 1', 'send 2 next', 'send 2 again']);
  });

  it('places every message on its partition (murmur2 of the key) and fails a send acknowledged without one of them', async () => {
    const f = fakeKafka();
    const producer = createProducer(f.kafka);
    await producer.connect();
    const keyed = {
      topic: 't',
      acks: -1,
      messages: ['a', 'b', 'c', 'd', 'e', 'f'].map((key) => ({ key, value: key })),
    };
    const result = await producer.send(keyed);
    const used = result.map((r) => r.partition).sort();
    expect(used.length).toBeGreaterThan(1);

    f.control.dropPartition = used[0];
    await expect(producer.send(keyed)).rejects.toThrow(`without writing to t[${used[0]}]`);
    f.control.dropPartition = undefined;
    await producer.send(record('next'));
    expect(f.log.slice(-4)).toEqual(['send 1 a', 'connect 2', 'disconnect 1', 'send 2 next']);
  });

  it('refuses sends once disconnected, after letting queued ones finish', async () => {
    const f = fakeKafka();
    const producer = createProducer(f.kafka);
    await producer.connect();
    const queued = producer.send(record('queued'));
    await producer.disconnect();
    await queued;
    await expect(producer.send(record('late'))).rejects.toThrow('disconnected');
    expect(f.log).toEqual(['connect 1', 'send 1 queued', 'disconnect 1']);
  });
});
