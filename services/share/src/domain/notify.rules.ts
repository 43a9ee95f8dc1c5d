/**
 * X8: which family notification to send, to whom, and with which words: pure
 * decisions, no I/O (the notifier stores the idempotency keys and sends).
 *
 * - A viewer is notified only of the kinds he opted in to, only while his
 *   share is valid (not ended, not expired) at the event's time.
 * - At most one notification per episode, viewer and channel: the
 *   idempotency key is derived from those three alone, so a redelivered
 *   alert or a restarted notifier computes the same key and the store
 *   refuses the second send.
 * - A cooldown per viewer and kind: a truck hovering at the limit starts
 *   many short episodes; after one notification, the next of the same kind
 *   waits `cooldownMs`.
 * - The message holds nothing the viewer may not already see on the page:
 *   plate, kind, time (China time) and the place in words.
 */

export type NotificationKind = 'PRE_WARNING' | 'FATIGUE' | 'SPEEDING' | 'OFFLINE';
export type Channel = 'WECHAT' | 'WEB_PUSH';

export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'PRE_WARNING',
  'FATIGUE',
  'SPEEDING',
  'OFFLINE',
];

/** The episode kinds of the view (S10) that start a notification, and as which kind. */
export const NOTIFIED_EPISODES: Readonly<Record<string, NotificationKind>> = {
  FATIGUE_PRE_WARNING: 'PRE_WARNING',
  FATIGUE_CONTINUOUS: 'FATIGUE',
  FATIGUE_DAILY: 'FATIGUE',
  SPEEDING: 'SPEEDING',
};

/** Something worth telling the family: an episode's start, or the truck offline for 30 minutes. */
export interface NotifiableEvent {
  kind: NotificationKind;
  /** The episode (S10 episodeId), or for OFFLINE the last fix's time: one notification per such id. */
  episodeId: string;
  plateNumber: string;
  atMs: number;
  /** X5: where, in words; null when unknown. */
  placeText: string | null;
}

export interface ViewerSubscription {
  viewerId: string;
  channel: Channel;
  /** The kinds this viewer consented to (for WeChat: a template each). */
  kinds: ReadonlySet<NotificationKind>;
  /** The share's validity: notifications stop when it ends or expires. */
  shareExpiresAtMs: number;
  shareEndedAtMs: number | null;
  /** A permanent refusal (WeChat 43101: the user refused) stops the channel. */
  refused: boolean;
}

export type Decision =
  | { send: true; key: string }
  | { send: false; reason: 'NOT_OPTED_IN' | 'SHARE_ENDED' | 'REFUSED' | 'COOLDOWN' };

/** The idempotency key of one notification: the same for a redelivered event or after a restart. */
export function notificationKey(episodeId: string, viewerId: string, channel: Channel): string {
  return `${channel}|${viewerId}|${episodeId}`;
}

/** X8: whether `viewer` gets `event`; `lastSentMs` is when he last got one of this kind on this channel. */
export function decide(
  event: NotifiableEvent,
  viewer: ViewerSubscription,
  lastSentMs: number | null,
  cooldownMs: number,
): Decision {
  if (viewer.refused) return { send: false, reason: 'REFUSED' };
  if (!viewer.kinds.has(event.kind)) return { send: false, reason: 'NOT_OPTED_IN' };
  const ended = viewer.shareEndedAtMs !== null && viewer.shareEndedAtMs <= event.atMs;
  if (ended || viewer.shareExpiresAtMs <= event.atMs) return { send: false, reason: 'SHARE_ENDED' };
  if (lastSentMs !== null && event.atMs - lastSentMs < cooldownMs) return { send: false, reason: 'COOLDOWN' };
  return { send: true, key: notificationKey(event.episodeId, viewer.viewerId, viewer.channel) };
}

const CHINA_UTC_OFFSET_MS = 8 * 3600_000;

/** "12月6日 14:05" in China time, whatever the server's zone. */
export function chinaTimeWords(ms: number): string {
  const d = new Date(ms + CHINA_UTC_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

const WHAT: Record<NotificationKind, string> = {
  PRE_WARNING: '连续开车快到规定时间了，请打电话提醒司机停车休息',
  FATIGUE: '疲劳驾驶：连续开车超过规定时间，请打电话提醒司机停车休息',
  SPEEDING: '超速行驶，请提醒司机慢一点',
  OFFLINE: '已经 30 分钟没有收到车辆位置，可以打电话问问情况',
};

/** The message in plain words (large-type friendly): plate, what, when (China time), where. */
export function notificationText(event: NotifiableEvent): { title: string; body: string } {
  const where = event.placeText ? `，地点：${event.placeText}` : '';
  return {
    title: `平安守望：${event.plateNumber}`,
    body: `${WHAT[event.kind]}。时间：${chinaTimeWords(event.atMs)}${where}。`,
  };
}
