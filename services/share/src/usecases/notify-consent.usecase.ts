import { subscriptionProblem } from '../adapters/webpush.sender.js';
import { ShareRefusal } from '../domain/errors.js';
import { type Channel, NOTIFICATION_KINDS, type NotificationKind } from '../domain/notify.rules.js';
import type { NotificationChoices, WebPushOptIn, WechatConsent } from '../domain/notify.schema.js';
import type { ShareDeps } from './deps.js';
import { viewerShare } from './viewer.usecase.js';

/**
 * X8 opt-in: the claimed viewer of a valid share chooses which notifications
 * he gets, per channel. Only he may (the view's refusals otherwise), and his
 * choices end with the share (a trigger deletes them when it ends).
 */

/** What this deployment offers. */
export interface NotifyChannels {
  /** Web Push: the VAPID public key, or null when not offered. */
  vapidPublicKey: string | null;
  /** Accept push services on http://127.0.0.1 (tests, the demo). */
  allowLocalPush: boolean;
  /** WeChat: the subscription template of each kind (empty: not offered). */
  wechatTemplates: Partial<Record<NotificationKind, string>>;
}

const wechatOffered = (c: NotifyChannels) => Object.keys(c.wechatTemplates).length > 0;

function unavailable(channel: Channel): ShareRefusal {
  return new ShareRefusal(
    'NOTIFY_CHANNEL_UNAVAILABLE',
    channel === 'WEB_PUSH'
      ? 'Browser notifications are not offered by this service.'
      : 'WeChat notifications are not offered by this service.',
  );
}

export async function notificationChoices(
  deps: ShareDeps,
  channels: NotifyChannels,
  token: string,
  viewerId: string,
): Promise<NotificationChoices> {
  const share = await viewerShare(deps, token, viewerId, false);
  const chosen = await deps.repos.notify.choicesOf(deps.pool, share.shareId);
  const of = (channel: Channel) => {
    const c = chosen.find((x) => x.channel === channel);
    return { subscribed: c !== undefined, refused: c?.refused ?? false, kinds: c?.kinds ?? [] };
  };
  return {
    kinds: [...NOTIFICATION_KINDS],
    webPush: {
      available: channels.vapidPublicKey !== null,
      vapidPublicKey: channels.vapidPublicKey,
      ...of('WEB_PUSH'),
    },
    wechat: {
      available: wechatOffered(channels),
      templates: { ...channels.wechatTemplates },
      ...of('WECHAT'),
    },
  };
}

/** The page's opt-in: the browser's push subscription and the kinds chosen (none: opted out). */
export async function optInWebPush(
  deps: ShareDeps,
  channels: NotifyChannels,
  token: string,
  viewerId: string,
  body: WebPushOptIn,
): Promise<NotificationChoices> {
  if (channels.vapidPublicKey === null) throw unavailable('WEB_PUSH');
  const share = await viewerShare(deps, token, viewerId, false);
  if (body.kinds.length === 0) {
    await deps.repos.notify.removeEndpoint(deps.pool, share.shareId, 'WEB_PUSH');
  } else {
    const problem = subscriptionProblem(body.subscription, channels.allowLocalPush);
    if (problem) throw new ShareRefusal('INVALID_PUSH_SUBSCRIPTION', problem);
    const chosen = new Set<NotificationKind>(body.kinds);
    await deps.repos.notify.saveConsents(deps.pool, {
      shareId: share.shareId,
      channel: 'WEB_PUSH',
      viewerId,
      address: { endpoint: body.subscription.endpoint, keys: body.subscription.keys },
      granted: [...chosen].map((kind) => ({ kind, templateId: null })),
      revoked: NOTIFICATION_KINDS.filter((k) => !chosen.has(k)),
      atMs: deps.now().getTime(),
    });
  }
  return notificationChoices(deps, channels, token, viewerId);
}

/**
 * The mini-program's consent report: wx.requestSubscribeMessage's answer per template.
 * `accept` grants that template's kind; reject, ban and filter withdraw it. Templates not
 * in the report keep their earlier answer.
 */
export async function reportWechatConsent(
  deps: ShareDeps,
  channels: NotifyChannels,
  token: string,
  viewerId: string,
  body: WechatConsent,
): Promise<NotificationChoices> {
  if (!wechatOffered(channels)) throw unavailable('WECHAT');
  const kindOf = new Map(
    Object.entries(channels.wechatTemplates).map(([k, t]) => [t, k as NotificationKind]),
  );
  const granted: { kind: NotificationKind; templateId: string }[] = [];
  const revoked: NotificationKind[] = [];
  for (const [templateId, answer] of Object.entries(body.results)) {
    const kind = kindOf.get(templateId);
    if (!kind)
      throw new ShareRefusal('UNKNOWN_TEMPLATE', 'A template id in the report is not one of this service.');
    if (answer === 'accept') granted.push({ kind, templateId });
    else revoked.push(kind);
  }
  const share = await viewerShare(deps, token, viewerId, false);
  await deps.repos.notify.saveConsents(deps.pool, {
    shareId: share.shareId,
    channel: 'WECHAT',
    viewerId,
    address: { openId: body.openId },
    granted,
    revoked,
    atMs: deps.now().getTime(),
  });
  return notificationChoices(deps, channels, token, viewerId);
}

/** Opts out of a channel altogether. */
export async function optOut(
  deps: ShareDeps,
  token: string,
  viewerId: string,
  channel: Channel,
): Promise<void> {
  const share = await viewerShare(deps, token, viewerId, false);
  await deps.repos.notify.removeEndpoint(deps.pool, share.shareId, channel);
}
