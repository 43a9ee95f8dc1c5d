import { readFileSync } from 'node:fs';
import { dataFile } from './data-files.js';
import { GridIndex, padBox, pointSegmentDistanceM } from './geo.js';

/** An expressway as people name it: "G2" and "京沪高速". */
export interface RoadRef {
  /** National (G…) or provincial (S…) route code; null when a web service gives only a name we do not know. */
  code: string | null;
  name: string;
}

interface ExpresswayDef {
  code: string;
  name: string;
  section: string;
  /** Polyline as [latitude, longitude] pairs, WGS-84. */
  line: [number, number][];
}

export interface ExpresswaysFile {
  roads: ExpresswayDef[];
}

export interface RoadMatch {
  road: RoadRef;
  distanceM: number;
}

export const DEFAULT_EXPRESSWAYS_URL = dataFile('expressways.json');

/** Expressway polylines cut into segments and gridded, for "is the truck on a road" at any rate. */
export class RoadIndex {
  private readonly segRoad: Uint16Array;
  /** Segment k runs from (coords[4k], coords[4k+1]) to (coords[4k+2], coords[4k+3]), lat/lon. */
  private readonly coords: Float64Array;
  private readonly roads: RoadRef[];
  private readonly grid: GridIndex;

  constructor(
    file: ExpresswaysFile,
    readonly withinM: number = 500,
  ) {
    this.roads = file.roads.map((r) => ({ code: r.code, name: r.name }));
    const segs = file.roads.flatMap((r, ri) =>
      r.line.slice(1).map((b, k) => [ri, r.line[k] as number[], b] as const),
    );
    this.segRoad = Uint16Array.from(segs.map(([ri]) => ri));
    this.coords = Float64Array.from(segs.flatMap(([, a, b]) => [a[0], a[1], b[0], b[1]] as number[]));
    const boxes = segs.map(([, a, b]) =>
      padBox(
        {
          minLat: Math.min(a[0] as number, b[0]),
          maxLat: Math.max(a[0] as number, b[0]),
          minLon: Math.min(a[1] as number, b[1]),
          maxLon: Math.max(a[1] as number, b[1]),
        },
        withinM,
      ),
    );
    const bounds = boxes.reduce((x, y) => ({
      minLat: Math.min(x.minLat, y.minLat),
      minLon: Math.min(x.minLon, y.minLon),
      maxLat: Math.max(x.maxLat, y.maxLat),
      maxLon: Math.max(x.maxLon, y.maxLon),
    }));
    this.grid = new GridIndex(bounds, 0.02);
    boxes.forEach((box, k) => {
      this.grid.insert(k, box);
    });
  }

  static load(url: URL = DEFAULT_EXPRESSWAYS_URL, withinM?: number): RoadIndex {
    return new RoadIndex(JSON.parse(readFileSync(url, 'utf8')) as ExpresswaysFile, withinM);
  }

  /** Every road the index knows, for naming what a web service reports. */
  get known(): readonly RoadRef[] {
    return this.roads;
  }

  /** The nearest expressway within `withinM` of the point, or null. */
  nearest(lat: number, lon: number): RoadMatch | null {
    let best = -1;
    let bestM = this.withinM;
    const c = this.coords;
    for (const k of this.grid.at(lat, lon)) {
      const o = 4 * k;
      const d = pointSegmentDistanceM(
        lat,
        lon,
        c[o] as number,
        c[o + 1] as number,
        c[o + 2] as number,
        c[o + 3] as number,
      );
      if (d <= bestM) {
        bestM = d;
        best = k;
      }
    }
    if (best < 0) return null;
    return { road: this.roads[this.segRoad[best] as number] as RoadRef, distanceM: bestM };
  }
}
