import { type LocalKafka, startLocalKafka, waitFor } from '@safewatch/testkit';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKafka, createProducer, createTopicsReady, type Kafka, sleep } from '../../src/index.js';
import {
  committed,
  highWatermarks,
  processedCounts,
  readTopic,
  recordingConsumer,
  type Seen,
} from './helpers.js';

/**
 * On a 3-node cluster of the file's own (the broker of the other test files
 * is left alone):
 *
 * A group's offset commits follow its coordinator when the node holding it
 * dies, and fetching skips a dead partition leader until its partitions move
 * (packages/common/src/kafka/coordinator-fix.ts). Without the correction
 * kafkajs keeps committing and heartbeating to the dead node until its retries
 * run out, and crashes the consumer, which rejoins up to a minute later.
 *
 * A send during which partition leaders move stores all it acknowledges
 * (packages/common/src/kafka/placement.ts): kafkajs alone can acknowledge a
 * send whose messages for one partition it never wrote.
 */
let cluster: LocalKafka;
let kafka: Kafka;
const kafkaLog: string[] = [];

/** Kafka's abs(groupId.hashCode()) % partitions of __consumer_offsets: the leader of that partition coordinates the group. */
function offsetsPartition(groupId: string, partitions: number): number {
  let h = 0;
  for (let i = 0; i < groupId.length; i++) h = (Math.imul(31, h) + groupId.charCodeAt(i)) | 0;
  return Math.abs(h) % partitions;
}

async function coordinatorOf(groupId: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { topics } = await admin.fetchTopicMetadata({ topics: ['__consumer_offsets'] });
    const partitions = topics[0]?.partitions ?? [];
    const p = partitions.find((x) => x.partitionId === offsetsPartition(groupId, partitions.length));
    if (!p) throw new Error('no __consumer_offsets partition for the group');
    return p.leader;
  } finally {
    await admin.disconnect();
  }
}

beforeAll(async () => {
  cluster = await startLocalKafka({ nodes: 3, name: 'kafka-coordinator-test' });
  const logger = pino(
    { level: process.env.KLOG ?? 'warn' },
    { write: (line: string) => void kafkaLog.push(line) },
  );
  kafka = createKafka({ brokers: cluster.brokers, clientId: 'coordinator-test', logger });
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
});

describe('a consumer group whose coordinator node is killed', () => {
  it('commits to the new coordinator and goes on consuming, without a crash and rejoin', async () => {
    const admin = kafka.admin();
    await admin.connect();
    await createTopicsReady(admin, {
      topics: [{ topic: 'moving', numPartitions: 3, replicationFactor: 3 }],
    });
    await admin.disconnect();
    const groupId = 'coordinator-move-group';
    const seen: Seen[] = [];
    const { consumer } = recordingConsumer('only', seen, {
      kafka,
      groupId,
      topic: 'moving',
      chunkMessages: 10,
    });
    const producer = createProducer(kafka);
    await producer.connect();
    await consumer.start();

    const acknowledged: string[] = [];
    let sending = true;
    const sender = (async () => {
      for (let n = 0; sending; n++) {
        const value = `m-${n}`;
        while (
          !(await producer.send({ topic: 'moving', acks: -1, messages: [{ key: `k${n % 9}`, value }] }).then(
            () => true,
            () => false,
          ))
        )
          await sleep(200);
        acknowledged.push(value);
        await sleep(10);
      }
    })();
    await waitFor(() => processedCounts(seen).size >= 50, { timeoutMs: 60_000, message: 'consuming' });

    const coordinator = await coordinatorOf(groupId);
    await cluster.nodes[coordinator - 1]?.kill();
    const killedAt = acknowledged.length;
    await waitFor(() => acknowledged.length >= killedAt + 100, {
      timeoutMs: 120_000,
      message: 'the producer sending on the two nodes left',
    });
    sending = false;
    await sender;

    // Everything sent is processed and committed (the commits reached the new coordinator).
    await waitFor(() => acknowledged.every((v) => processedCounts(seen).has(v)), {
      timeoutMs: 120_000,
      message: 'every acknowledged message processed',
    });
    await waitFor(
      async () => {
        const [ends, done] = await Promise.all([
          highWatermarks(kafka, 'moving'),
          committed(kafka, groupId, 'moving'),
        ]);
        return [...ends].every(([p, end]) => done.get(p) === end);
      },
      { timeoutMs: 120_000, message: 'offsets committed to the end' },
    );
    await consumer.stop();
    await producer.disconnect();

    expect(await coordinatorOf(groupId)).not.toBe(coordinator);
    const crashes = kafkaLog.filter((l) => /Crash|does not retry|NumberOfRetriesExceeded/.test(l));
    expect(crashes, 'the consumer never crashed to find the new coordinator').toEqual([]);
    await cluster.nodes[coordinator - 1]?.start();
  }, 300_000);
});

describe('sends while partition leaders move', () => {
  it('every acknowledged message is stored, through controlled restarts of two nodes', async () => {
    const admin = kafka.admin();
    await admin.connect();
    await createTopicsReady(admin, {
      topics: [{ topic: 'leaders', numPartitions: 6, replicationFactor: 3 }],
    });
    await admin.disconnect();
    const producer = createProducer(kafka);
    await producer.connect();
    const acknowledged: string[] = [];
    let sending = true;
    const sender = (async () => {
      for (let n = 0; sending; n++) {
        // 60 keys: every partition in every send, so a leader moving mid-send shares it with others.
        const messages = Array.from({ length: 60 }, (_, i) => ({ key: `k${i}`, value: `s${n}-${i}` }));
        // As a consumer step does: the same messages again until a send succeeds.
        while (
          !(await producer.send({ topic: 'leaders', acks: -1, messages }).then(
            () => true,
            () => false,
          ))
        )
          await sleep(100);
        acknowledged.push(...messages.map((m) => m.value));
      }
    })();
    for (const node of [cluster.nodes[1], cluster.nodes[2]]) {
      await waitFor(() => acknowledged.length > 0, { message: 'sending' });
      await node?.stop();
      await sleep(1_000);
      await node?.start();
    }
    const before = acknowledged.length;
    await waitFor(() => acknowledged.length >= before + 600, {
      timeoutMs: 60_000,
      message: 'sending after the restarts',
    });
    sending = false;
    await sender;
    await producer.disconnect();

    const stored = new Set((await readTopic(kafka, 'leaders')).map((m) => m.value?.toString()));
    const lost = acknowledged.filter((v) => !stored.has(v));
    expect(lost, 'acknowledged but not stored').toEqual([]);
  }, 300_000);
});
