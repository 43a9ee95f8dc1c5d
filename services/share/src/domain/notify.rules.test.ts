import { describe, expect, it } from 'vitest';
import {
  chinaTimeWords,
  decide,
  type NotifiableEvent,
  type NotificationKind,
  notificationKey,
  notificationText,
  type ViewerSubscription,
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
  kinds: new Set<NotificationKind>(['PRE_WARNING', 'FATIGUE', 'SPEEDING', 'OFFLINE']),
  shareExpiresAtMs: T + 86_400_000,
  shareEndedAtMs: null,
  refused: false,
  ...over,
});
const COOLDOWN = 30 * MIN;

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
    const speedingOnly = viewer({ kinds: new Set<NotificationKind>(['SPEEDING']) });
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
