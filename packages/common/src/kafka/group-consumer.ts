import type { Logger } from '../logger.js';
import type { Readiness } from '../ops-server.js';
import type { Consumer, Kafka } from './client.js';
import { restartAfterCrash } from './consumer-recovery.js';

export interface GroupConsumerOptions {
  kafka: Kafka;
  groupId: string;
  topic: string;
  sessionTimeoutMs: number;
  fetchMaxWaitMs: number;
  /**
   * Bytes a fetch brings per partition (default 1 MiB). Kafka fills a fetch
   * with whole record batches up to it (at least one), so it sets how many
   * chunks a fetched batch holds; the fetch cycle waits for every partition's
   * batch, so a few chunks keep partitions progressing evenly.
   */
  fetchBytesPerPartition?: number;
  readiness: Readiness;
  logger: Logger;
}

export interface GroupConsumerHooks {
  /** The group (re)assigned partitions: these are ours now. */
  joined: (partitions: number[]) => void;
  /** Subscribes and runs the consumer again after a crash kafkajs does not restart. */
  restart: (consumer: Consumer) => Promise<void>;
  stopping: () => boolean;
}

const MIB = 1024 * 1024;

/**
 * The kafkajs consumer of one topic in a group. Its `kafka` readiness
 * condition follows the membership (up once joined, down on crash, stop or
 * disconnect); crashes kafkajs does not restart are restarted.
 *
 * A fetch's total size (maxBytes) lets every partition bring its share: Kafka
 * fills a fetch in request order and kafkajs always asks in the same order,
 * so a smaller total serves the first partitions' backlog while the last
 * ones wait. Hence the topic's partition count is read first.
 */
export async function createGroupConsumer(
  opts: GroupConsumerOptions,
  hooks: GroupConsumerHooks,
): Promise<Consumer> {
  const { kafka, topic, sessionTimeoutMs, readiness } = opts;
  const admin = kafka.admin();
  await admin.connect();
  const partitions = await admin
    .fetchTopicMetadata({ topics: [topic] })
    .then((m) => m.topics[0]?.partitions.length ?? 1)
    .finally(() => admin.disconnect());
  const perPartition = opts.fetchBytesPerPartition ?? MIB;
  const consumer = kafka.consumer({
    groupId: opts.groupId,
    allowAutoTopicCreation: false,
    sessionTimeout: sessionTimeoutMs,
    heartbeatInterval: Math.min(3_000, Math.floor(sessionTimeoutMs / 3)),
    maxBytesPerPartition: perPartition,
    maxBytes: perPartition * partitions,
    maxWaitTimeInMs: opts.fetchMaxWaitMs,
  });
  const { GROUP_JOIN, CRASH, DISCONNECT, STOP } = consumer.events;
  consumer.on(GROUP_JOIN, (e) => {
    hooks.joined(e.payload.memberAssignment[topic] ?? []);
    readiness.set('kafka', true);
  });
  for (const e of [CRASH, DISCONNECT, STOP]) consumer.on(e, () => readiness.set('kafka', false));
  restartAfterCrash(consumer, () => hooks.restart(consumer), hooks.stopping, opts.logger);
  return consumer;
}
