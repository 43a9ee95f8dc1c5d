import { type LocalKafka, startLocalKafka, waitFor } from '@safewatch/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProducer, createTopicsReady, dependencyProbe, type Kafka, sleep } from '../../src/index.js';
import { kafkaFor, processedCounts, readTopic, recordingConsumer, type Seen } from './helpers.js';

/**
 * A broker of this file's own: stopping or freezing it leaves the test files
 * running beside it on the shared broker alone.
 */
let local: LocalKafka;
let kafka: Kafka;

async function createTopic(topic: string, partitions: number): Promise<string> {
  const admin = kafka.admin();
  await admin.connect();
  await createTopicsReady(admin, { topics: [{ topic, numPartitions: partitions }] });
  await admin.disconnect();
  return topic;
}

beforeAll(async () => {
  local = await startLocalKafka({ name: 'kafka-restart-test' });
  // Short request timeout: a frozen broker fails a send within seconds.
  kafka = kafkaFor(local.brokers, 'restart-test', 1_500);
});
afterAll(async () => {
  await local?.stop();
});

describe('against a broker that stops, freezes and comes back', () => {
  it('stores a send made after one whose answer was lost, instead of acknowledging it as a duplicate', async () => {
    const topic = await createTopic('lost-answer', 1);
    const producer = createProducer(kafka);
    await producer.connect();
    const five = (tag: string) => Array.from({ length: 5 }, (_, i) => ({ value: `${tag}-${i}` }));
    await producer.send({ topic, acks: -1, messages: five('before') });

    // Frozen, the broker keeps the requests it was sent and stores them once thawed;
    // the producer has long given up on their answers.
    local.nodes[0]?.freeze();
    const lost = await producer.send({ topic, acks: -1, messages: five('unanswered') }).catch((e) => e);
    local.nodes[0]?.thaw();
    expect(lost).toBeInstanceOf(Error);

    // Same count of messages as the unanswered send: with its sequence numbers
    // the broker would take it for that send again and drop it.
    await producer.send({ topic, acks: -1, messages: five('after') });
    await producer.disconnect();

    const stored = (await readTopic(kafka, topic)).map((m) => m.value?.toString() ?? '');
    expect(stored.filter((v) => v.startsWith('after-'))).toEqual(five('after').map((m) => m.value));
    expect(stored.filter((v) => v.startsWith('before-'))).toHaveLength(5);
  }, 90_000);

  it('consumer and producer resume after a broker restart without a process restart; readiness goes down, then up', async () => {
    const topic = await createTopic('restart', 2);
    const seen: Seen[] = [];
    const { consumer, readiness } = recordingConsumer('only', seen, {
      kafka,
      groupId: 'restart-group',
      topic,
      chunkMessages: 20,
    });
    // As every service wires it: the probe watches the broker between messages.
    const probe = dependencyProbe(readiness, { kafka }, 1_000);
    const producer = createProducer(kafka);
    await producer.connect();
    await probe.start();
    await consumer.start();

    // A sender that, like a consumer step, tries a failed send again until it is stored.
    const acknowledged: string[] = [];
    let sending = true;
    let n = 0;
    const sender = (async () => {
      while (sending) {
        const value = `m-${n++}`;
        for (;;) {
          const ok = await producer.send({ topic, acks: -1, messages: [{ key: `k${n % 7}`, value }] }).then(
            () => true,
            () => false,
          );
          if (ok) break;
          await sleep(200);
        }
        acknowledged.push(value);
        await sleep(20);
      }
    })();

    const processed = () => processedCounts(seen);
    await waitFor(() => readiness.snapshot().kafka === true && processed().size >= 20, {
      timeoutMs: 30_000,
      message: 'consuming before the restart',
    });

    await local.nodes[0]?.stop();
    await waitFor(() => readiness.snapshot().kafka === false, {
      message: 'kafka not ready while the broker is down',
    });
    const ackedWhileDown = acknowledged.length;
    await local.nodes[0]?.start();

    await waitFor(() => readiness.snapshot().kafka === true, {
      timeoutMs: 60_000,
      message: 'kafka ready again',
    });
    await waitFor(() => acknowledged.length >= ackedWhileDown + 20, {
      timeoutMs: 60_000,
      message: 'the producer sending again',
    });
    sending = false;
    await sender;
    await waitFor(() => acknowledged.every((v) => processed().has(v)), {
      timeoutMs: 60_000,
      message: 'every acknowledged message processed',
    });

    await consumer.stop();
    probe.stop();
    await producer.disconnect();
    expect(acknowledged.length).toBeGreaterThan(ackedWhileDown);
  }, 180_000);
});
