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
  return { createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false, ...extra };
}
