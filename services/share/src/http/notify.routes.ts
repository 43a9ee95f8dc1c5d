import {
  type FastifyInstance,
  perIpRateLimit,
  principalOf,
  problemResponses,
  requireRole,
} from '@safewatch/common';
import {
  type NotificationChoices,
  NotificationChoicesSchema,
  type WebPushOptIn,
  WebPushOptInSchema,
  type WechatConsent,
  WechatConsentSchema,
} from '../domain/notify.schema.js';
import type { ShareDeps } from '../usecases/deps.js';
import {
  type NotifyChannels,
  notificationChoices,
  optInWebPush,
  optOut,
  reportWechatConsent,
} from '../usecases/notify-consent.usecase.js';
import { call, perTokenRateLimit, SHARE_RATE_LIMITS, tokenParams, VIEWER_ROLES } from './share.routes.js';

const REFUSALS =
  "SHARE_CLAIMED: opened by someone else; SHARE_OWN_LINK: the caller is the link's own driver; FORBIDDEN: neither a family nor a driver token";
const VIEWER_PROBLEMS = {
  403: REFUSALS,
  404: 'NOT_FOUND: no such share link, or not claimed yet',
  410: 'SHARE_ENDED: 车辆动态已结束',
  429: 'RATE_LIMITED: too many requests from this IP or for this link',
};
const choices = { 200: NotificationChoicesSchema, ...problemResponses(VIEWER_PROBLEMS) };
const changed = {
  ...choices,
  ...problemResponses({
    400: 'VALIDATION; INVALID_PUSH_SUBSCRIPTION: the push subscription cannot be used; UNKNOWN_TEMPLATE: a template id not of this service',
    409: 'NOTIFY_CHANNEL_UNAVAILABLE: this service does not offer the channel',
  }),
};
const removed = {
  204: { description: 'Opted out: no notification on this channel any more', type: 'null' },
  ...problemResponses(VIEWER_PROBLEMS),
};

/**
 * X8: the claimed viewer's notification choices (services/share/API.md).
 * GET the choices; PUT web-push (the page) or wechat (the mini-program's
 * consent report); DELETE a channel to opt out of it.
 */
export async function notifyRoutes(
  app: FastifyInstance,
  { deps, channels }: { deps: ShareDeps; channels: NotifyChannels },
): Promise<void> {
  const viewer = requireRole(...VIEWER_ROLES);
  const limits = {
    onRequest: viewer,
    preHandler: perTokenRateLimit(app, 'notify', SHARE_RATE_LIMITS.notify.perToken),
    config: { rateLimit: perIpRateLimit(SHARE_RATE_LIMITS.notify.perIp, SHARE_RATE_LIMITS.timeWindow) },
  };
  type Token = { Params: { token: string } };

  app.get<Token>(
    '/v1/shares/:token/notifications',
    { ...limits, exposeHeadRoute: false, schema: { params: tokenParams, response: choices } },
    async (req): Promise<NotificationChoices> =>
      call(() => notificationChoices(deps, channels, req.params.token, principalOf(req).sub)),
  );

  app.put<Token & { Body: WebPushOptIn }>(
    '/v1/shares/:token/notifications/web-push',
    { ...limits, schema: { params: tokenParams, body: WebPushOptInSchema, response: changed } },
    async (req): Promise<NotificationChoices> =>
      call(() => optInWebPush(deps, channels, req.params.token, principalOf(req).sub, req.body)),
  );

  app.put<Token & { Body: WechatConsent }>(
    '/v1/shares/:token/notifications/wechat',
    { ...limits, schema: { params: tokenParams, body: WechatConsentSchema, response: changed } },
    async (req): Promise<NotificationChoices> =>
      call(() => reportWechatConsent(deps, channels, req.params.token, principalOf(req).sub, req.body)),
  );

  for (const [path, channel] of [
    ['web-push', 'WEB_PUSH'],
    ['wechat', 'WECHAT'],
  ] as const)
    app.delete<Token>(
      `/v1/shares/:token/notifications/${path}`,
      { ...limits, schema: { params: tokenParams, response: removed } },
      async (req, reply) => {
        await call(() => optOut(deps, req.params.token, principalOf(req).sub, channel));
        return reply.code(204).send();
      },
    );
}
