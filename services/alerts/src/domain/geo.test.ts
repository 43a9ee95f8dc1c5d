import { describe, expect, it } from 'vitest';
import { angleDiffDeg, bearingDeg, distanceM, METRES_PER_DEGREE, normalizeDeg } from './geo.js';

describe('geo', () => {
  it('measures great-circle distance', () => {
    expect(distanceM(36.65, 117.0, 36.65, 117.0)).toBe(0);
    // One degree of latitude on the mean sphere.
    expect(distanceM(36, 117, 37, 117)).toBeCloseTo(METRES_PER_DEGREE, 3);
    expect(METRES_PER_DEGREE).toBeCloseTo(111_195, 0);
    // Jinan → Qingdao, ~ 302 km as the crow flies.
    const d = distanceM(36.6512, 117.12, 36.0671, 120.3826);
    expect(d).toBeGreaterThan(295_000);
    expect(d).toBeLessThan(305_000);
  });

  it('gives bearings clockwise from north in [0, 360)', () => {
    expect(bearingDeg(36, 117, 37, 117)).toBeCloseTo(0, 6);
    expect(bearingDeg(36, 117, 36, 118)).toBeCloseTo(89.7, 1);
    expect(bearingDeg(36, 117, 35, 117)).toBeCloseTo(180, 6);
    expect(bearingDeg(36, 117, 36, 116)).toBeCloseTo(270.3, 1);
    expect(bearingDeg(36, 117, 36.001, 116.9999)).toBeGreaterThan(350);
  });

  it('wraps angles', () => {
    expect(normalizeDeg(-10)).toBe(350);
    expect(normalizeDeg(720)).toBe(0);
    expect(normalizeDeg(-1e-15)).toBe(0);
    expect(angleDiffDeg(350, 10)).toBe(20);
    expect(angleDiffDeg(10, 350)).toBe(20);
    expect(angleDiffDeg(0, 180)).toBe(180);
    expect(angleDiffDeg(90, 90)).toBe(0);
  });
});
