/**
 * X7: where the truck stood still for 20 minutes or more today. Pure.
 *
 * Between two consecutive fixes (a → b) the truck stood still when b is
 * within `radiusM` (200 m) of the stop's first fix (its anchor) and either a
 * reported at most `movingKmh` (5 km/h: a fix's speed holds until the next
 * fix) or the two are more than `gapS` (20 min) apart, a data gap over which
 * it did not move (a parked truck whose terminal sleeps). A stop is an unbroken
 * run of such intervals; it lasts from its first fix to its last one, and it
 * is kept when that is at least `minStopS` (exactly 20 min 00 s counts, 19 min
 * 59 s does not). The speed and gap thresholds are the alerts service's rest
 * rule (A2, 司机之家 rests), so a rest that ends a fatigue episode is a stop
 * here; the radius keeps a crawl through a jam (≤ 5 km/h but moving on) from
 * becoming one.
 */
import distance from '@turf/distance';

/** A fix as the track reads it: GNSS time (epoch ms), WGS-84 decimal degrees, km/h. */
export interface TrackFix {
  t: number;
  lat: number;
  lon: number;
  speedKmh: number;
}

export interface StopParams {
  movingKmh: number;
  radiusM: number;
  minStopS: number;
  gapS: number;
}

export const DEFAULT_STOP_PARAMS: Readonly<StopParams> = Object.freeze({
  movingKmh: 5,
  radiusM: 200,
  minStopS: 20 * 60,
  gapS: 20 * 60,
});

/** A stop: fixes[first … last] of the day's fixes. */
export interface FoundStop {
  first: number;
  last: number;
  startMs: number;
  endMs: number;
  durationS: number;
  /** It lasts to the day's last fix: the truck may still be standing there. */
  ongoing: boolean;
}

/** Great-circle distance between two fixes, metres. */
export const metresBetween = (a: TrackFix, b: TrackFix): number =>
  distance([a.lon, a.lat], [b.lon, b.lat], { units: 'meters' });

function stoodStill(prev: TrackFix, next: TrackFix, anchor: TrackFix, p: StopParams): boolean {
  if (metresBetween(anchor, next) >= p.radiusM) return false;
  return prev.speedKmh <= p.movingKmh || next.t - prev.t > p.gapS * 1000;
}

/** The stops of `fixes` (in increasing time), in order. */
export function findStops(fixes: readonly TrackFix[], p: StopParams = DEFAULT_STOP_PARAMS): FoundStop[] {
  const stops: FoundStop[] = [];
  let anchor = -1;
  const close = (last: number) => {
    const a = fixes[anchor] as TrackFix;
    const b = fixes[last] as TrackFix;
    const durationS = (b.t - a.t) / 1000;
    if (durationS >= p.minStopS)
      stops.push({
        first: anchor,
        last,
        startMs: a.t,
        endMs: b.t,
        durationS,
        ongoing: last === fixes.length - 1,
      });
    anchor = -1;
  };
  for (let i = 1; i < fixes.length; i++) {
    const prev = fixes[i - 1] as TrackFix;
    const next = fixes[i] as TrackFix;
    if (anchor >= 0 && stoodStill(prev, next, fixes[anchor] as TrackFix, p)) continue;
    if (anchor >= 0) close(i - 1);
    // The interval that broke a stop may start the next one (a truck that crept out of the radius).
    if (stoodStill(prev, next, prev, p)) anchor = i - 1;
  }
  if (anchor >= 0) close(fixes.length - 1);
  return stops;
}
