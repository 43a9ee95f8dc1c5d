/**
 * City of a vehicle from its plate (X4 adoption statistics). A Chinese plate
 * starts with the province's one-character abbreviation and the letter of the
 * issuing office (发牌机关代号, GA 36-2018 《中华人民共和国机动车号牌》); within a
 * province each letter belongs to one prefecture-level city, and a city that
 * ran out of numbers has a second letter.
 */

/** A region of the statistics: one city, or one plate prefix when its city is not in the table. */
export interface Region {
  /** The prefix that stands for the region (its first plate prefix; the abbreviation for a municipality). */
  key: string;
  /** Province (省级行政区), null when the first character is not a province abbreviation. */
  province: string | null;
  /** City (地级市); the plate prefix itself when the city is not known. */
  city: string;
  /** The plate prefixes counted for the region; a municipality's abbreviation alone stands for all its plates. */
  platePrefixes: string[];
}

/** Province abbreviations on plates (GA 36-2018; 贵 and 云 on plates, not 黔 and 滇). */
export const PROVINCES: Readonly<Record<string, string>> = {
  京: '北京市',
  津: '天津市',
  冀: '河北省',
  晋: '山西省',
  蒙: '内蒙古自治区',
  辽: '辽宁省',
  吉: '吉林省',
  黑: '黑龙江省',
  沪: '上海市',
  苏: '江苏省',
  浙: '浙江省',
  皖: '安徽省',
  闽: '福建省',
  赣: '江西省',
  鲁: '山东省',
  豫: '河南省',
  鄂: '湖北省',
  湘: '湖南省',
  粤: '广东省',
  桂: '广西壮族自治区',
  琼: '海南省',
  渝: '重庆市',
  川: '四川省',
  贵: '贵州省',
  云: '云南省',
  藏: '西藏自治区',
  陕: '陕西省',
  甘: '甘肃省',
  青: '青海省',
  宁: '宁夏回族自治区',
  新: '新疆维吾尔自治区',
};

/** Municipalities (直辖市): every letter belongs to the one city. */
const MUNICIPALITIES = new Set(['京', '津', '沪', '渝']);

/**
 * Shandong's 16 prefecture-level cities and their plate letters, in plate
 * order. Jinan: 鲁A, and 鲁S of the former Laiwu city, merged into Jinan in
 * 2019 (now Laiwu and Gangcheng districts) and issued again by Jinan since
 * March 2023. Qingdao 鲁B/鲁U, Yantai 鲁F/鲁Y and Weifang 鲁G/鲁V each have a
 * second letter; Linyi (鲁Q) issues 鲁W for small vehicles since March 2024
 * (Shandong's fifth two-letter city, as reported by 新黄河, February 2024).
 * The letters I and O are never office codes (鲁O is the police's).
 */
export const SHANDONG_CITIES: readonly { city: string; en: string; letters: string }[] = [
  { city: '济南市', en: 'Jinan', letters: 'AS' },
  { city: '青岛市', en: 'Qingdao', letters: 'BU' },
  { city: '淄博市', en: 'Zibo', letters: 'C' },
  { city: '枣庄市', en: 'Zaozhuang', letters: 'D' },
  { city: '东营市', en: 'Dongying', letters: 'E' },
  { city: '烟台市', en: 'Yantai', letters: 'FY' },
  { city: '潍坊市', en: 'Weifang', letters: 'GV' },
  { city: '济宁市', en: 'Jining', letters: 'H' },
  { city: '泰安市', en: "Tai'an", letters: 'J' },
  { city: '威海市', en: 'Weihai', letters: 'K' },
  { city: '日照市', en: 'Rizhao', letters: 'L' },
  { city: '滨州市', en: 'Binzhou', letters: 'M' },
  { city: '德州市', en: 'Dezhou', letters: 'N' },
  { city: '聊城市', en: 'Liaocheng', letters: 'P' },
  { city: '临沂市', en: 'Linyi', letters: 'QW' },
  { city: '菏泽市', en: 'Heze', letters: 'R' },
];

/** The Shandong cities' regions, in plate order (the statistics always list them, with zeros). */
export const SHANDONG_REGIONS: readonly Region[] = SHANDONG_CITIES.map(({ city, letters }) => {
  const platePrefixes = [...letters].map((l) => `鲁${l}`);
  return { key: platePrefixes[0] as string, province: '山东省', city, platePrefixes };
});

const BY_PREFIX = new Map<string, Region>(
  SHANDONG_REGIONS.flatMap((r) => r.platePrefixes.map((p) => [p, r] as const)),
);

/** The plate's prefix: its first two characters (province abbreviation and office letter), upper case. */
export function platePrefix(plateNumber: string): string {
  return [...plateNumber].slice(0, 2).join('').toUpperCase();
}

/**
 * The region of a plate prefix (or of a region key). Shandong by the table;
 * a municipality by its abbreviation; elsewhere the province by the first
 * character and the prefix itself as the city.
 */
export function regionOfPrefix(prefix: string): Region {
  const p = platePrefix(prefix);
  const known = BY_PREFIX.get(p);
  if (known) return known;
  const abbreviation = [...p][0] ?? '';
  const province = PROVINCES[abbreviation] ?? null;
  if (province && MUNICIPALITIES.has(abbreviation))
    return { key: abbreviation, province, city: province, platePrefixes: [abbreviation] };
  return { key: p, province, city: p, platePrefixes: [p] };
}

/** The region of a plate number, e.g. 鲁S12345 → 山东省 济南市. */
export function regionOfPlate(plateNumber: string): Region {
  return regionOfPrefix(platePrefix(plateNumber));
}

/**
 * Prefixes whose region key is not the prefix itself, as [prefix, key] pairs,
 * so that a query can group plates by `coalesce(key, prefix)`: the second
 * letters of two-letter cities and every letter of the municipalities.
 */
export function prefixAliases(): [prefix: string, key: string][] {
  const aliases: [string, string][] = [];
  for (const [p, r] of BY_PREFIX) if (p !== r.key) aliases.push([p, r.key]);
  for (const m of MUNICIPALITIES)
    for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') aliases.push([`${m}${letter}`, m]);
  return aliases;
}
