import { describe, expect, it } from 'vitest';
import { trackWording } from './track.js';

/** 10:05 and 10:47 China time. */
const startMs = Date.parse('2026-12-06T02:05:00Z');
const endMs = Date.parse('2026-12-06T02:47:00Z');
const WORDS = 'G2京沪高速 · 泰安市岱岳区附近';
const stop = { startMs, endMs, durationS: 42 * 60, ongoing: false, placeText: WORDS };

describe("X7/X5: today's track in words", () => {
  it('a stop with its place, in normal and large type', () => {
    expect(trackWording.normal.stopItem(stop)).toBe(`10:05–10:47 停车 42 分钟 · ${WORDS}`);
    expect(trackWording.large.stopItem(stop)).toBe(`10:05 到 10:47，停了 42 分钟，在${WORDS}`);
  });

  it('a stop still going on, with and without words', () => {
    const ongoing = { ...stop, ongoing: true };
    expect(trackWording.normal.stopItem(ongoing)).toBe(`10:05 起停车，已停 42 分钟 · ${WORDS}`);
    expect(trackWording.large.stopItem({ ...ongoing, placeText: null })).toBe(
      '从 10:05 停到现在，已经停了 42 分钟',
    );
  });

  it('the summary and the mark beside the stop', () => {
    expect(trackWording.normal.summary(186_400, 1)).toBe('今天已行驶 186.4 公里，停车 1 次（20 分钟以上）');
    expect(trackWording.normal.summary(800, 0)).toBe('今天已行驶 800 米');
    expect(trackWording.large.stopMark(42 * 60)).toBe('停了 42 分钟');
  });
});
