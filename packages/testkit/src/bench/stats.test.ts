import { describe, expect, it } from 'vitest';
import { median, Percentiles, summarize } from './stats.js';

/** Within the histogram's precision (3 significant digits) of the exact value. */
const near = (actual: number, exact: number) =>
  expect(Math.abs(actual - exact)).toBeLessThanOrEqual(exact * 1e-3);

describe('Percentiles', () => {
  it('gives the nearest-rank percentiles of 1 … 1000 ms', () => {
    const p = new Percentiles();
    // Shuffled: the order of recording does not matter.
    for (let i = 0; i < 1000; i++) p.record(((i * 7919) % 1000) + 1);
    near(p.percentile(50), 500);
    near(p.percentile(90), 900);
    near(p.percentile(99), 990);
    near(p.percentile(99.9), 999);
    expect(p.percentile(100)).toBe(1000);
    expect(p.percentile(0)).toBe(1);
    expect([p.count, p.min, p.max]).toEqual([1000, 1, 1000]);
  });

  it('keeps sub-millisecond resolution and exact extremes', () => {
    const s = summarize([0.25, 0.5, 0.75, 1.25, 2.5, 40.125]);
    expect(s.count).toBe(6);
    expect(s.p50).toBe(0.75);
    expect(s.p99).toBe(40.125); // the top of its bucket, 40.127, is past the maximum
    expect(s.max).toBe(40.125);
  });

  it('answers for a skewed sample: 990 fast values and 10 slow ones', () => {
    const values = [...Array.from({ length: 990 }, () => 2), ...Array.from({ length: 10 }, () => 800)];
    const s = summarize(values);
    near(s.p50, 2);
    near(s.p99, 2); // the 990th value
    near(new Percentiles().recordAll(values).percentile(99.1), 800);
    expect(s.max).toBe(800);
  });

  it('is NaN without values, and counts a negative value as 0', () => {
    expect(summarize([])).toEqual({ count: 0, p50: Number.NaN, p99: Number.NaN, max: Number.NaN });
    const s = summarize([-3, 5]);
    expect(s.p50).toBe(0);
    expect(s.max).toBe(5);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the middle two, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
  });

  it('leaves the values as they were', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});
