import type { Rng } from './rng.js';

/** Shandong plate prefixes (鲁X) with their prefecture and administrative division code. */
export const SHANDONG_CITIES: readonly {
  letter: string;
  city: string;
  divisionCode: string;
  weight: number;
}[] = [
  { letter: 'A', city: 'Jinan', divisionCode: '3701', weight: 14 },
  { letter: 'B', city: 'Qingdao', divisionCode: '3702', weight: 12 },
  { letter: 'C', city: 'Zibo', divisionCode: '3703', weight: 7 },
  { letter: 'D', city: 'Zaozhuang', divisionCode: '3704', weight: 4 },
  { letter: 'E', city: 'Dongying', divisionCode: '3705', weight: 5 },
  { letter: 'F', city: 'Yantai', divisionCode: '3706', weight: 7 },
  { letter: 'G', city: 'Weifang', divisionCode: '3707', weight: 9 },
  { letter: 'H', city: 'Jining', divisionCode: '3708', weight: 8 },
  { letter: 'J', city: "Tai'an", divisionCode: '3709', weight: 5 },
  { letter: 'K', city: 'Weihai', divisionCode: '3710', weight: 3 },
  { letter: 'L', city: 'Rizhao', divisionCode: '3711', weight: 5 },
  { letter: 'M', city: 'Binzhou', divisionCode: '3716', weight: 5 },
  { letter: 'N', city: 'Dezhou', divisionCode: '3714', weight: 6 },
  { letter: 'P', city: 'Liaocheng', divisionCode: '3715', weight: 6 },
  { letter: 'Q', city: 'Linyi', divisionCode: '3713', weight: 9 },
  { letter: 'R', city: 'Heze', divisionCode: '3717', weight: 6 },
  { letter: 'U', city: 'Qingdao', divisionCode: '3702', weight: 3 },
  { letter: 'V', city: 'Weifang', divisionCode: '3707', weight: 3 },
  { letter: 'Y', city: 'Yantai', divisionCode: '3706', weight: 2 },
];

const TOTAL_WEIGHT = SHANDONG_CITIES.reduce((s, c) => s + c.weight, 0);
/** Plate serial letters: no I or O (they read as 1 and 0). */
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const VIN_CHARS = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';
/** World manufacturer identifiers of Chinese heavy-truck makers (Sinotruk, FAW, Shacman, Dongfeng, Foton). */
const WMIS = ['LZZ', 'LFW', 'LZG', 'LGA', 'LRD'];
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const VIN_YEAR_CODES = 'EFGHJKLMNPRS'; // 2014 … 2025

export interface VehicleIdentity {
  plateNumber: string;
  /** Always 2 (yellow): heavy trucks. */
  plateColor: number;
  /** Prefecture of the plate prefix. */
  city: string;
  /** Road transport certificate number (道路运输证号), 12 digits starting with the division code. */
  transportCertNo: string;
  /** 17-character VIN with a valid check digit. */
  vin: string;
}

function vinValue(c: string): number {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  return 'ABCDEFGH'.includes(c)
    ? c.charCodeAt(0) - 64
    : 'JKLMN'.includes(c)
      ? c.charCodeAt(0) - 73
      : c === 'P'
        ? 7
        : c === 'R'
          ? 9
          : c.charCodeAt(0) - 81; // S=2 … Z=9
}

/** ISO 3779 / GB 16735 check digit (position 9) of a 17-character VIN. */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += vinValue(vin[i] as string) * (VIN_WEIGHTS[i] as number);
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

/**
 * Draws unique, plausible vehicle identities from one generator stream:
 * identity i depends only on the seed and on i (and earlier identities).
 */
export class IdentityFactory {
  private readonly plates = new Set<string>();
  private readonly certs = new Set<string>();
  private serial = 0;

  constructor(private readonly rng: Rng) {}

  next(): VehicleIdentity {
    const r = this.rng;
    let w = r.float() * TOTAL_WEIGHT;
    let city = SHANDONG_CITIES[0] as (typeof SHANDONG_CITIES)[number];
    for (const c of SHANDONG_CITIES) {
      city = c;
      w -= c.weight;
      if (w < 0) break;
    }
    let plateNumber: string;
    do {
      // One plate in five carries a letter in the serial (鲁AD3456), as issued since 2007.
      const head = r.float() < 0.2 ? PLATE_LETTERS[r.int(0, PLATE_LETTERS.length - 1)] : String(r.int(0, 9));
      plateNumber = `鲁${city.letter}${head}${String(r.int(0, 9999)).padStart(4, '0')}`;
    } while (this.plates.has(plateNumber));
    this.plates.add(plateNumber);

    let transportCertNo: string;
    do {
      transportCertNo = `${city.divisionCode}${String(r.int(1, 17)).padStart(2, '0')}${String(r.int(0, 999_999)).padStart(6, '0')}`;
    } while (this.certs.has(transportCertNo));
    this.certs.add(transportCertNo);

    this.serial += 1;
    let vds = '';
    for (let i = 0; i < 5; i++) vds += VIN_CHARS[r.int(0, VIN_CHARS.length - 1)];
    const year = VIN_YEAR_CODES[r.int(0, VIN_YEAR_CODES.length - 1)];
    const plant = VIN_CHARS[r.int(10, VIN_CHARS.length - 1)];
    // The serial part carries the running number, so VINs are unique within a fleet.
    const body = `${r.pick(WMIS)}${vds}0${year}${plant}${String(this.serial % 1_000_000).padStart(6, '0')}`;
    const vin = `${body.slice(0, 8)}${vinCheckDigit(body)}${body.slice(9)}`;

    return { plateNumber, plateColor: 2, city: city.city, transportCertNo, vin };
  }
}
