/**
 * X1: the registry of "driver's homes" (司机之家) rest stops, and the query a fatigue
 * alert uses: the nearest stops AHEAD of the truck. Pure: the registry is parsed from an
 * object (or its JSON text) that an adapter or CLI has read.
 *
 * Ahead: the bearing from the truck to the stop is within ±maxAngleDeg of the truck's
 * heading (inclusive; angles wrap at 0/360°), and the great-circle distance is ≤
 * maxDistanceM. A stop closer than AT_STOP_M counts as ahead whatever the bearing: the
 * truck is at it, and a bearing over a few metres is GNSS noise. Nearest first; ties by id.
 */
import { angleDiffDeg, bearingDeg, distanceM, METRES_PER_DEGREE } from './geo.js';
import type { GeoPoint } from './types.js';

export const REST_STOP_TYPES = [
  'FUEL_STATION',
  'LOGISTICS_PARK',
  'EXPRESSWAY_SERVICE_AREA',
  'OTHER',
] as const;
export type RestStopType = (typeof REST_STOP_TYPES)[number];

export interface RestStop {
  id: string;
  name: string;
  type: RestStopType;
  /** WGS-84 degrees. */
  lat: number;
  lon: number;
  /** 餐饮, 住宿, 淋浴, 洗衣, 停车, … as published by the registry. */
  services: string[];
}

export type RestStopHit = RestStop & { distanceM: number };

export interface AheadOptions {
  maxDistanceM: number;
  /** Half-width of the cone ahead: 60 → within ±60° of the heading. */
  maxAngleDeg: number;
  limit: number;
}

export const DEFAULT_AHEAD_OPTIONS: Readonly<AheadOptions> = Object.freeze({
  maxDistanceM: 100_000,
  maxAngleDeg: 60,
  limit: 3,
});

export const AT_STOP_M = 50;

export interface RestStopIndex {
  readonly size: number;
  nearestAhead(position: GeoPoint, headingDeg: number, opts?: Partial<AheadOptions>): RestStopHit[];
}

const TYPES: ReadonlySet<string> = new Set(REST_STOP_TYPES);
const MAX_TEXT = 200;

/** Validates every entry; an entry with any error is left out and each error names it and the field. */
export function parseRestStops(json: unknown): { stops: RestStop[]; errors: string[] } {
  const errors: string[] = [];
  let root = json;
  if (typeof root === 'string') {
    try {
      root = JSON.parse(root);
    } catch (e) {
      return { stops: [], errors: [`not JSON: ${(e as Error).message}`] };
    }
  }
  const list = isObject(root) ? root.stops : undefined;
  if (!Array.isArray(list)) return { stops: [], errors: ['expected an object { "stops": [ ... ] }'] };

  const stops: RestStop[] = [];
  const firstIndexOfId = new Map<string, number>();
  list.forEach((raw: unknown, i) => {
    const rawId = isObject(raw) ? raw.id : undefined;
    const where = `stops[${i}]${typeof rawId === 'string' && rawId.trim() ? ` (id "${rawId.trim()}")` : ''}`;
    if (!isObject(raw)) {
      errors.push(`${where}: expected an object`);
      return;
    }
    const before = errors.length;
    const fail = (field: string, why: string) => errors.push(`${where}.${field}: ${why}`);
    const id = text(raw.id);
    if (id === null) fail('id', 'required, a non-empty string');
    else if (firstIndexOfId.has(id)) fail('id', `duplicates stops[${firstIndexOfId.get(id)}]`);
    const name = text(raw.name);
    if (name === null) fail('name', 'required, a non-empty string');
    if (typeof raw.type !== 'string' || !TYPES.has(raw.type))
      fail('type', `must be one of ${REST_STOP_TYPES.join(', ')}`);
    const lat = raw.lat;
    if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90) {
      fail('lat', 'must be a number in [-90, 90] (WGS-84 degrees)');
    }
    const lon = raw.lon;
    if (typeof lon !== 'number' || !Number.isFinite(lon) || lon < -180 || lon > 180) {
      fail('lon', 'must be a number in [-180, 180] (WGS-84 degrees)');
    }
    if (lat === 0 && lon === 0) fail('lat', '(0, 0) is a missing location, not a rest stop');
    const services = raw.services === undefined ? [] : raw.services;
    const cleanServices: string[] = [];
    if (!Array.isArray(services)) fail('services', 'must be an array of strings');
    else {
      services.forEach((sv: unknown, j) => {
        const s = text(sv);
        if (s === null) fail(`services[${j}]`, 'must be a non-empty string');
        else if (!cleanServices.includes(s)) cleanServices.push(s);
      });
    }
    if (id !== null && !firstIndexOfId.has(id)) firstIndexOfId.set(id, i);
    if (errors.length > before) return;
    stops.push({
      id: id as string,
      name: name as string,
      type: raw.type as RestStopType,
      lat: lat as number,
      lon: lon as number,
      services: cleanServices,
    });
  });
  return { stops, errors };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.trim();
  return s.length > 0 && s.length <= MAX_TEXT ? s : null;
}

