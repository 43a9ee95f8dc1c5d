/**
 * A1 per-zone speed limits: parse a zones document (already read by the caller) and
 * answer "which limit applies here" quickly for hundreds of zones.
 *
 * Rules: the strictest (lowest) limit among the zones containing the point wins, ties
 * broken by the smaller zone id; outside every zone, the vehicle-class default with
 * zoneId ''. A point on a zone's boundary is inside it (within 1 mm). Circles use metres
 * on geo.ts's sphere (equirectangular at the centre's latitude: error well
 * under 0.1 % for radii of a few km); polygons are tested in the (lon, lat) plane, which
 * suits zones of a few tens of km. Coordinates are WGS-84, as received.
 */

import { METRES_PER_DEGREE } from './geo.js';

export interface SpeedZoneBase {
  id: string;
  name: string;
  limitKmh: number;
}
export interface CircleZone extends SpeedZoneBase {
  circle: { lat: number; lon: number; radiusM: number };
}
export interface PolygonZone extends SpeedZoneBase {
  /** [lat, lon] vertices, at least 3, without the closing repeat of the first one. */
  polygon: Array<[number, number]>;
}
export type SpeedZone = CircleZone | PolygonZone;

export interface ZoneLimit {
  readonly limitKmh: number;
  /** '' for the vehicle-class default. */
  readonly zoneId: string;
}

export interface ZoneIndex {
  readonly size: number;
  /** Returns a shared frozen object: no allocation per lookup. */
  limitAt(lat: number, lon: number): ZoneLimit;
}

const MAX_LIMIT_KMH = 200;
const MAX_RADIUS_M = 100_000;
const ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;

export function parseSpeedZones(json: unknown): { zones: SpeedZone[]; errors: string[] } {
  const zones: SpeedZone[] = [];
  const errors: string[] = [];
  if (!isRecord(json) || !Array.isArray(json.zones)) {
    return { zones, errors: ['root: expected an object { "zones": [...] }'] };
  }
  const seen = new Set<string>();
  json.zones.forEach((raw: unknown, i: number) => {
    const id = isRecord(raw) && typeof raw.id === 'string' ? raw.id : undefined;
    const where = id === undefined ? `zones[${i}]` : `zones[${i}] (id "${id}")`;
    const before = errors.length;
    const fail = (field: string, why: string) => errors.push(`${where}: ${field} ${why}`);
    if (!isRecord(raw)) {
      fail('zone', 'must be an object');
      return;
    }
    if (id === undefined || !ID_PATTERN.test(id)) fail('id', 'must be 1-64 of A-Z a-z 0-9 . _ : -');
    else if (seen.has(id)) fail('id', 'is a duplicate');
    if (typeof raw.name !== 'string' || raw.name.trim() === '') fail('name', 'must be a non-empty string');
    const limitKmh = raw.limitKmh;
    if (!isFiniteNumber(limitKmh) || limitKmh <= 0 || limitKmh > MAX_LIMIT_KMH) {
      fail('limitKmh', `must be a number in (0, ${MAX_LIMIT_KMH}]`);
    }
    const hasCircle = raw.circle !== undefined;
    const hasPolygon = raw.polygon !== undefined;
    if (hasCircle === hasPolygon) fail('circle/polygon', 'exactly one of them is required');
    else if (hasCircle) checkCircle(raw.circle, fail);
    else checkPolygon(raw.polygon, fail);
    if (errors.length > before || id === undefined) return;
    seen.add(id);
    const base = { id, name: raw.name as string, limitKmh: limitKmh as number };
    if (hasCircle) {
      const c = raw.circle as { lat: number; lon: number; radiusM: number };
      zones.push({ ...base, circle: { lat: c.lat, lon: c.lon, radiusM: c.radiusM } });
    } else {
      const ring = (raw.polygon as Array<[number, number]>).map(([lat, lon]): [number, number] => [lat, lon]);
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (ring.length > 3 && first && last && first[0] === last[0] && first[1] === last[1]) ring.pop();
      zones.push({ ...base, polygon: ring });
    }
  });
  return { zones, errors };
}

