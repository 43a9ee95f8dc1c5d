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
  /** The kinds this viewer consented to (for WeChat: a template each), with when consent was given. */
  consents: ReadonlyMap<NotificationKind, number>;
  /** The share's validity: notifications stop when it ends or expires. */
  shareExpiresAtMs: number;
  shareEndedAtMs: number | null;
  /** A permanent refusal (WeChat 43101: the user refused) stops the channel. */
  refused: boolean;
}

export type Decision = { send: true; key: string } | { send: false; reason: SkipReason };

export type SkipReason = 'NOT_OPTED_IN' | 'BEFORE_CONSENT' | 'SHARE_ENDED' | 'REFUSED' | 'COOLDOWN';

/**
 * The idempotency key of one notification: the same for a redelivered event or after a restart.
 * The episode id names the vehicle, not the share: a viewer holding two drivers' shares of one
 * truck hears of its episode once.
 */
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
  const grantedAtMs = viewer.consents.get(event.kind);
  if (grantedAtMs === undefined) return { send: false, reason: 'NOT_OPTED_IN' };
  // What began before the viewer asked to hear of it is not news to him (the page shows it).
  if (event.atMs < grantedAtMs) return { send: false, reason: 'BEFORE_CONSENT' };
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

/** The driving being watched: an alert's or a clock event's figures, as the notifier reads them. */
export interface AlertFacts {
  vehicleKey: string;
  plateNumber: string;
  /** Alert type without its prefix: SPEEDING, FATIGUE_CONTINUOUS, … */
  type: string;
  /** STARTED, ENDED, RAISED. */
  phase: string;
  /** DETECTED, PLATFORM, DETECTED_AND_PLATFORM. */
  source: string;
  occurredAtMs: number;
  episodeStartMs: number;
  place: { lat: number; lon: number } | null;
}

export type EventOrSkip =
  | { event: NotifiableEvent; place: { lat: number; lon: number } | null }
  | { skip: 'NOT_NOTIFIED' | 'PLATFORM_ONLY' };

/** The episode's id across shares: the vehicle, the kind and the episode's start. */
export function episodeIdOf(vehicleKey: string, kind: string, startMs: number): string {
  return `${vehicleKey}|${kind}:${startMs}`;
}

/**
 * X8 from an alert record: a fatigue or speeding episode's start. The pre-warning comes
 * from the driving clock (its PRE_WARNING event), so the alert of that type is not used.
 * A platform-only alarm (A4) is not sent: our own figures do not confirm it, and a
 * family called out by a false alarm stops trusting the next one.
 */
export function eventFromAlert(a: AlertFacts): EventOrSkip {
  const kind = NOTIFIED_EPISODES[a.type];
  if (!kind || kind === 'PRE_WARNING' || a.phase !== 'STARTED') return { skip: 'NOT_NOTIFIED' };
  if (a.source === 'PLATFORM') return { skip: 'PLATFORM_ONLY' };
  const startMs = a.episodeStartMs || a.occurredAtMs;
  return {
    event: {
      kind,
      episodeId: episodeIdOf(a.vehicleKey, a.type, startMs),
      plateNumber: a.plateNumber,
      atMs: a.occurredAtMs,
      placeText: null,
    },
    place: a.place,
  };
}

/** X8 from the driving clock (X6): its PRE_WARNING event, once per continuous drive. */
export function eventFromClock(c: {
  vehicleKey: string;
  plateNumber: string;
  event: string;
  occurredAtMs: number;
  drivingSinceMs: number;
}): EventOrSkip {
  if (c.event !== 'PRE_WARNING') return { skip: 'NOT_NOTIFIED' };
  return {
    event: {
      kind: 'PRE_WARNING',
      episodeId: episodeIdOf(c.vehicleKey, 'PRE_WARNING', c.drivingSinceMs || c.occurredAtMs),
      plateNumber: c.plateNumber,
      atMs: c.occurredAtMs,
      placeText: null,
    },
    place: null,
  };
}

export const OFFLINE_AFTER_MS = 30 * 60_000;

/** X8: the truck silent for 30 minutes since its last fix; one notification per such silence. */
export function offlineEvent(
  vehicleKey: string,
  plateNumber: string,
  lastFixMs: number,
  nowMs: number,
): NotifiableEvent | null {
  if (nowMs - lastFixMs < OFFLINE_AFTER_MS) return null;
  return {
    kind: 'OFFLINE',
    episodeId: episodeIdOf(vehicleKey, 'OFFLINE', lastFixMs),
    plateNumber,
    atMs: lastFixMs + OFFLINE_AFTER_MS,
    placeText: null,
  };
}

/**
 * An episode heard of long after it began (a replayed backlog, a notifier down for an hour)
 * is no longer worth a call: the page shows it. OFFLINE is never stale while it lasts.
 */
export function isStale(event: NotifiableEvent, nowMs: number, maxAgeMs: number): boolean {
  return event.kind !== 'OFFLINE' && nowMs - event.atMs > maxAgeMs;
}

const SHORT_WHAT: Record<NotificationKind, string> = {
  PRE_WARNING: '疲劳预警',
  FATIGUE: '疲劳驾驶',
  SPEEDING: '超速',
  OFFLINE: '车辆离线',
};

const ADVICE: Record<NotificationKind, string> = {
  PRE_WARNING: '请提醒司机到服务区休息',
  FATIGUE: '请马上打电话提醒司机休息',
  SPEEDING: '请提醒司机慢一点',
  OFFLINE: '可以打电话问问情况',
};

/** Cuts to `max` characters (WeChat's `thing` values hold at most 20), marking the cut. */
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * The subscription message's keywords. Each template chosen in the mini-program's console has
 * these five, in this order: thing1 车辆 (plate), phrase2 提醒类型 (≤ 5 characters),
 * time3 时间, thing4 地点 (≤ 20 characters), thing5 温馨提示 (≤ 20 characters).
 */
export function wechatTemplateData(event: NotifiableEvent): Record<string, string> {
  const d = new Date(event.atMs + CHINA_UTC_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    thing1: clip(event.plateNumber, 20),
    phrase2: SHORT_WHAT[event.kind],
    time3: `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`,
    thing4: clip(event.placeText ?? '位置见平安守望页面', 20),
    thing5: ADVICE[event.kind],
  };
}
