import { describe, expect, it } from 'vitest';
import {
  chinaTimeWords,
  decide,
  eventFromAlert,
  eventFromClock,
  isStale,
  type NotifiableEvent,
  type NotificationKind,
  notificationKey,
  notificationText,
  offlineEvent,
  type ViewerSubscription,
  wechatTemplateData,
} from './notify.rules.js';

const T = Date.parse('2026-12-06T06:05:00Z'); // 14:05 in China
const MIN = 60_000;
const event = (over: Partial<NotifiableEvent> = {}): NotifiableEvent => ({
  kind: 'FATIGUE',
  episodeId: `FATIGUE_CONTINUOUS:${T - 4 * 3600_000}`,
  plateNumber: '鲁A12345',
  atMs: T,
  placeText: 'G2京沪高速 · 泰安市岱岳区附近',
  ...over,
});
const viewer = (over: Partial<ViewerSubscription> = {}): ViewerSubscription => ({
  viewerId: 'family-1',
  channel: 'WECHAT',
  consents: consents(['PRE_WARNING', 'FATIGUE', 'SPEEDING', 'OFFLINE']),
  shareExpiresAtMs: T + 86_400_000,
  shareEndedAtMs: null,
  refused: false,
  ...over,
});
const COOLDOWN = 30 * MIN;
function consents(kinds: NotificationKind[], grantedAtMs = T - 60 * MIN): Map<NotificationKind, number> {
  return new Map(kinds.map((k) => [k, grantedAtMs]));
}

describe('X8 notification decisions', () => {
  it('X8: sends to an opted-in viewer of a valid share, keyed by episode, viewer and channel', () => {
    expect(decide(event(), viewer(), null, COOLDOWN)).toEqual({
      send: true,
      key: notificationKey(event().episodeId, 'family-1', 'WECHAT'),
    });
  });

  it('X8: the same episode gives the same key (a redelivery or a restart sends nothing twice)', () => {
    const a = decide(event(), viewer(), null, COOLDOWN);
    const b = decide(event({ atMs: T + 5_000 }), viewer(), null, COOLDOWN);
    expect(a).toEqual(b);
    // Another channel or another viewer is another notification.
    expect(notificationKey('e', 'v', 'WECHAT')).not.toBe(notificationKey('e', 'v', 'WEB_PUSH'));
    expect(notificationKey('e', 'v1', 'WECHAT')).not.toBe(notificationKey('e', 'v2', 'WECHAT'));
  });

  it('X8: only the kinds the viewer consented to', () => {
    const speedingOnly = viewer({ consents: consents(['SPEEDING']) });
    expect(decide(event(), speedingOnly, null, COOLDOWN)).toEqual({ send: false, reason: 'NOT_OPTED_IN' });
    expect(decide(event({ kind: 'SPEEDING' }), speedingOnly, null, COOLDOWN).send).toBe(true);
  });

  it('X8: nothing once the share ended or expired (to the millisecond)', () => {
    expect(decide(event(), viewer({ shareEndedAtMs: T }), null, COOLDOWN)).toEqual({
      send: false,
      reason: 'SHARE_ENDED',
    });
    expect(decide(event(), viewer({ shareEndedAtMs: T + 1 }), null, COOLDOWN).send).toBe(true);
    expect(decide(event(), viewer({ shareExpiresAtMs: T }), null, COOLDOWN).send).toBe(false);
    expect(decide(event(), viewer({ shareExpiresAtMs: T + 1 }), null, COOLDOWN).send).toBe(true);
  });

  it('X8: a permanent refusal (WeChat 43101) stops the channel', () => {
    expect(decide(event(), viewer({ refused: true }), null, COOLDOWN)).toEqual({
      send: false,
      reason: 'REFUSED',
    });
  });

  it('X8: a cooldown per viewer and kind, exact at its end', () => {
    expect(decide(event(), viewer(), T - COOLDOWN + 1, COOLDOWN)).toEqual({
      send: false,
      reason: 'COOLDOWN',
    });
    expect(decide(event(), viewer(), T - COOLDOWN, COOLDOWN).send).toBe(true);
  });
});

describe('X8 notification text', () => {
  it('says plate, what, when in China time and where — nothing the page does not show', () => {
    expect(notificationText(event())).toEqual({
      title: '平安守望：鲁A12345',
      body: '疲劳驾驶：连续开车超过规定时间，请打电话提醒司机停车休息。时间：12月6日 14:05，地点：G2京沪高速 · 泰安市岱岳区附近。',
    });
    expect(notificationText(event({ kind: 'OFFLINE', placeText: null })).body).toBe(
      '已经 30 分钟没有收到车辆位置，可以打电话问问情况。时间：12月6日 14:05。',
    );
  });

  it('gives China time whatever the hour in UTC', () => {
    expect(chinaTimeWords(Date.parse('2026-12-31T16:30:00Z'))).toBe('1月1日 00:30');
  });
});

