/**
 * Small spherical geometry on WGS-84 degrees. Plain number arguments, no objects,
 * so that the rules can call these per fix without allocating. A sphere of the
 * mean Earth radius is within 0.5 % of the ellipsoid: plenty for "did the truck
 * move 200 m" and "which rest stop is nearest".
 */

/** IUGG mean Earth radius, metres. */
export const EARTH_RADIUS_M = 6_371_008.8;
/** Length of one degree of latitude (and of longitude at the equator) on that sphere, metres. */
export const METRES_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_M;
const RAD = Math.PI / 180;

/** Great-circle (haversine) distance, metres. */
export function distanceM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const sinDLat = Math.sin(((lat2 - lat1) * RAD) / 2);
  const sinDLon = Math.sin(((lon2 - lon1) * RAD) / 2);
  const a = sinDLat * sinDLat + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * sinDLon * sinDLon;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Initial bearing from point 1 to point 2, degrees clockwise from north, in [0, 360). */
export function bearingDeg(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const p1 = lat1 * RAD;
  const p2 = lat2 * RAD;
  const dl = (lon2 - lon1) * RAD;
  const y = Math.sin(dl) * Math.cos(p2);
  const x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
  return normalizeDeg(Math.atan2(y, x) / RAD);
}

/** Any angle in degrees → [0, 360). */
export function normalizeDeg(deg: number): number {
  const d = deg % 360;
  const n = d < 0 ? d + 360 : d;
  // -1e-15 % 360 + 360 rounds to 360.
  return n >= 360 ? 0 : n;
}

/** Smallest absolute difference between two directions, in [0, 180]: 350° vs 10° → 20°. */
export function angleDiffDeg(a: number, b: number): number {
  const d = normalizeDeg(a - b);
  return d > 180 ? 360 - d : d;
}
