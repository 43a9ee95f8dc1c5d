import gcoordModule from 'gcoord';

// gcoord is CommonJS; its typings do not describe the default export Node gives ESM.
const gcoord = gcoordModule as unknown as {
  transform(point: [number, number], from: string, to: string): [number, number];
  WGS84: string;
  GCJ02: string;
};

export interface LatLon {
  lat: number;
  lon: number;
}

/** A point as the share API gives it (X3): WGS-84 as stored and GCJ-02 for Chinese map components; X5: in words. */
export interface Place {
  wgs84: LatLon;
  gcj02: LatLon;
  /** X5: e.g. "G2京沪高速 · 泰安市岱岳区附近"; null when no describer is set. */
  text: string | null;
}

/** X5: a place in words from WGS-84 degrees, synchronously (the view is built from memory). */
export type PlaceWordsOf = (lat: number, lon: number) => string | null;

let wordsOf: PlaceWordsOf | null = null;

/**
 * Sets how places are put in words (the service sets it once at start from the
 * places package: the offline geocoder, or the map service's cached answers).
 */
export function describePlacesWith(describe: PlaceWordsOf | null): void {
  wordsOf = describe;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * X3: a WGS-84 point in decimal degrees with its GCJ-02 twin, both to 6
 * decimals (~0.1 m), without words: for the many points of a track, which
 * must not spend the map service's request budget (X5).
 */
export function datums(lat: number, lon: number): Omit<Place, 'text'> {
  const [gLon, gLat] = gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02);
  return {
    wgs84: { lat: round6(lat), lon: round6(lon) },
    gcj02: { lat: round6(gLat), lon: round6(gLon) },
  };
}

/** X3 and X5: a WGS-84 point in decimal degrees with its GCJ-02 twin and its words. */
export function place(lat: number, lon: number): Place {
  return { ...datums(lat, lon), text: wordsOf ? wordsOf(lat, lon) : null };
}

/** S11: a protobuf GeoPoint (micro-degrees) as a place; null when absent. */
export function placeE6(p: { latE6?: number; lonE6?: number } | null | undefined): Place | null {
  if (!p || (p.latE6 === undefined && p.lonE6 === undefined)) return null;
  return place((p.latE6 ?? 0) / 1e6, (p.lonE6 ?? 0) / 1e6);
}
