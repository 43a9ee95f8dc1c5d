import { randomBytes } from 'node:crypto';
import { createTopicsReady } from '@safewatch/common';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { getInfra } from './infra.js';
import type { Infra } from './types.js';

export interface Isolation {
  id: string;
  label: string;
  /** Prepend to every topic name, e.g. "t3f9a2c01.". */
  topicPrefix: string;
  /** Postgres schema owned by this file, e.g. "t_3f9a2c01". */
  schema: string;
  /** Prepend to every Redis key, e.g. "t3f9a2c01:". */
  redisPrefix: string;
  /** databaseUrl whose sessions land in `schema` (search_path "<schema>,public", as createPgPool does). */
  databaseUrlWithSchema: string;
  /** The prefixed name of a topic. */
  topic(name: string): string;
  /** Creates the prefixed topics (names may be given with or without the prefix); returns the full names. */
  createTopics(names: string[], partitions?: number): Promise<string[]>;
  createSchema(): Promise<void>;
  dropSchema(): Promise<void>;
}

/**
 * Per-test-file namespaces, so files can run in parallel against shared
 * servers. Ids come from random bytes, not from the label, which is only
 * recorded (as the schema comment) to help find leftovers.
 */
export function isolate(label: string, infra: Infra = getInfra()): Isolation {
  const id = `${infra.runTag ?? ''}${randomBytes(4).toString('hex')}`;
  const topicPrefix = `t${id}.`;
  const schema = `t_${id}`;
  const topic = (name: string) => (name.startsWith(topicPrefix) ? name : `${topicPrefix}${name}`);

  const url = new URL(infra.databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema},public`);

  return {
    id,
    label,
    topicPrefix,
    schema,
    redisPrefix: `t${id}:`,
    databaseUrlWithSchema: url.toString(),
    topic,
    async createTopics(names, partitions = 1) {
      const full = names.map(topic);
      await createTopics(infra, full, partitions);
      return full;
    },
    createSchema: () =>
      withPg(infra.databaseUrl, async (c) => {
        await c.query(`CREATE SCHEMA "${schema}"`);
        await c.query(`COMMENT ON SCHEMA "${schema}" IS ${pg.escapeLiteral(`testkit: ${label}`)}`);
      }),
    dropSchema: () => withPg(infra.databaseUrl, (c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)),
  };
}

async function createTopics(infra: Infra, names: string[], partitions: number): Promise<void> {
  const admin = new Kafka({
    clientId: 'testkit',
    brokers: infra.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    await createTopicsReady(admin, {
      topics: names.map((topic) => ({ topic, numPartitions: partitions })),
    });
  } finally {
    await admin.disconnect();
  }
}

async function withPg<T>(databaseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}
