/**
 * The one place that imports kafkajs. Services use these factories and the
 * re-exported types, so that a maintained client with the same API (the KafkaJS
 * API of @confluentinc/kafka-javascript, or @platformatic/kafka) can replace
 * kafkajs here without touching service code.
 */
import {
  Kafka,
  type KafkaConfig,
  type Producer as KafkaJSProducer,
  type LogEntry,
  logLevel,
  Partitioners,
  type ProducerConfig,
} from 'kafkajs';
import type { Logger } from '../logger.js';
import { applyCoordinatorFix } from './coordinator-fix.js';

// Before any consumer exists: offset commits follow the group's coordinator when it moves.
applyCoordinatorFix();

export type {
  Admin,
  Consumer,
  ConsumerConfig,
  EachBatchPayload,
  IHeaders,
  Kafka,
  KafkaMessage,
  Message,
  PartitionMetadata,
  ProducerBatch,
  ProducerConfig,
  ProducerRecord,
  RecordMetadata,
} from 'kafkajs';
export { CompressionTypes } from 'kafkajs';

/**
 * What services use of a producer. createProducer's IdempotentProducer and a
 * plain kafkajs producer both fit, so tests and tools can use either.
 */
export type Producer = Pick<KafkaJSProducer, 'connect' | 'disconnect' | 'send' | 'sendBatch'>;

export interface KafkaClientConfig {
  brokers: string[];
  clientId: string;
  logger: Logger;
  /** Connection retries before a call gives up (kafkajs default 5). */
  retries?: number;
  /** How long a request may wait for its answer (kafkajs default 30 s). */
  requestTimeoutMs?: number;
}

/**
 * kafkajs warns at every idempotent producer it creates with bounded retries
 * (PRODUCER_RETRIES). The risk it warns of, a later send taking the sequence
 * numbers of a failed one that the broker did store, is what
 * IdempotentProducer removes by starting a new session after a failed send.
 */
const EXPECTED_WARNINGS = new Set([
  'Limiting retries for the idempotent producer may invalidate EoS guarantees',
]);

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
    ...(cfg.requestTimeoutMs ? { requestTimeout: cfg.requestTimeoutMs } : {}),
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log: entry }: LogEntry) => {
        const { message, timestamp: _t, logger: _l, ...rest } = entry;
        if (EXPECTED_WARNINGS.has(message)) return;
        log[LEVELS[level] ?? 'info'](rest, message);
      },
  };
  return new Kafka(config);
}

/**
 * Retries of one send inside kafkajs. Its default for an idempotent producer
 * is unbounded: a send would never fail while a partition has no leader or a
 * broker hangs, so the chunk in hand would hold a graceful shutdown past its
 * deadline and the step would never report the outage (readiness stays up).
 * A few retries absorb a leader move or a dropped connection; past them the
 * send fails, and the consumer's step retry (back-off, heartbeats, readiness
 * down) takes over. Redelivered chunks are published again, and every
 * consumer dedupes by idempotency key, so a failed send costs at most a
 * duplicate. With the client's connection retries (createKafka), a send to a
 * broker that refuses connections fails after about 30 s.
 */
export const PRODUCER_RETRIES = 3;

/**
 * Producer options every service uses: idempotent (the broker drops a batch
 * that a retry sends twice; it requires acks=all, i.e. acks: -1 on every
 * send, which kafkajs enforces), bounded retries (PRODUCER_RETRIES), the
 * Java-compatible murmur2 partitioner (so keys land where other clients
 * expect), no auto-created topics. Services build their producer with
 * createProducer(), which adds what kafkajs lacks for concurrent sends.
 */
export function producerConfig(extra: ProducerConfig = {}): ProducerConfig {
  return {
    createPartitioner: keyCachingPartitioner,
    allowAutoTopicCreation: false,
    idempotent: true,
    retry: { retries: PRODUCER_RETRIES },
    ...extra,
  };
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
  // One map per partition count, keyed by the key itself (no string built per message).
  const caches = new Map<number, Map<string, number>>();
  return (args: PartitionerArgs): number => {
    const { message, partitionMetadata } = args;
    if (message.partition !== undefined && message.partition !== null) return message.partition;
    if (typeof message.key !== 'string') return partition(args);
    let cache = caches.get(partitionMetadata.length);
    if (!cache) {
      cache = new Map();
      caches.set(partitionMetadata.length, cache);
    }
    let chosen = cache.get(message.key);
    if (chosen === undefined) {
      chosen = partition(args);
      if (cache.size >= PARTITION_CACHE_MAX) cache.clear();
      cache.set(message.key, chosen);
    }
    return chosen;
  };
}
