/** Where a dependency came from: environment variable, testcontainers, or this machine. */
export type KafkaMode = 'env' | 'container' | 'mock';
export type ServerMode = 'env' | 'container' | 'local';

/** Serializable description of the test infrastructure, decided once per run by the global setup. */
export interface Infra {
  kafkaBrokers: string[];
  /** host:port of the mock broker's control port; set only when Kafka is the librdkafka mock. */
  kafkaMockControl?: string;
  databaseUrl: string;
  redisUrl: string;
  mode: { kafka: KafkaMode; postgres: ServerMode; redis: ServerMode };
}

export const INFRA_KEY = 'safewatchInfra';

declare module 'vitest' {
  export interface ProvidedContext {
    safewatchInfra: Infra;
  }
}