type Fail = (field: string, why: string) => void;

function checkCircle(circle: unknown, fail: Fail): void {
  if (!isRecord(circle)) {
    fail('circle', 'must be an object { lat, lon, radiusM }');
    return;
  }
  if (!isLat(circle.lat)) fail('circle.lat', 'must be a number in [-90, 90]');
  if (!isLon(circle.lon)) fail('circle.lon', 'must be a number in [-180, 180]');
  const r = circle.radiusM;
  if (!isFiniteNumber(r) || r <= 0 || r > MAX_RADIUS_M) {
    fail('circle.radiusM', `must be a number in (0, ${MAX_RADIUS_M}]`);
  }
}

function checkPolygon(polygon: unknown, fail: Fail): void {
  if (!Array.isArray(polygon) || polygon.length < 3) {
    fail('polygon', 'must be an array of at least 3 [lat, lon] vertices');
    return;
  }
  let valid = true;
  polygon.forEach((v: unknown, k: number) => {
    if (!Array.isArray(v) || v.length !== 2 || !isLat(v[0]) || !isLon(v[1])) {
      valid = false;
      fail(`polygon[${k}]`, 'must be [lat, lon] with lat in [-90, 90] and lon in [-180, 180]');
    }
  });
  const first = polygon[0] as number[];
  const last = polygon[polygon.length - 1] as number[];
  if (valid && polygon.length === 3 && first[0] === last[0] && first[1] === last[1]) {
    fail('polygon', 'must have at least 3 distinct vertices (a closing repeat of the first does not count)');
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isLat = (v: unknown) => isFiniteNumber(v) && v >= -90 && v <= 90;
const isLon = (v: unknown) => isFiniteNumber(v) && v >= -180 && v <= 180;

// ---- the index ----------------------------------------------------------------------

const RAD = Math.PI / 180;
const M_PER_DEG = METRES_PER_DEGREE;
const BOUNDARY_TOLERANCE_M = 0.001;
/** Polygon edges: "on the edge" within ~1e-9° (0.1 mm). */
const EDGE_TOLERANCE_DEG = 1e-9;
/** Grid cells of 0.1° (about 11 km × 9 km in Shandong). */
const CELL_DEG = 0.1;
/** A zone whose box covers more cells than this is checked on every lookup instead. */
const MAX_CELLS_PER_ZONE = 4096;

interface Compiled {
  result: ZoneLimit;
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
  /** Circle: centre, radius² (with tolerance), metres per degree of longitude. */
  lat: number;
  lon: number;
  r2: number;
  mPerDegLon: number;
  /** Polygon: flat [lat0, lon0, lat1, lon1, ...]; empty for circles. */
  ring: Float64Array;
}

const cellOf = (deg: number) => Math.floor(deg / CELL_DEG);
const cellKey = (latCell: number, lonCell: number) => latCell * 8192 + lonCell;

export function createZoneIndex(zones: readonly SpeedZone[], defaultLimitKmh: number): ZoneIndex {
  if (!(defaultLimitKmh > 0)) throw new RangeError(`defaultLimitKmh must be > 0, got ${defaultLimitKmh}`);
  const fallback: ZoneLimit = Object.freeze({ limitKmh: defaultLimitKmh, zoneId: '' });
  // Ranked strictest first: the first containing zone in rank order wins.
  const ranked = [...zones]
    .sort((a, b) => a.limitKmh - b.limitKmh || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(compile);
  const cells = new Map<number, number[]>();
  const wide: number[] = [];
  ranked.forEach((z, rank) => {
    const lat0 = cellOf(z.minLat);
    const lat1 = cellOf(z.maxLat);
    const lon0 = cellOf(z.minLon);
    const lon1 = cellOf(z.maxLon);
    if ((lat1 - lat0 + 1) * (lon1 - lon0 + 1) > MAX_CELLS_PER_ZONE) {
      wide.push(rank);
      return;
    }
    for (let a = lat0; a <= lat1; a++) {
      for (let o = lon0; o <= lon1; o++) {
        const key = cellKey(a, o);
        const list = cells.get(key);
        if (list) list.push(rank);
        else cells.set(key, [rank]);
      }
    }
  });

  return {
    size: ranked.length,
    limitAt(lat: number, lon: number): ZoneLimit {
      let best = ranked.length;
      const list = cells.get(cellKey(cellOf(lat), cellOf(lon)));
      if (list) {
        for (let k = 0; k < list.length; k++) {
          const rank = list[k] as number;
          if (contains(ranked[rank] as Compiled, lat, lon)) {
            best = rank;
            break;
          }
        }
      }
      for (let k = 0; k < wide.length; k++) {
        const rank = wide[k] as number;
        if (rank >= best) break;
        if (contains(ranked[rank] as Compiled, lat, lon)) {
          best = rank;
          break;
        }
      }
      return best < ranked.length ? (ranked[best] as Compiled).result : fallback;
    },
  };
}

function compile(zone: SpeedZone): Compiled {
  const result: ZoneLimit = Object.freeze({ limitKmh: zone.limitKmh, zoneId: zone.id });
  if ('circle' in zone) {
    const { lat, lon, radiusM } = zone.circle;
    const mPerDegLon = Math.max(M_PER_DEG * Math.cos(lat * RAD), 1e-6);
    const dLat = (radiusM + BOUNDARY_TOLERANCE_M) / M_PER_DEG;
    const dLon = (radiusM + BOUNDARY_TOLERANCE_M) / mPerDegLon;
    const r = radiusM + BOUNDARY_TOLERANCE_M;
    return {
      result,
      minLat: lat - dLat,
      maxLat: lat + dLat,
      minLon: lon - dLon,
      maxLon: lon + dLon,
      lat,
      lon,
      r2: r * r,
      mPerDegLon,
      ring: new Float64Array(0),
    };
  }
  const ring = new Float64Array(zone.polygon.flat());
  let minLat = 90;
  let maxLat = -90;
  let minLon = 180;
  let maxLon = -180;
  for (const [lat, lon] of zone.polygon) {
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
  }
  const e = EDGE_TOLERANCE_DEG;
  return {
    result,
    minLat: minLat - e,
    maxLat: maxLat + e,
    minLon: minLon - e,
    maxLon: maxLon + e,
    lat: 0,
    lon: 0,
    r2: 0,
    mPerDegLon: 0,
    ring,
  };
}

function contains(z: Compiled, lat: number, lon: number): boolean {
  if (lat < z.minLat || lat > z.maxLat || lon < z.minLon || lon > z.maxLon) return false;
  if (z.ring.length === 0) {
    const dy = (lat - z.lat) * M_PER_DEG;
    const dx = (lon - z.lon) * z.mPerDegLon;
    return dx * dx + dy * dy <= z.r2;
  }
  return inPolygon(z.ring, lat, lon);
}

/** Even-odd ray casting in the (lon, lat) plane; points on an edge count as inside. */
function inPolygon(ring: Float64Array, lat: number, lon: number): boolean {
  const n = ring.length;
  let inside = false;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    const yi = ring[i] as number;
    const xi = ring[i + 1] as number;
    const yj = ring[j] as number;
    const xj = ring[j + 1] as number;
    const ex = xj - xi;
    const ey = yj - yi;
    const cross = ex * (lat - yi) - ey * (lon - xi);
    if (
      Math.abs(cross) <= EDGE_TOLERANCE_DEG * Math.hypot(ex, ey) &&
      lon >= Math.min(xi, xj) - EDGE_TOLERANCE_DEG &&
      lon <= Math.max(xi, xj) + EDGE_TOLERANCE_DEG &&
      lat >= Math.min(yi, yj) - EDGE_TOLERANCE_DEG &&
      lat <= Math.max(yi, yj) + EDGE_TOLERANCE_DEG
    ) {
      return true;
    }
    if (yi > lat !== yj > lat && lon < (ex * (lat - yi)) / ey + xi) inside = !inside;
  }
  return inside;
}
