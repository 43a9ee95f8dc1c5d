/**
 * X7: a day of fixes (2,880 at one per 30 s, 17,280 at one per 5 s) as a line
 * of at most a few hundred points, with Douglas–Peucker (@turf/simplify). Pure.
 *
 * The line is simplified in metres (an equirectangular projection around the
 * first fix, exact enough over a province), so the tolerance means the same
 * north–south and east–west. The tolerance climbs a doubling ladder (5 m,
 * about a GNSS fix's accuracy, below which detail is noise; 10 m, 20 m, …)
 * until at most `maxPoints` points are left: a straight
 * expressway keeps few points, a town's turns many. Each step simplifies the
 * previous step's line, not the day's fixes again (a day at one fix per 5 s
 * costs one full pass); the kept line then lies within the sum of the steps'
 * tolerances, less than twice the last one, of every fix. The first and last
 * fixes are always kept.
 */
import { simplify } from '@turf/simplify';
import type { LineString, Position } from 'geojson';
import type { TrackFix } from './track-stops.js';

export const TRACK_MAX_POINTS = 500;

const METRES_PER_DEGREE_LAT = 110_574;
const METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320;
const FIRST_TOLERANCE_M = 5;
/** Past this the line is two points whatever the day (China spans < 6,000 km). */
const LAST_TOLERANCE_M = 8_192_000;

/** The fixes in local metres; the third coordinate is the fix's index (@turf/simplify keeps each kept position as given). */
function projected(fixes: readonly TrackFix[]): Position[] {
  const origin = fixes[0] as TrackFix;
  const kx = METRES_PER_DEGREE_LON_AT_EQUATOR * Math.cos((origin.lat * Math.PI) / 180);
  return fixes.map((f, i) => [(f.lon - origin.lon) * kx, (f.lat - origin.lat) * METRES_PER_DEGREE_LAT, i]);
}

function simplifiedAt(line: Position[], toleranceM: number): Position[] {
  const geometry: LineString = { type: 'LineString', coordinates: line.slice() };
  return simplify(geometry, { tolerance: toleranceM, highQuality: false, mutate: true }).coordinates;
}

export interface Simplified {
  /** Indices into the fixes, increasing. */
  indices: number[];
  /** The last step's tolerance, metres (0: the fixes were few enough as they are). */
  toleranceM: number;
}

/** The fixes to draw: at most `maxPoints` (≥ 2) of them, first and last included. */
export function simplifyTrack(fixes: readonly TrackFix[], maxPoints = TRACK_MAX_POINTS): Simplified {
  if (maxPoints < 2) throw new RangeError('maxPoints must be at least 2');
  if (fixes.length <= maxPoints) return { indices: fixes.map((_, i) => i), toleranceM: 0 };
  let kept = projected(fixes);
  for (let toleranceM = FIRST_TOLERANCE_M; ; toleranceM *= 2) {
    kept = simplifiedAt(kept, toleranceM);
    if (kept.length <= maxPoints || toleranceM >= LAST_TOLERANCE_M) {
      const indices = kept.map((p) => p[2] as number);
      return { indices: withEnds(indices, fixes.length, maxPoints), toleranceM };
    }
  }
}

/** Douglas–Peucker keeps both ends; the clean-up before it may not, when the truck ended where it started. */
function withEnds(indices: number[], n: number, maxPoints: number): number[] {
  const out = indices.filter((i, k) => k === 0 || i > (indices[k - 1] as number));
  if (out[0] !== 0) out.unshift(0);
  if (out.at(-1) !== n - 1) out.push(n - 1);
  // Never more than asked, even after adding an end back.
  while (out.length > maxPoints) out.splice(out.length - 2, 1);
  return out;
}
