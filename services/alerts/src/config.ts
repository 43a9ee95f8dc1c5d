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
  PORT: port(9103),
  ALERTS_GROUP_ID: z.string().min(1).default('alerts'),
  ALERTS_CHUNK_MESSAGES: positiveInt(5000),
  ALERTS_SESSION_TIMEOUT_MS: positiveInt(30_000),
  ALERTS_FETCH_MAX_WAIT_MS: positiveInt(100),
  /**
   * How often the changed vehicle states are checkpointed to Redis, and only
   * then the offsets of the positions evaluated committed. Longer: fewer
   * states written (a vehicle seen several times in between is written once),
   * more positions evaluated again after a crash.
   */
  ALERTS_CHECKPOINT_MS: positiveInt(2000),
  /** A1: vehicle-class default limit (heavy trucks on expressways), and how long above/below opens/closes an episode. */
  SPEEDING_DEFAULT_LIMIT_KMH: positiveInt(100),
  SPEEDING_MIN_OVER_S: positiveInt(30),
  SPEEDING_MIN_UNDER_S: positiveInt(30),
  SPEEDING_MAX_GAP_S: positiveInt(300),
  /** A file of speed zones (polygons or circles with their own limit); empty for none. */
  SPEED_ZONES_FILE: z.string().default(''),
  /** A2 (defaults: Art. 62 of the Road Traffic Safety Law implementing regulations; daily limit configurable). */
  FATIGUE_MOVING_KMH: positiveInt(5),
  FATIGUE_REST_MIN_S: positiveInt(20 * 60),
  FATIGUE_CONTINUOUS_LIMIT_S: positiveInt(4 * 3600),
  FATIGUE_DAILY_LIMIT_S: positiveInt(8 * 3600),
  FATIGUE_STILL_MAX_M: positiveInt(200),
  /**
   * X6 driving clock: the pre-warning at this much continuous driving (below the
   * continuous limit), and how long a stop lasts before the family sees it as resting
   * (below the rest minimum; shorter stops leave the clock driving).
   */
  FATIGUE_PREWARNING_S: positiveInt(3.5 * 3600),
  FATIGUE_CLOCK_STOP_S: positiveInt(5 * 60),
  /** X1: the 司机之家 rest-stop registry, and how far ahead a fatigue alert looks. */
  REST_STOPS_FILE: z.string().default(''),
  REST_STOPS_MAX_DISTANCE_M: positiveInt(80_000),
  /** A3: remind this many days before expiry. */
  CERT_REMINDER_DAYS: positiveInt(30),
});

export type AlertsConfig = z.infer<typeof schema>;

export function loadConfig(env: Record<string, string | undefined>): AlertsConfig {
  return parseConfig(schema, env);
}
