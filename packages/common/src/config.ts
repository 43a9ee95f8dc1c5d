import { z } from 'zod';

export { z };

/**
 * Parses configuration once at start-up. On failure it throws a ConfigError
 * whose message is one line naming every bad variable, so main() can print it
 * and exit (fail fast on wiring).
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseConfig<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined>,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
}

const csv = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string()).min(1));

export const logEnv = {
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
};

export const kafkaEnv = {
  KAFKA_BROKERS: csv.default(['127.0.0.1:9092']),
  KAFKA_CLIENT_ID: z.string().min(1).optional(),
  /** Prepended to every topic name; lets tests and shared clusters isolate topic sets. */
  KAFKA_TOPIC_PREFIX: z.string().default(''),
};

export const postgresEnv = {
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/postgres'),
  /** Schema the service's tables live in (search_path). */
  PG_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'lower-case identifier')
    .default('public'),
  PG_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
};

export const redisEnv = {
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  /** Prepended to every key this service writes. */
  REDIS_KEY_PREFIX: z.string().default('sw:'),
};

/** The variables above as a CLI's --help names them (cliUsage `env`). */
export const ENV_HELP = {
  KAFKA_BROKERS: 'Kafka bootstrap brokers, comma-separated (default 127.0.0.1:9092)',
  KAFKA_TOPIC_PREFIX: 'prepended to every topic name (default none)',
  DATABASE_URL: 'PostgreSQL (default postgres://postgres@127.0.0.1:5432/postgres)',
  PG_SCHEMA: 'schema of the tables (default public)',
  LOG_LEVEL: 'fatal, error, warn, info, debug, trace or silent (default info)',
} as const;

export const httpEnv = {
  HOST: z.string().default('0.0.0.0'),
};

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
export const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
export const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1');
