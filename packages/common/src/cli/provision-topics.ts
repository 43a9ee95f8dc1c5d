/**
 * Creates the system's Kafka topics (the explicit provisioning step: services
 * never create topics). Usage:
 *   KAFKA_BROKERS=host:9092 TOPIC_PARTITIONS=12 TOPIC_REPLICATION_FACTOR=3 provision-topics
 * Production's partition count (12) is the default; the replication factor
 * defaults to 1 (a single local broker) and min.insync.replicas follows it
 * (2 of 3).
 */
import { z } from 'zod';
import { ENV_HELP, kafkaEnv, logEnv, parseConfig, positiveInt } from '../config.js';
import { createKafka } from '../kafka/client.js';
import { provisionTopics, topicNames } from '../kafka/topics.js';
import { createLogger } from '../logger.js';
import { parseCliArgs } from './args.js';

parseCliArgs({
  name: 'topics',
  summary: `Creates the system's Kafka topics (services never create topics); topics that exist are left
as they are. min.insync.replicas follows the replication factor (2 of 3).`,
  options: {},
  env: {
    KAFKA_BROKERS: ENV_HELP.KAFKA_BROKERS,
    KAFKA_TOPIC_PREFIX: ENV_HELP.KAFKA_TOPIC_PREFIX,
    TOPIC_PARTITIONS: "partitions per topic (default 12, production's)",
    TOPIC_REPLICATION_FACTOR: 'replicas per partition (default 1: a single local broker)',
    LOG_LEVEL: ENV_HELP.LOG_LEVEL,
  },
});
const cfg = parseConfig(
  z.object({
    ...kafkaEnv,
    ...logEnv,
    TOPIC_PARTITIONS: positiveInt(12),
    TOPIC_REPLICATION_FACTOR: positiveInt(1),
  }),
  process.env,
);
const logger = createLogger('provision-topics', cfg.LOG_LEVEL);

try {
  const kafka = createKafka({ brokers: cfg.KAFKA_BROKERS, clientId: 'provision-topics', logger });
  const created = await provisionTopics(kafka, {
    prefix: cfg.KAFKA_TOPIC_PREFIX,
    partitions: cfg.TOPIC_PARTITIONS,
    replicationFactor: cfg.TOPIC_REPLICATION_FACTOR,
  });
  const all = Object.values(topicNames(cfg.KAFKA_TOPIC_PREFIX));
  logger.info({ created, all }, `topics ready: ${all.join(', ')} (${created.length} created)`);
} catch (err) {
  logger.fatal({ err }, `topic provisioning failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
