import type { RoadRef } from './roads.index.js';

export type PlaceSource = 'offline' | 'amap';

/** A position described in words (X5), e.g. "G2京沪高速 · 泰安市岱岳区附近". */
export interface PlaceWords {
  /** The sentence to show: the road when on one, then the county and city. */
  text: string;
  road: RoadRef | null;
  /** County-level division, e.g. "岱岳区". */
  county: string | null;
  /** Prefecture-level city, e.g. "泰安市" (for a municipality, the municipality). */
  city: string | null;
  province: string | null;
  source: PlaceSource;
}

/** One interface for the truck's position, alert places and rest stops. */
export interface ReverseGeocoder {
  /** Describes a WGS-84 position (as stored, X3). */
  describe(lat: number, lon: number): Promise<PlaceWords>;
}

export type PlaceParts = Omit<PlaceWords, 'text' | 'source'>;

export const roadLabel = (road: RoadRef) => `${road.code ?? ''}${road.name}`;

/** The one way every implementation phrases a place, so the family reads the same words from both. */
export function placeText(parts: PlaceParts, lat: number, lon: number): string {
  const area = areaWords(parts) ?? `北纬${lat.toFixed(4)}°，东经${lon.toFixed(4)}°`;
  return parts.road ? `${roadLabel(parts.road)} · ${area}附近` : `${area}附近`;
}

function areaWords({ county, city, province }: PlaceParts): string | null {
  if (city && county) return city === county ? city : `${city}${county}`;
  return county ?? city ?? province;
}

export function placeWords(parts: PlaceParts, source: PlaceSource, lat: number, lon: number): PlaceWords {
  return { text: placeText(parts, lat, lon), ...parts, source };
}
