import {
  authEnv,
  bool,
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
  PORT: port(9104),
  /** Base of the share links handed out (where the family page is served). */
  PUBLIC_BASE_URL: z.string().url().default('http://127.0.0.1:9104'),
  SHARE_GROUP_ID: z.string().min(1).default('share'),
  /** Map tiles for the family page (e.g. an in-house tile server); empty: no tiles, a plain grid. */
  SHARE_TILE_URL: z.string().default(''),
  /** Local demo only: POST /v1/dev/viewer-token hands out family viewer tokens. */
  SHARE_DEV_VIEWER_LOGIN: bool(false),
  SHARE_STREAM_TICK_MS: positiveInt(30_000),
  /** Slots of the stream timer wheel: a period's frames go out in this many ticks (one per second by default). */
  SHARE_STREAM_SLOTS: positiveInt(30),
  SHARE_STREAM_MAX_CONNECTIONS: positiveInt(60_000),
  SHARE_STREAM_MAX_PER_IDENTITY: positiveInt(5),
  /** X7: how long a vehicle's track of today is kept in memory, seconds (0: not kept). */
  /** X5: AMap Web service key for places in words; empty: the offline places only. */
  SHARE_AMAP_KEY: z.string().default(''),
  /** X5: the AMap web service's base URL (a local fake in tests); empty: AMap's own. */
  SHARE_AMAP_URL: z.string().default(''),
  /** X5: requests per second the AMap key may make (over it, the offline words). */
  SHARE_AMAP_PER_SECOND: positiveInt(3),
  SHARE_TRACK_CACHE_SECONDS: z.coerce.number().int().min(0).default(30),
  /** X7: memory for the kept tracks, MiB (least recently read go first; a day's track is ~60 KB). */
  SHARE_TRACK_CACHE_MB: positiveInt(64),
  /** Open streams per client address, whatever the viewer tokens (set TRUST_PROXY behind a load balancer). */
  SHARE_STREAM_MAX_PER_IP: positiveInt(100),
});

export type ShareConfig = z.infer<typeof schema>;

export function loadConfig(env: Record<string, string | undefined>): ShareConfig {
  return parseConfig(schema, env);
}
