import {
  authEnv,
  httpAppEnv,
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
  ...httpAppEnv,
  ...authEnv,
  PORT: port(9102),
  /** Base of the links handed out (delegation links), as clients reach this service. */
  PUBLIC_BASE_URL: z.string().url().default('http://127.0.0.1:9102'),
  /** B5: how long a delegation link stays usable. */
  BINDINGS_DELEGATION_TTL_HOURS: positiveInt(24),
  /** Bind attempts per identity per minute (self-bind, bind again, delegations). */
  BINDINGS_BIND_ATTEMPTS_PER_MINUTE: positiveInt(10),
  /** A registry file loaded at start-up (the demo's sample); empty for none. */
  BINDINGS_REGISTRY_FILE: z.string().default(''),
});

export type BindingsConfig = z.infer<typeof schema>;

export function loadConfig(env: Record<string, string | undefined>): BindingsConfig {
  return parseConfig(schema, env);
}
