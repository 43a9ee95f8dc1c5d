import { describe, expect, it } from 'vitest';
import { findStops, type TrackFix } from './track-stops.js';

const MIN = 60_000;
const T0 = Date.parse('2026-12-06T00:30:00Z');
/** About 111 m per 0.001° of latitude. */
const NORTH_M = 1 / 111_000;

/** A drive north at `kmh` for `minutes`, one fix per `everyS` seconds, from (lat, 117.0) at `t`. */
function drive(t: number, lat: number, minutes: number, kmh = 80, everyS = 30): TrackFix[] {
  const n = (minutes * 60) / everyS;
  return Array.from({ length: n }, (_, i) => ({
    t: t + i * everyS * 1000,
    lat: lat + (kmh / 3.6) * i * everyS * NORTH_M,
    lon: 117,
    speedKmh: kmh,
  }));
}

/** Standing at (lat, 117.0) for `minutes` with a few metres of jitter, speed 0: the fixes at t … t + minutes (inclusive). */
function stand(t: number, lat: number, minutes: number, everyS = 30): TrackFix[] {
  const n = (minutes * 60) / everyS;
  return Array.from({ length: n + 1 }, (_, i) => ({
    t: t + i * everyS * 1000,
    lat: lat + (i % 3) * 3 * NORTH_M,
    lon: 117,
    speedKmh: 0,
  }));
}

/** Drive 30 min, stand `minutes`, drive on 30 min. */
function dayWithStop(minutes: number): TrackFix[] {
  const a = drive(T0, 36, 30);
  const last = a.at(-1) as TrackFix;
  const stopLat = last.lat + (80 / 3.6) * 30 * NORTH_M;
  const s = stand(last.t + 30_000, stopLat, minutes);
  // The departure fix still stands where the truck parked; the truck is moving from it on.
  const depart = s.at(-1) as TrackFix;
  depart.speedKmh = 15;
  return [...a, ...s, ...drive(depart.t + 30_000, stopLat + 100 * NORTH_M, 30)];
}

describe('X7 stops (findStops)', () => {
  it('marks a 21-minute stop with its duration, not a 19-minute one', () => {
    expect(findStops(dayWithStop(19))).toEqual([]);
    const [stop, ...more] = findStops(dayWithStop(21));
    expect(more).toEqual([]);
    expect(stop).toMatchObject({ durationS: 21 * 60, ongoing: false });
    expect((stop?.endMs ?? 0) - (stop?.startMs ?? 0)).toBe(21 * MIN);
  });

  it('exactly 20 minutes 00 s is a stop, 19 min 59 s is not (the alerts rest rule)', () => {
    const at = (seconds: number) => [
      ...drive(T0, 36, 5),
      { t: T0 + 5 * MIN, lat: 36.1, lon: 117, speedKmh: 0 },
      { t: T0 + 5 * MIN + seconds * 1000, lat: 36.1, lon: 117, speedKmh: 20 },
      { t: T0 + 6 * MIN + seconds * 1000, lat: 36.12, lon: 117, speedKmh: 80 },
    ];
    expect(findStops(at(20 * 60))).toHaveLength(1);
    expect(findStops(at(20 * 60 - 1))).toHaveLength(0);
  });

  it('a stop still going at the last fix is ongoing', () => {
    const fixes = [...drive(T0, 36, 10), ...stand(T0 + 10 * MIN, 36.2, 45)];
    expect(findStops(fixes)).toEqual([
      expect.objectContaining({ durationS: 45 * 60, ongoing: true, startMs: T0 + 10 * MIN }),
    ]);
  });

  it('a data gap over which the truck did not move is a stop; one over which it moved is not', () => {
    const before = drive(T0, 36, 10);
    const last = before.at(-1) as TrackFix;
    const stayed = { ...last, t: last.t + 40 * MIN };
    const moved = { ...last, t: last.t + 40 * MIN, lat: last.lat + 0.3 };
    expect(findStops([...before, stayed])).toEqual([
      expect.objectContaining({ durationS: 40 * 60, startMs: last.t }),
    ]);
    expect(findStops([...before, moved])).toEqual([]);
  });

  it('crawling through a jam at ≤ 5 km/h for an hour is not a stop (it leaves the 200 m radius)', () => {
    expect(findStops(drive(T0, 36, 60, 4))).toEqual([]);
  });
});
