import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { dataFile } from './data-files.js';
import { type Box, GridIndex, padBox, pointSegmentDistanceM } from './geo.js';

/** What data/divisions.geojson says of each county-level division. */
export interface DivisionProperties {
  /** GB/T 2260 code, e.g. "370911". */
  adcode: string;
  /** e.g. "岱岳区". */
  name: string;
  /** The prefecture-level city, e.g. "泰安市"; null for a county-level city directly under its province. */
  city: string | null;
  province: string;
}

interface DivisionFeature {
  properties: DivisionProperties;
  geometry: { type: 'MultiPolygon'; coordinates: number[][][][] };
}

export interface DivisionsFile {
  features: DivisionFeature[];
}

export interface DivisionIndexOptions {
  /**
   * A point in no polygon (at sea, in a port or on a bridge the simplified
   * coastline leaves out) goes to the nearest division within this distance.
   */
  maxGapM?: number;
  /** Grid cell size in degrees. */
  cellDeg?: number;
}

export const DEFAULT_DIVISIONS_URL = dataFile('divisions.geojson');

/** County-level divisions with their boundaries, found by point-in-polygon through a grid. */
export class DivisionIndex {
  private readonly features: DivisionFeature[];
  private readonly boxes: Box[];
  private readonly grid: GridIndex;
  private readonly maxGapM: number;

  constructor(file: DivisionsFile, opts: DivisionIndexOptions = {}) {
    this.maxGapM = opts.maxGapM ?? 3_000;
    this.features = file.features;
    this.boxes = this.features.map((f) => boxOf(f.geometry.coordinates));
    const padded = this.boxes.map((b) => padBox(b, this.maxGapM));
    const bounds = padded.reduce((a, b) => ({
      minLat: Math.min(a.minLat, b.minLat),
      minLon: Math.min(a.minLon, b.minLon),
      maxLat: Math.max(a.maxLat, b.maxLat),
      maxLon: Math.max(a.maxLon, b.maxLon),
    }));
    this.grid = new GridIndex(bounds, opts.cellDeg ?? 0.05);
    padded.forEach((box, i) => {
      this.grid.insert(i, box);
    });
  }

  static load(url: URL = DEFAULT_DIVISIONS_URL, opts: DivisionIndexOptions = {}): DivisionIndex {
    return new DivisionIndex(JSON.parse(readFileSync(url, 'utf8')) as DivisionsFile, opts);
  }

  get size(): number {
    return this.features.length;
  }

  /** The division containing the point, else the nearest within maxGapM, else null. */
  locate(lat: number, lon: number): DivisionProperties | null {
    const candidates = this.grid.at(lat, lon);
    const point = [lon, lat];
    for (const i of candidates) {
      const box = this.boxes[i] as Box;
      if (lat < box.minLat || lat > box.maxLat || lon < box.minLon || lon > box.maxLon) continue;
      const f = this.features[i] as DivisionFeature;
      if (booleanPointInPolygon(point, f.geometry)) return f.properties;
    }
    let best: DivisionProperties | null = null;
    let bestM = this.maxGapM;
    for (const i of candidates) {
      const f = this.features[i] as DivisionFeature;
      const d = distanceToRingsM(lat, lon, f.geometry.coordinates, bestM);
      if (d <= bestM) {
        bestM = d;
        best = f.properties;
      }
    }
    return best;
  }
}

function boxOf(polygons: number[][][][]): Box {
  const box = { minLat: 90, minLon: 180, maxLat: -90, maxLon: -180 };
  for (const polygon of polygons) {
    // The outer ring bounds the polygon; holes lie inside it.
    for (const [lon, lat] of polygon[0] ?? []) {
      box.minLat = Math.min(box.minLat, lat as number);
      box.maxLat = Math.max(box.maxLat, lat as number);
      box.minLon = Math.min(box.minLon, lon as number);
      box.maxLon = Math.max(box.maxLon, lon as number);
    }
  }
  return box;
}

function distanceToRingsM(lat: number, lon: number, polygons: number[][][][], limitM: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let k = 1; k < ring.length; k++) {
        const a = ring[k - 1] as number[];
        const b = ring[k] as number[];
        const d = pointSegmentDistanceM(
          lat,
          lon,
          a[1] as number,
          a[0] as number,
          b[1] as number,
          b[0] as number,
        );
        if (d < best) {
          best = d;
          if (best === 0) return 0;
        }
      }
    }
  }
  return best <= limitM ? best : Number.POSITIVE_INFINITY;
}
