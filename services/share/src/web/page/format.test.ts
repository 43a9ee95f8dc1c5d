import { describe, expect, it } from 'vitest';
import { ago, compass, dateText, dateTime, dayAndClock, distance, duration, speedFigure } from './format.js';

describe('the family page formats', () => {
  it('times are China time whatever the zone the code runs in', () => {
    // 2026-05-03T22:05:09Z is 5月4日 06:05:09 in China (UTC+8, no daylight saving).
    const ms = Date.parse('2026-05-03T22:05:09Z');
    expect(dateTime(ms, true)).toBe('5月4日 06:05:09');
    expect(dateTime(ms, false)).toBe('5月4日 06:05');
    expect(dayAndClock(ms, Date.parse('2026-05-04T15:00:00Z'))).toBe('今天 06:05');
    expect(dayAndClock(ms, Date.parse('2026-05-04T16:30:00Z'))).toBe('昨天 06:05');
    expect(dayAndClock(ms, Date.parse('2026-05-06T01:00:00Z'))).toBe('5月4日 06:05');
  });

  it('durations in hours and minutes, as the service words them', () => {
    expect(duration(40)).toBe('40 秒');
    expect(duration(4 * 60 + 59)).toBe('4 分钟');
    expect(duration(4 * 3600)).toBe('4 小时');
    expect(duration(4 * 3600 + 12 * 60 + 30)).toBe('4 小时 12 分钟');
    expect(duration(-5)).toBe('0 秒');
  });

  it('speeds as stored (0.1 km/h), distances, dates, directions and ages', () => {
    expect(speedFigure(114.3)).toBe('114.3');
    expect(speedFigure(100)).toBe('100');
    expect(speedFigure(99.96)).toBe('100');
    expect(distance(800)).toBe('800 米');
    expect(distance(3240)).toBe('3.2 公里');
    expect(dateText('2026-12-01')).toBe('2026年12月1日');
    expect([0, 90, 135, 180, 270, 359, -90].map(compass)).toEqual([
      '北',
      '东',
      '东南',
      '南',
      '西',
      '北',
      '西',
    ]);
    const now = Date.parse('2026-05-04T12:00:00Z');
    expect(
      [now - 10_000, now - 5 * 60_000, now - 2 * 3_600_000, now - 3 * 86_400_000].map((t) => ago(t, now)),
    ).toEqual(['刚刚', '5 分钟前', '2 小时前', '3 天前']);
  });
});
