/**
 * X8 in the fault suite: the WeChat notifications the viewers must get,
 * computed before anything runs from the plan's alerts as the notification
 * rules say (episode starts detected by our rules, not platform-only alarms;
 * only those after the viewer's consent; one per episode and viewer), and
 * what the WeChat stand-in delivered and the outbox holds against them.
 */
import type { DeliveredMessage } from '@safewatch/testkit';
import type pg from 'pg';
import {
  episodeIdOf,
  type NotificationKind,
  notificationKey,
  wechatTemplateData,
} from '../services/share/src/domain/notify.rules.js';
import type { Plan } from './plan.js';

/** The notification kind of each alert kind whose start is told (the pre-warning: the driving clock's). */
const KIND_OF: Readonly<Record<string, NotificationKind>> = {
  SPEEDING: 'SPEEDING',
  FATIGUE_CONTINUOUS: 'FATIGUE',
  FATIGUE_DAILY: 'FATIGUE',
  FATIGUE_PRE_WARNING: 'PRE_WARNING',
};

/** An episode start the notifier hears of, on `alerts` or (pre-warnings) on `driving.clock`. */
export interface NotifiableEpisode {
  vehicleKey: string;
  plateNumber: string;
  kind: NotificationKind;
  episodeId: string;
  atMs: number;
  /** Index of the tick whose fix starts it. */
  tick: number;
}

/** A claimed share's viewer who accepted WeChat subscription messages of every kind. */
export interface Watcher {
  viewerId: string;
  openId: string;
  shareId: string;
  vehicleKey: string;
}

export interface ExpectedNotification extends NotifiableEpisode {
  /** The outbox's idempotency key (channel, viewer, episode). */
  key: string;
  watcher: Watcher;
  templateId: string;
  /** What identifies the message WeChat gets: addressee, template, plate and minute. */
  signature: string;
}

export function notifiableEpisodes(plan: Plan): NotifiableEpisode[] {
  return plan.alerts.flatMap((a) => {
    const kind = KIND_OF[a.kind];
    if (!kind || a.phase !== 'STARTED' || a.source === 'PLATFORM') return [];
    // The driving clock's PRE_WARNING names the stretch of driving by its start.
    const episodeId =
      kind === 'PRE_WARNING'
        ? episodeIdOf(a.vehicleKey, 'PRE_WARNING', Math.max(0, a.drivingSinceMs ?? 0) || a.atMs)
        : episodeIdOf(a.vehicleKey, a.kind, a.episodeStartMs || a.atMs);
    const plateNumber = a.vehicleKey.split(':')[0] as string;
    return [{ vehicleKey: a.vehicleKey, plateNumber, kind, episodeId, atMs: a.atMs, tick: a.tick }];
  });
}

const signature = (touser: string, templateId: string, plate: string, time: string) =>
  `${touser}|${templateId}|${plate}|${time}`;

const signatureOf = (m: DeliveredMessage) =>
  signature(m.touser, m.template_id, m.data.thing1?.value ?? '', m.data.time3?.value ?? '');

/**
 * Per watcher, every episode of the watched truck that starts at or after the consent; the
 * ones before it are counted, not expected (what began before a viewer asked is not news to him).
 */
export function expectedNotifications(
  episodes: NotifiableEpisode[],
  watchers: Watcher[],
  consentAtMs: number,
  templates: Readonly<Record<NotificationKind, string>>,
): { expected: ExpectedNotification[]; beforeConsent: number } {
  const expected: ExpectedNotification[] = [];
  let beforeConsent = 0;
  for (const watcher of watchers) {
    for (const e of episodes) {
      if (e.vehicleKey !== watcher.vehicleKey) continue;
      if (e.atMs < consentAtMs) {
        beforeConsent++;
        continue;
      }
      const templateId = templates[e.kind];
      const { time3 } = wechatTemplateData({ ...e, placeText: null });
      expected.push({
        ...e,
        key: notificationKey(e.episodeId, watcher.viewerId, 'WECHAT'),
        watcher,
        templateId,
        signature: signature(watcher.openId, templateId, e.plateNumber, time3 as string),
      });
    }
  }
  return { expected, beforeConsent };
}

/** How many delivered messages each expected notification's signature got. */
export function deliveredCounts(delivered: DeliveredMessage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of delivered) counts.set(signatureOf(m), (counts.get(signatureOf(m)) ?? 0) + 1);
  return counts;
}

export type OutboxState = 'PENDING' | 'SENDING' | 'SENT' | 'FAILED' | 'DROPPED';

