import {
  httpEnv,
  kafkaEnv,
  logEnv,
  parseConfig,
  port,
  positiveInt,
  postgresEnv,
  redisEnv,
  tracingEnv,
  z,
} from '@safewatch/common';

const schema = z.object({
  ...logEnv,
  ...kafkaEnv,
  ...postgresEnv,
  ...redisEnv,
  ...httpEnv,
  ...tracingEnv,
  PORT: port(9101),
  INGEST_GROUP_ID: z.string().min(1).default('ingest'),
  /** A chunk of raw messages closes at this many bytes (~10k positions at 512 KiB). */
  INGEST_CHUNK_BYTES: positiveInt(512 * 1024),
  INGEST_PARTITIONS_CONCURRENTLY: positiveInt(2),
  INGEST_FETCH_MAX_WAIT_MS: positiveInt(200),
  /** A crashed instance's partitions move to the others after this long. */
  INGEST_SESSION_TIMEOUT_MS: positiveInt(30_000),
  /** SPEC §5: GNSS time this far in the future is rejected. */
  INGEST_FUTURE_TOLERANCE_S: positiveInt(300),
  /** Physical speed bound for trucks, km/h. */
  INGEST_MAX_SPEED_KMH: positiveInt(250),
  /** A batch with more positions is rejected whole (BATCH_TOO_LARGE): platforms send hundreds. */
  INGEST_MAX_POSITIONS_PER_BATCH: positiveInt(10_000),
});

export type IngestConfig = z.infer<typeof schema>;

export function loadConfig(env: Record<string, string | undefined>): IngestConfig {
  return parseConfig(schema, env);
}
