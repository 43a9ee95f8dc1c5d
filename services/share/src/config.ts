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
import { NOTIFICATION_KINDS } from './domain/notify.rules.js';

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
  /** X5: AMap Web service key for places in words; empty: the offline places only. */
  SHARE_AMAP_KEY: z.string().default(''),
  /** X5: the AMap web service's base URL (a local fake in tests); empty: AMap's own. */
  SHARE_AMAP_URL: z.string().default(''),
  /** X5: requests per second the AMap key may make (over it, the offline words). */
  SHARE_AMAP_PER_SECOND: positiveInt(3),
  /** X7: how long a vehicle's track of today is kept in memory, seconds (0: not kept). */
  SHARE_TRACK_CACHE_SECONDS: z.coerce.number().int().min(0).default(30),
  /** X7: memory for the kept tracks, MiB (least recently read go first; a day's track is ~60 KB). */
  SHARE_TRACK_CACHE_MB: positiveInt(64),
  /** Open streams per client address, whatever the viewer tokens (set TRUST_PROXY behind a load balancer). */
  SHARE_STREAM_MAX_PER_IP: positiveInt(100),
  /** X8 Web Push: the VAPID public key (base64url) the page subscribes with; empty: no Web Push. */
  SHARE_VAPID_PUBLIC_KEY: z.string().default(''),
  /** X8 Web Push: the VAPID private key (base64url); the notifier only. */
  SHARE_VAPID_PRIVATE_KEY: z.string().default(''),
  /** X8 Web Push: the contact push services may write to (mailto: or https:). */
  SHARE_VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:)/)
    .default('mailto:safewatch@localhost'),
  /** X8 Web Push: accept push subscriptions on http://127.0.0.1 or localhost (a local push service: tests, the demo). */
  SHARE_PUSH_ALLOW_LOCAL: bool(false),
  /** X8 WeChat: the mini-program's AppID; empty: no WeChat notifications. */
  SHARE_WECHAT_APP_ID: z.string().default(''),
  /** X8 WeChat: the mini-program's AppSecret (the notifier only). */
  SHARE_WECHAT_APP_SECRET: z.string().default(''),
  /** X8 WeChat: the server API's base URL (a local stand-in in tests and `npm start`); empty: WeChat's own. */
  SHARE_WECHAT_URL: z.string().default(''),
  /** X8 WeChat: subscription templates per kind, `PRE_WARNING=id,FATIGUE=id,SPEEDING=id,OFFLINE=id`. */
  SHARE_WECHAT_TEMPLATES: z
    .string()
    .default('')
    .transform((raw, ctx) => {
      const out: Partial<Record<(typeof NOTIFICATION_KINDS)[number], string>> = {};
      for (const part of raw
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const [kind, id] = part.split('=').map((p) => p.trim());
        if (!kind || !id || !(NOTIFICATION_KINDS as readonly string[]).includes(kind)) {
          ctx.addIssue({
            code: 'custom',
            message: `"${part}" is not KIND=templateId (kinds: ${NOTIFICATION_KINDS.join(', ')})`,
          });
          return z.NEVER;
        }
        out[kind as (typeof NOTIFICATION_KINDS)[number]] = id;
      }
      return out;
    }),
  /** X8 WeChat: the mini-program page a notification opens. */
  SHARE_WECHAT_PAGE: z.string().default('pages/share/view'),
  /** X8 WeChat: which version of the mini-program a notification opens. */
  SHARE_WECHAT_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
  /** X8: the notifier's consumer groups (…-alerts, …-clock). */
  SHARE_NOTIFY_GROUP_ID: z.string().min(1).default('share-notifier'),
  /** X8: no second notification of a kind to a viewer of a share this soon, seconds. */
  SHARE_NOTIFY_COOLDOWN_SECONDS: z.coerce.number().int().min(0).default(1800),
  /** X8: an episode heard of later than this after it began is not sent, seconds. */
  SHARE_NOTIFY_MAX_AGE_SECONDS: positiveInt(900),
  /** X8: attempts of a send failing transiently before it is given up. */
  SHARE_NOTIFY_MAX_ATTEMPTS: positiveInt(8),
  /** X8: sends in flight at once per notifier. */
  SHARE_NOTIFY_CONCURRENCY: positiveInt(16),
  /** X8: a taken notification is one notifier's for this long, seconds (then another may send it). */
  SHARE_NOTIFY_LEASE_SECONDS: positiveInt(30),
  /** X8: the notifier's Kafka session timeout: how soon a notifier that died gives its partitions to another. */
  SHARE_NOTIFY_SESSION_TIMEOUT_MS: positiveInt(30_000),
  /** X8: how often the notifier looks for trucks silent for 30 minutes, seconds. */
  SHARE_NOTIFY_OFFLINE_SCAN_SECONDS: positiveInt(60),
});

export type ShareConfig = z.infer<typeof schema>;

export function loadConfig(env: Record<string, string | undefined>): ShareConfig {
  return parseConfig(schema, env);
}
