import { createRequire } from 'node:module';
import { M_PER_DEG, mPerDegLon } from './geo.js';

// gcoord is CommonJS: required, it is typed by its own declaration's default export.
const gcoord = createRequire(import.meta.url)('gcoord') as typeof import('gcoord').default;

export interface Cell {
  key: string;
  /** The cell's centre, WGS-84: what is asked for the whole cell, so its answer does not depend on who asked first. */
  lat: number;
  lon: number;
}

/** The ~`cellM` × `cellM` square containing a WGS-84 point: rows of fixed latitude, columns as wide in metres at every latitude. */
export function cellOf(lat: number, lon: number, cellM: number): Cell {
  const dLat = cellM / M_PER_DEG;
  const row = Math.floor(lat / dLat);
  const centreLat = (row + 0.5) * dLat;
  const dLon = cellM / mPerDegLon(centreLat);
  const col = Math.floor(lon / dLon);
  return { key: `${cellM}:${row}:${col}`, lat: centreLat, lon: (col + 0.5) * dLon };
}

/** WGS-84 (as stored, X3) to GCJ-02, the datum AMap's web service expects; [lat, lon]. */
export function toGcj02(lat: number, lon: number): [number, number] {
  const [gLon, gLat] = gcoord.transform([lon, lat] as [number, number], gcoord.WGS84, gcoord.GCJ02);
  return [gLat, gLon];
}