describe('X8 events worth a notification', () => {
  const alert = {
    vehicleKey: '鲁A12345:2',
    plateNumber: '鲁A12345',
    type: 'SPEEDING',
    phase: 'STARTED',
    source: 'DETECTED',
    occurredAtMs: T,
    episodeStartMs: T - 60_000,
    place: { lat: 36.2, lon: 117.1 },
  };

  it('X8: an episode start of our own is one event per vehicle, kind and start', () => {
    const a = eventFromAlert(alert);
    expect('event' in a && a.event).toMatchObject({
      kind: 'SPEEDING',
      episodeId: `鲁A12345:2|SPEEDING:${T - 60_000}`,
    });
    const fatigue = eventFromAlert({ ...alert, type: 'FATIGUE_DAILY', source: 'DETECTED_AND_PLATFORM' });
    expect('event' in fatigue && fatigue.event.kind).toBe('FATIGUE');
  });

  it('X8/A4: no notification for an episode end, a reminder, or an alarm only the platform raised', () => {
    expect(eventFromAlert({ ...alert, phase: 'ENDED' })).toEqual({ skip: 'NOT_NOTIFIED' });
    expect(eventFromAlert({ ...alert, type: 'TRANSPORT_CERT_EXPIRING', phase: 'RAISED' })).toEqual({
      skip: 'NOT_NOTIFIED',
    });
    expect(eventFromAlert({ ...alert, source: 'PLATFORM' })).toEqual({ skip: 'PLATFORM_ONLY' });
    // The pre-warning is the driving clock's.
    expect(eventFromAlert({ ...alert, type: 'FATIGUE_PRE_WARNING' })).toEqual({ skip: 'NOT_NOTIFIED' });
  });

  it("X8: the clock's pre-warning once per continuous drive", () => {
    const c = {
      vehicleKey: 'k',
      plateNumber: 'p',
      event: 'PRE_WARNING',
      occurredAtMs: T,
      drivingSinceMs: T - 3.5 * 3600_000,
    };
    const a = eventFromClock(c);
    const b = eventFromClock({ ...c, occurredAtMs: T + 30_000 });
    expect('event' in a && 'event' in b && a.event.episodeId === b.event.episodeId).toBe(true);
    expect(eventFromClock({ ...c, event: 'REST_STARTED' })).toEqual({ skip: 'NOT_NOTIFIED' });
  });

  it('X8: offline once 30 minutes passed since the last fix, one event per silence', () => {
    expect(offlineEvent('k', 'p', T, T + 30 * MIN - 1)).toBeNull();
    const e = offlineEvent('k', 'p', T, T + 30 * MIN);
    expect(e).toMatchObject({ kind: 'OFFLINE', atMs: T + 30 * MIN });
    expect(offlineEvent('k', 'p', T, T + 90 * MIN)?.episodeId).toBe(e?.episodeId);
    expect(offlineEvent('k', 'p', T + 1, T + 90 * MIN)?.episodeId).not.toBe(e?.episodeId);
  });

  it('X8: an episode heard of long after it began is stale; offline never is', () => {
    expect(isStale(event(), T + 15 * MIN, 15 * MIN)).toBe(false);
    expect(isStale(event(), T + 15 * MIN + 1, 15 * MIN)).toBe(true);
    expect(isStale(event({ kind: 'OFFLINE' }), T + 600 * MIN, 15 * MIN)).toBe(false);
  });

  it('X8: nothing that began before the viewer consented', () => {
    const late = viewer({ consents: consents(['FATIGUE'], T + 1) });
    expect(decide(event(), late, null, COOLDOWN)).toEqual({ send: false, reason: 'BEFORE_CONSENT' });
    expect(decide(event(), viewer({ consents: consents(['FATIGUE'], T) }), null, COOLDOWN).send).toBe(true);
  });

  it('X8: WeChat keywords within their documented lengths, China time', () => {
    const long = event({ placeText: '山东省泰安市岱岳区G2京沪高速公路泰安服务区以北约三公里处' });
    const d = wechatTemplateData(long);
    expect(d.time3).toBe('2026年12月6日 14:05');
    expect([...(d.thing4 ?? '')].length).toBe(20);
    expect(d.thing4?.endsWith('…')).toBe(true);
    expect([...(d.phrase2 ?? '')].length).toBeLessThanOrEqual(5);
    expect([...(d.thing5 ?? '')].length).toBeLessThanOrEqual(20);
    expect(wechatTemplateData(event({ placeText: null })).thing4).toBe('位置见平安守望页面');
  });
});
