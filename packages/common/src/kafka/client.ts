/**
 * The one place that imports kafkajs. Services use these factories and the
 * re-exported types, so that a maintained client with the same API (the KafkaJS
 * API of @confluentinc/kafka-javascript, or @platformatic/kafka) can replace
 * kafkajs here without touching service code.
 */
import { Kafka, type KafkaConfig, type LogEntry, logLevel, Partitioners, type ProducerConfig } from 'kafkajs';
import type { Logger } from '../logger.js';

export type {
  Admin,
  Consumer,
  ConsumerConfig,
  EachBatchPayload,
  IHeaders,
  Kafka,
  KafkaMessage,
  Message,
  Producer,
  ProducerConfig,
  RecordMetadata,
} from 'kafkajs';
export { CompressionTypes } from 'kafkajs';

export interface KafkaClientConfig {
  brokers: string[];
  clientId: string;
  logger: Logger;
  /** Connection retries before a call gives up (kafkajs default 5). */
  retries?: number;
}

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

export function createKafka(cfg: KafkaClientConfig): Kafka {
  const log = cfg.logger.child({ component: 'kafka' });
  const config: KafkaConfig = {
    clientId: cfg.clientId,
    brokers: cfg.brokers,
    retry: { retries: cfg.retries ?? 8, initialRetryTime: 200, maxRetryTime: 10_000 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log: entry }: LogEntry) => {
        const { message, timestamp: _t, logger: _l, ...rest } = entry;
        log[LEVELS[level] ?? 'info'](rest, message);
      },
  };
  return new Kafka(config);
}

/**
 * Producer options every service uses: the Java-compatible murmur2
 * partitioner (so keys land where other clients expect), no auto-created topics.
 */
export function producerConfig(extra: ProducerConfig = {}): ProducerConfig {
  return { createPartitioner: keyCachingPartitioner, allowAutoTopicCreation: false, ...extra };
}

type PartitionerArgs = Parameters<ReturnType<typeof Partitioners.DefaultPartitioner>>[0];

/** Vehicles seen by one instance; beyond this the cache starts over (it is only a shortcut). */
const PARTITION_CACHE_MAX = 500_000;

/**
 * The default (Java-compatible murmur2) partitioner, remembering each string
 * key's choice per partition count: the same trucks report every 30 s, and
 * hashing every key again was a measurable share of the ingest's CPU.
 */
export function keyCachingPartitioner() {
  const partition = Partitioners.DefaultPartitioner();
  const cache = new Map<string, number>();
  return (args: PartitionerArgs): number => {
    const { message, partitionMetadata } = args;
    if (message.partition !== undefined && message.partition !== null) return message.partition;
    if (typeof message.key !== 'string') return partition(args);
    const id = `${partitionMetadata.length}|${message.key}`;
    let chosen = cache.get(id);
    if (chosen === undefined) {
      chosen = partition(args);
      if (cache.size >= PARTITION_CACHE_MAX) cache.clear();
      cache.set(id, chosen);
    }
    return chosen;
  };
}