function closer(d: number, stop: RestStop, thanD: number, than: RestStop): boolean {
  return d < thanD || (d === thanD && stop.id < than.id);
}

/** Grid cell size, degrees (~28 km north-south): a 100 km query visits ~8 × 10 cells. */
const CELL_DEG = 0.25;
const cellKey = (row: number, col: number) => row * 10_000 + col;

/** A uniform lat/lon grid over the stops; queries scan only the cells of the search box. */
export function createRestStopIndex(stops: readonly RestStop[]): RestStopIndex {
  const all = stops.slice();
  const cells = new Map<number, RestStop[]>();
  for (const stop of all) {
    const key = cellKey(Math.floor(stop.lat / CELL_DEG), Math.floor(stop.lon / CELL_DEG));
    const cell = cells.get(key);
    if (cell) cell.push(stop);
    else cells.set(key, [stop]);
  }

  return {
    size: all.length,
    nearestAhead(position, headingDeg, opts) {
      const o: AheadOptions = {
        maxDistanceM: opts?.maxDistanceM ?? DEFAULT_AHEAD_OPTIONS.maxDistanceM,
        maxAngleDeg: opts?.maxAngleDeg ?? DEFAULT_AHEAD_OPTIONS.maxAngleDeg,
        limit: Math.floor(opts?.limit ?? DEFAULT_AHEAD_OPTIONS.limit),
      };
      if (all.length === 0 || !(o.limit >= 1) || !(o.maxDistanceM >= 0)) return [];
      // The best `limit` so far, nearest first (ties by id): no object per candidate.
      const best: RestStop[] = [];
      const bestD: number[] = [];
      const consider = (stop: RestStop) => {
        const d = distanceM(position.lat, position.lon, stop.lat, stop.lon);
        if (d > o.maxDistanceM) return;
        const n = best.length;
        if (n === o.limit && !closer(d, stop, bestD[n - 1] as number, best[n - 1] as RestStop)) return;
        if (d >= AT_STOP_M) {
          const toStop = bearingDeg(position.lat, position.lon, stop.lat, stop.lon);
          if (angleDiffDeg(toStop, headingDeg) > o.maxAngleDeg) return;
        }
        let i = n === o.limit ? n - 1 : n;
        while (i > 0 && closer(d, stop, bestD[i - 1] as number, best[i - 1] as RestStop)) {
          best[i] = best[i - 1] as RestStop;
          bestD[i] = bestD[i - 1] as number;
          i--;
        }
        best[i] = stop;
        bestD[i] = d;
      };

      const dLat = o.maxDistanceM / METRES_PER_DEGREE;
      const cosLat = Math.cos(((Math.abs(position.lat) + dLat) * Math.PI) / 180);
      const dLon = cosLat > 1e-6 ? dLat / cosLat : 360;
      const r0 = Math.floor((position.lat - dLat) / CELL_DEG);
      const r1 = Math.floor((position.lat + dLat) / CELL_DEG);
      const c0 = Math.floor((position.lon - dLon) / CELL_DEG);
      const c1 = Math.floor((position.lon + dLon) / CELL_DEG);
      const crossesAntimeridian = position.lon - dLon < -180 || position.lon + dLon > 180;
      if (crossesAntimeridian || (r1 - r0 + 1) * (c1 - c0 + 1) > all.length) {
        for (const stop of all) consider(stop);
      } else {
        for (let r = r0; r <= r1; r++) {
          for (let c = c0; c <= c1; c++) {
            const cell = cells.get(cellKey(r, c));
            if (cell) for (const stop of cell) consider(stop);
          }
        }
      }
      return best.map((stop, i) => ({ ...stop, distanceM: bestD[i] as number }));
    },
  };
}
