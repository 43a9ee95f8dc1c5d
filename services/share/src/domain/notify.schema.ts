/**
 * X8: the viewer's notification choices, as the HTTP answers and bodies (and
 * so /openapi.json) and the page's types.
 */
import { type Static, Type } from '@sinclair/typebox';

const closed = { additionalProperties: false } as const;

export const NotificationKindSchema = Type.Union([
  Type.Literal('PRE_WARNING'),
  Type.Literal('FATIGUE'),
  Type.Literal('SPEEDING'),
  Type.Literal('OFFLINE'),
]);

const channelFields = {
  /** The service offers this channel (configured). */
  available: Type.Boolean(),
  /** The viewer gave an address on it (a push subscription, a WeChat openid). */
  subscribed: Type.Boolean(),
  /** It refused for good (WeChat 43101, the push subscription gone): opt in again to resume. */
  refused: Type.Boolean(),
  /** The kinds the viewer consented to on it. */
  kinds: Type.Array(NotificationKindSchema),
};

export const NotificationChoicesSchema = Type.Object(
  {
    /** Every kind there is: 疲劳预警 (3 h 30 min), 疲劳驾驶, 超速, 离线 30 分钟. */
    kinds: Type.Array(NotificationKindSchema),
    webPush: Type.Object(
      { ...channelFields, vapidPublicKey: Type.Union([Type.String(), Type.Null()]) },
      closed,
    ),
    wechat: Type.Object(
      {
        ...channelFields,
        /** The subscription template of each kind, for wx.requestSubscribeMessage's tmplIds. */
        templates: Type.Record(Type.String(), Type.String()),
      },
      closed,
    ),
  },
  closed,
);
export type NotificationChoices = Static<typeof NotificationChoicesSchema>;

/** PUT …/notifications/web-push: the browser's PushSubscription (toJSON()) and the kinds chosen. */
export const WebPushOptInSchema = Type.Object(
  {
    subscription: Type.Object({
      endpoint: Type.String({ minLength: 1, maxLength: 2048 }),
      expirationTime: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
      keys: Type.Object({
        p256dh: Type.String({ minLength: 1, maxLength: 200 }),
        auth: Type.String({ minLength: 1, maxLength: 100 }),
      }),
    }),
    kinds: Type.Array(NotificationKindSchema, { maxItems: 4, uniqueItems: true }),
  },
  closed,
);
export type WebPushOptIn = Static<typeof WebPushOptInSchema>;

/**
 * PUT …/notifications/wechat: the mini-program's report of wx.requestSubscribeMessage — the
 * viewer's openid and its answer per template id: accept, reject, ban (the user turned
 * subscription messages off) or filter (the template was filtered out).
 */
export const WechatConsentSchema = Type.Object(
  {
    openId: Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' }),
    results: Type.Record(
      Type.String({ maxLength: 128 }),
      Type.Union([
        Type.Literal('accept'),
        Type.Literal('reject'),
        Type.Literal('ban'),
        Type.Literal('filter'),
      ]),
      { minProperties: 1, maxProperties: 20 },
    ),
  },
  closed,
);
export type WechatConsent = Static<typeof WechatConsentSchema>;
