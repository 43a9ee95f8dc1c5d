import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simplifyTrack, TRACK_MAX_POINTS } from './track-simplify.js';
import type { TrackFix } from './track-stops.js';

const T0 = Date.parse('2026-12-05T16:00:00Z');

/** A day of driving that winds (a town's turns among expressway straights): `n` fixes `everyS` apart. */
function windingDay(n: number, everyS: number): TrackFix[] {
  let lat = 36.5;
  let lon = 117;
  return Array.from({ length: n }, (_, i) => {
    const heading = Math.sin(i / 40) * 1.5 + Math.sin(i / 7) * 0.4;
    lat += Math.cos(heading) * 0.00018 * (everyS / 30);
    lon += Math.sin(heading) * 0.00022 * (everyS / 30);
    return { t: T0 + i * everyS * 1000, lat, lon, speedKmh: 70 };
  });
}

describe('X7 simplification (Douglas–Peucker, @turf/simplify)', () => {
  it.each([
    [2_880, 30],
    [17_280, 5],
  ])('a day of %i fixes becomes at most 500 points, first and last kept, in order', (n, everyS) => {
    const fixes = windingDay(n, everyS);
    const { indices, toleranceM } = simplifyTrack(fixes);
    expect(indices.length).toBeLessThanOrEqual(TRACK_MAX_POINTS);
    expect(indices.length).toBeGreaterThan(TRACK_MAX_POINTS / 4);
    expect(indices[0]).toBe(0);
    expect(indices.at(-1)).toBe(n - 1);
    for (let k = 1; k < indices.length; k++)
      expect(indices[k] as number).toBeGreaterThan(indices[k - 1] as number);
    expect(toleranceM).toBeGreaterThan(0);
  });

  it('keeps a day of few fixes as it is', () => {
    const fixes = windingDay(120, 30);
    expect(simplifyTrack(fixes)).toEqual({ indices: fixes.map((_, i) => i), toleranceM: 0 });
  });

  it('a truck parked all day (the same place 2,880 times) is two points', () => {
    const fixes = Array.from({ length: 2_880 }, (_, i) => ({
      t: T0 + i * 30_000,
      lat: 36.5,
      lon: 117,
      speedKmh: 0,
    }));
    expect(simplifyTrack(fixes).indices).toEqual([0, 2_879]);
  });

  it('never exceeds the bound, whatever the fixes', () => {
    const fix = fc.record({
      lat: fc.double({ min: 18, max: 53, noNaN: true }),
      lon: fc.double({ min: 73, max: 135, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(fix, { minLength: 2, maxLength: 1_500 }),
        fc.integer({ min: 2, max: 600 }),
        (ps, max) => {
          const fixes = ps.map((p, i) => ({ ...p, t: T0 + i * 1000, speedKmh: 50 }));
          const { indices } = simplifyTrack(fixes, max);
          return (
            indices.length <= max &&
            indices[0] === 0 &&
            indices.at(-1) === fixes.length - 1 &&
            indices.every((v, k) => k === 0 || v > (indices[k - 1] as number))
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
