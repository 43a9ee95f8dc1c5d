import type { PlaceParts } from './place-words.js';
import type { RoadRef } from './roads.index.js';

/**
 * The part of AMap's 逆地理编码 (GET /v3/geocode/regeo, extensions=all) answer
 * we read. AMap writes numbers as strings and an empty value as [] rather
 * than "" (city is [] for the four municipalities; district is [] for a
 * prefecture city without districts), so every leaf is `string | []`.
 */
type Text = string | unknown[];

export interface AmapRegeoAnswer {
  status: string;
  info: string;
  infocode: string;
  regeocode?: {
    formatted_address?: Text;
    addressComponent?: {
      country?: Text;
      province?: Text;
      city?: Text;
      citycode?: Text;
      district?: Text;
      adcode?: Text;
      township?: Text;
      streetNumber?: { street?: Text; number?: Text; location?: Text; direction?: Text; distance?: Text };
    };
    roads?: { id?: Text; name?: Text; direction?: Text; distance?: Text; location?: Text }[];
  };
}

const text = (v: Text | undefined): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
const metres = (v: Text | undefined): number => {
  const n = Number(text(v) ?? Number.NaN);
  return Number.isFinite(n) ? n : Number.POSITIVE_INFINITY;
};

const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);
/** "G3京台高速" or "S1 济青高速": a route code before the name. */
const CODED = /^([GS]\d{1,4})\s*(\S.*)$/;

/**
 * Reads the county, city, province and the nearest road (within `roadWithinM`
 * of the asked point) from an OK answer; null when AMap placed the point in
 * no province (at sea, abroad).
 */
export function partsFromRegeo(
  answer: AmapRegeoAnswer,
  roadWithinM: number,
  knownRoads: readonly RoadRef[],
): PlaceParts | null {
  const ac = answer.regeocode?.addressComponent;
  const province = text(ac?.province);
  if (!ac || !province) return null;
  const city = text(ac.city) ?? (MUNICIPALITIES.has(province) ? province : null);
  const roads = answer.regeocode?.roads;
  const nearest = (Array.isArray(roads) ? roads : [])
    .map((r) => ({ name: text(r.name), distanceM: metres(r.distance) }))
    .filter((r): r is { name: string; distanceM: number } => r.name !== null && r.distanceM <= roadWithinM)
    .sort((a, b) => a.distanceM - b.distanceM)[0];
  const street = text(ac.streetNumber?.street);
  const roadName =
    nearest?.name ?? (street && metres(ac.streetNumber?.distance) <= roadWithinM ? street : null);
  return {
    road: roadName ? roadRef(roadName, knownRoads) : null,
    county: text(ac.district),
    city,
    province,
  };
}

/** AMap names expressways with or without their code; a name we know gets its code. */
export function roadRef(name: string, knownRoads: readonly RoadRef[]): RoadRef {
  const coded = CODED.exec(name);
  if (coded) return { code: coded[1] as string, name: coded[2] as string };
  const known = knownRoads.find((r) => name === r.name || name.startsWith(r.name));
  return known ? { code: known.code, name: known.name } : { code: null, name };
}
