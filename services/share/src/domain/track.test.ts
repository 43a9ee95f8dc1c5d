import { describe, expect, it } from 'vitest';
import { datums, place } from './geo.js';
import { buildTrack, chinaDate, chinaDayStartMs, NO_FIX_EVER, NO_FIX_TODAY } from './track.js';
import type { TrackFix } from './track-stops.js';

const MIN = 60_000;

describe('X7 the China day', () => {
  it('starts at 00:00 Asia/Shanghai (16:00 UTC the day before), whatever the hour', () => {
    const start = Date.parse('2026-12-05T16:00:00Z');
    expect(chinaDayStartMs(Date.parse('2026-12-06T03:00:00Z'))).toBe(start);
    expect(chinaDayStartMs(start)).toBe(start);
    // 23:59 China time yesterday belongs to the day before.
    expect(chinaDayStartMs(start - MIN)).toBe(start - 86_400_000);
    expect(chinaDayStartMs(Date.parse('2026-12-06T15:59:59Z'))).toBe(start);
    expect(chinaDate(Date.parse('2026-12-05T16:30:00Z'))).toBe('2026-12-06');
  });
});

describe('X7 buildTrack', () => {
  const now = Date.parse('2026-12-06T04:00:00Z'); // 12:00 in China
  const from = chinaDayStartMs(now);

  it('leaves a hop no truck can drive (a GNSS jump, or a second source of the plate) out of the distance', () => {
    const fixes: TrackFix[] = [
      { t: from + 60 * MIN, lat: 36.5, lon: 117, speedKmh: 80 },
      { t: from + 61 * MIN, lat: 36.51, lon: 117, speedKmh: 80 },
      // 1 minute later, 1° (≈ 111 km) north: 6,700 km/h.
      { t: from + 62 * MIN, lat: 37.51, lon: 117, speedKmh: 80 },
      { t: from + 63 * MIN, lat: 36.52, lon: 117, speedKmh: 80 },
    ];
    const { distanceM } = buildTrack({ fixes, nowMs: now, lastKnown: null });
    // Only the first leg (≈ 1,112 m) at ≤ MAX_PLAUSIBLE_KMH.
    expect(distanceM).toBeGreaterThan(1_100);
    expect(distanceM).toBeLessThan(1_120);
  });

  it('gives points in both datums (X3), stops, the distance driven and the day', () => {
    const fixes: TrackFix[] = [
      { t: from + 60 * MIN, lat: 36.5, lon: 117, speedKmh: 80 },
      { t: from + 61 * MIN, lat: 36.51, lon: 117, speedKmh: 0 },
      { t: from + 90 * MIN, lat: 36.51, lon: 117, speedKmh: 0 },
      { t: from + 91 * MIN, lat: 36.51, lon: 117, speedKmh: 60 },
      { t: from + 92 * MIN, lat: 36.52, lon: 117, speedKmh: 60 },
    ];
    const track = buildTrack({ fixes, nowMs: now, lastKnown: null });
    expect(track).toMatchObject({
      day: '2026-12-06',
      from: '2026-12-05T16:00:00.000Z',
      to: new Date(now).toISOString(),
      fixes: 5,
      lastKnown: null,
      reason: null,
    });
    expect(track.points).toHaveLength(5);
    expect(track.points[0]).toEqual({
      gnssTime: new Date(from + 60 * MIN).toISOString(),
      ...datums(36.5, 117),
    });
    // X5: a track point has no words (the map service's budget is kept for places shown in words).
    expect(track.points[0]).not.toHaveProperty('text');
    expect(track.stops).toEqual([
      {
        startedAt: new Date(from + 61 * MIN).toISOString(),
        endedAt: new Date(from + 91 * MIN).toISOString(),
        durationS: 30 * 60,
        ongoing: false,
        place: place(36.51, 117),
        placeText: null,
      },
    ]);
    // Two legs of 0.01° of latitude (≈ 1,112 m each); the stop adds nothing.
    expect(track.distanceM).toBeGreaterThan(2_200);
    expect(track.distanceM).toBeLessThan(2_250);
  });

  it('without a fix today: no points, the last known position and a plain reason', () => {
    const lastKnown = {
      gnssTime: new Date(from - MIN).toISOString(),
      ...place(36.5, 117),
      speedKmh: 0,
      headingDeg: 90,
    };
    expect(buildTrack({ fixes: [], nowMs: now, lastKnown })).toMatchObject({
      points: [],
      stops: [],
      distanceM: 0,
      lastKnown,
      reason: NO_FIX_TODAY,
    });
    expect(buildTrack({ fixes: [], nowMs: now, lastKnown: null })).toMatchObject({
      lastKnown: null,
      reason: NO_FIX_EVER,
    });
  });
});