export interface NotificationsCheck {
  expected: number;
  /** Messages the stand-in handled (WeChat accepted). */
  delivered: number;
  /** Delivered beyond one per expected notification. */
  duplicated: number;
  /** Expected, never delivered. */
  lost: number;
  /** Delivered for no expected notification. */
  unexpected: number;
  outbox: Record<OutboxState, number>;
  /** Outbox rows sent more than once by the notifier's count (a lease ran out: a notifier died). */
  resent: number;
  /** Expected keys without an outbox row, and rows for no expected key. */
  outboxMissing: number;
  outboxExtra: number;
  lostSample: string[];
  extraSample: string[];
}

export async function outboxRows(
  db: pg.Pool,
): Promise<{ key: string; state: OutboxState; attempts: number }[]> {
  return (
    await db.query<{ key: string; state: OutboxState; attempts: number }>(
      "SELECT key, state, attempts FROM notify_outbox WHERE channel = 'WECHAT'",
    )
  ).rows;
}

/** Maps each delivered message back to the expected notification (outbox key) it is for. */
export async function checkNotifications(
  db: pg.Pool,
  delivered: DeliveredMessage[],
  expected: ExpectedNotification[],
): Promise<NotificationsCheck> {
  const rows = await outboxRows(db);
  const outbox: Record<OutboxState, number> = { PENDING: 0, SENDING: 0, SENT: 0, FAILED: 0, DROPPED: 0 };
  for (const r of rows) outbox[r.state]++;
  const expectedKeys = new Set(expected.map((n) => n.key));
  const stored = new Set(rows.map((r) => r.key));

  const wanted = new Map<string, ExpectedNotification[]>();
  for (const n of expected) wanted.set(n.signature, [...(wanted.get(n.signature) ?? []), n]);
  const got = deliveredCounts(delivered);
  let duplicated = 0;
  let lost = 0;
  let unexpected = 0;
  const lostSample: string[] = [];
  const extraSample: string[] = [];
  for (const [sig, ns] of wanted) {
    const n = got.get(sig) ?? 0;
    duplicated += Math.max(0, n - ns.length);
    lost += Math.max(0, ns.length - n);
    if (n < ns.length && lostSample.length < 5) lostSample.push(ns[0]?.key ?? sig);
  }
  for (const [sig, n] of got) {
    if (wanted.has(sig)) continue;
    unexpected += n;
    if (extraSample.length < 5) extraSample.push(sig);
  }
  return {
    expected: expected.length,
    delivered: delivered.length,
    duplicated,
    lost,
    unexpected,
    outbox,
    resent: rows.filter((r) => r.attempts > 1).length,
    outboxMissing: [...expectedKeys].filter((k) => !stored.has(k)).length,
    outboxExtra: rows.filter((r) => !expectedKeys.has(r.key)).length,
    lostSample,
    extraSample,
  };
}

/**
 * The trucks to watch besides the suite's own shares: those whose episodes after the consent
 * fall most often between `fromTick` and `toTick` (where the notifier is killed), then most
 * often overall; none whose alerts depend on late fixes (the expectation stays exact).
 */
export function trucksToWatch(
  plan: Plan,
  episodes: NotifiableEpisode[],
  o: { exclude: string[]; consentAtMs: number; fromTick: number; toTick: number; count: number },
): string[] {
  const score = new Map<string, [number, number]>();
  for (const e of episodes) {
    if (e.atMs < o.consentAtMs || plan.ambiguousVehicles.has(e.vehicleKey)) continue;
    if (o.exclude.includes(e.plateNumber)) continue;
    const s = score.get(e.plateNumber) ?? [0, 0];
    if (e.tick >= o.fromTick && e.tick <= o.toTick) s[0]++;
    s[1]++;
    score.set(e.plateNumber, s);
  }
  return [...score]
    .sort(([pa, a], [pb, b]) => b[0] - a[0] || b[1] - a[1] || pa.localeCompare(pb))
    .slice(0, o.count)
    .map(([plate]) => plate);
}

/** Notifications a notifier took for sending at most `withinMs` ago and has not settled: sends in flight. */
export async function justTaken(
  db: pg.Pool,
  leaseSeconds: number,
  withinMs: number,
): Promise<{ key: string; attempts: number; ageMs: number }[]> {
  const r = await db.query<{ key: string; attempts: number; age_ms: number }>(
    `SELECT key, attempts,
            (extract(epoch FROM clock_timestamp() - (lease_until - make_interval(secs => $1::float8))) * 1000)::int AS age_ms
       FROM notify_outbox
      WHERE state = 'SENDING'
        AND lease_until - make_interval(secs => $1::float8) > clock_timestamp() - make_interval(secs => $2::float8 / 1000)`,
    [leaseSeconds, withinMs],
  );
  return r.rows.map((x) => ({ key: x.key, attempts: x.attempts, ageMs: x.age_ms }));
}
