import {
  getInfra,
  isolate,
  startDisposablePostgres,
  startDisposableRedis,
  testConsumerTimings,
  waitFor,
} from '@safewatch/testkit';
import { Redis } from 'ioredis';
import { type Consumer, Kafka, type KafkaMessage, logLevel, Partitioners } from 'kafkajs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const infra = getInfra();
const iso = isolate('testkit infra.test');

async function pgQuery<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('kafka', () => {
  const kafka = new Kafka({ clientId: 'testkit-test', brokers: infra.kafkaBrokers, logLevel: logLevel.WARN });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  const consumers: Consumer[] = [];
  let topic = '';

  beforeAll(async () => {
    [topic = ''] = await iso.createTopics(['events'], 2);
    await producer.connect();
  });
  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.disconnect()));
    await producer.disconnect();
  });

  const send = (values: string[]) =>
    producer.send({ topic, messages: values.map((value, i) => ({ key: value, value, partition: i % 2 })) });

  /** A consumer in `groupId` that commits each message it has handled. */
  async function consume(groupId: string, seen: string[]): Promise<Consumer> {
    const consumer = kafka.consumer({ groupId, ...testConsumerTimings });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }: { partition: number; message: KafkaMessage }) => {
        seen.push(message.value?.toString() ?? '');
        await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
      },
    });
    return consumer;
  }

  it('topic is created with the requested partitions under the file prefix', async () => {
    expect(topic).toBe(`${iso.topicPrefix}events`);
    const admin = kafka.admin();
    await admin.connect();
    try {
      const meta = await admin.fetchTopicMetadata({ topics: [topic] });
      expect(meta.topics[0]?.partitions).toHaveLength(2);
    } finally {
      await admin.disconnect();
    }
  });

  it('a second consumer of the group resumes after the committed offsets', async () => {
    const groupId = `${iso.topicPrefix}group`;
    await send(['m1', 'm2', 'm3', 'm4']);

    const first: string[] = [];
    const consumerA = await consume(groupId, first);
    await waitFor(() => first.length >= 4, {
      timeoutMs: 30_000,
      message: 'first consumer to read 4 messages',
    });
    await consumerA.disconnect();
    expect(first.sort()).toEqual(['m1', 'm2', 'm3', 'm4']);

    const admin = kafka.admin();
    await admin.connect();
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    await admin.disconnect();
    const total = committed?.partitions.reduce((sum, p) => sum + Number(p.offset), 0);
    expect(total).toBe(4);

    await send(['m5', 'm6']);
    const second: string[] = [];
    await consume(groupId, second);
    await waitFor(() => second.length >= 2, {
      timeoutMs: 30_000,
      message: 'second consumer to read 2 messages',
    });
    await new Promise((resolve) => setTimeout(resolve, 500)); // any redelivery would show up by now
    expect(second.sort()).toEqual(['m5', 'm6']);
  });
});

describe('postgres schema isolation', () => {
  it('creates, uses and drops the file schema', async () => {
    await iso.createSchema();
    try {
      await pgQuery(iso.databaseUrlWithSchema, 'CREATE TABLE probe (id int)');
      const [row] = await pgQuery<{ schema: string }>(
        iso.databaseUrlWithSchema,
        'SELECT current_schema() AS schema',
      );
      expect(row?.schema).toBe(iso.schema);
      const tables = await pgQuery(
        infra.databaseUrl,
        `SELECT 1 FROM information_schema.tables WHERE table_schema = '${iso.schema}' AND table_name = 'probe'`,
      );
      expect(tables).toHaveLength(1);
    } finally {
      await iso.dropSchema();
    }
    const schemas = await pgQuery(
      infra.databaseUrl,
      `SELECT 1 FROM information_schema.schemata WHERE schema_name = '${iso.schema}'`,
    );
    expect(schemas).toHaveLength(0);
  });
});

describe('redis prefix', () => {
  it('sets and gets a prefixed key', async () => {
    const redis = new Redis(infra.redisUrl);
    try {
      const key = `${iso.redisPrefix}hello`;
      await redis.set(key, 'world', 'EX', 60);
      expect(await redis.get(key)).toBe('world');
      await redis.del(key);
    } finally {
      redis.disconnect();
    }
  });
});

describe('disposable servers', () => {
  it.skipIf(infra.mode.postgres !== 'local')(
    'postgres: stop fails connections, start recovers with data kept',
    async () => {
      const server = await startDisposablePostgres();
      try {
        await pgQuery(server.url, 'CREATE TABLE kept AS SELECT 42 AS v');
        await server.stop();
        await expect(pgQuery(server.url, 'SELECT 1')).rejects.toThrow();
        await server.start();
        expect(await pgQuery(server.url, 'SELECT v FROM kept')).toEqual([{ v: 42 }]);
      } finally {
        await server.close();
      }
    },
  );

  it.skipIf(infra.mode.redis !== 'local')('redis: stop fails commands, start recovers empty', async () => {
    const server = await startDisposableRedis();
    const redis = new Redis(server.url, { maxRetriesPerRequest: 0, retryStrategy: () => 100 });
    redis.on('error', () => {});
    try {
      await redis.set('k', 'v');
      await server.stop();
      await expect(redis.get('k')).rejects.toThrow();
      await server.start();
      await waitFor(async () => (await redis.ping()) === 'PONG', { timeoutMs: 10_000, message: 'reconnect' });
      expect(await redis.get('k')).toBeNull(); // no persistence: a restart starts empty
    } finally {
      redis.disconnect();
      await server.close();
    }
  });
});
