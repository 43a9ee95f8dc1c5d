/** Where a dependency came from: environment variable, testcontainers, or this machine. */
export type KafkaMode = 'env' | 'container' | 'local';
export type ServerMode = 'env' | 'container' | 'local';

/** Serializable description of the test infrastructure, decided once per run by the global setup. */
export interface Infra {
  kafkaBrokers: string[];
  /** Apache Kafka version of a broker this run started (local or container); unknown for KAFKA_BROKERS. */
  kafkaVersion?: string;
  databaseUrl: string;
  redisUrl: string;
  mode: { kafka: KafkaMode; postgres: ServerMode; redis: ServerMode };
  /**
   * Starts the ids of this test run's isolations (isolate.ts), so that the run's
   * Redis keys can be deleted when it ends, leaving other runs' keys alone.
   */
  runTag?: string;
}

export const INFRA_KEY = 'safewatchInfra';

declare module 'vitest' {
  export interface ProvidedContext {
    safewatchInfra: Infra;
  }
}

/** How benchmarks name the broker they ran on, e.g. "Apache Kafka 4.3.2, local, 1 broker". */
export function describeKafka(infra: Pick<Infra, 'mode' | 'kafkaVersion' | 'kafkaBrokers'>): string {
  const brokers = `${infra.kafkaBrokers.length} broker${infra.kafkaBrokers.length === 1 ? '' : 's'}`;
  if (infra.mode.kafka === 'env') return `KAFKA_BROKERS (${brokers})`;
  return `Apache Kafka ${infra.kafkaVersion ?? '?'}, ${infra.mode.kafka}, ${brokers}`;
}
