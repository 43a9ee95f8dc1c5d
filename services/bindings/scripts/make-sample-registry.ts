/**
 * Writes the sample registry (services/bindings/samples/): the 200 trucks the
 * fleet simulator drives with seed 1 (as `npm start` runs it: --trucks 200
 * --seed 1), spread over 5 carriers, and 20 fictitious drivers. Deterministic:
 * running it again gives byte-identical files.
 *
 *   npx tsx --conditions=source services/bindings/scripts/make-sample-registry.ts
 *
 * Validity dates are spread around REFERENCE_DATE (2026-11-21): some expire
 * within 30 days of it, a few have already expired (rule A3 reminders).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFleet } from '@safewatch/simulator';

export const REFERENCE_DATE = '2026-11-21';
const SEED = 1;
const TRUCKS = 200;
const OUT = join(import.meta.dirname, '..', 'samples');

/** Small deterministic PRNG (mulberry32), independent of the simulator's streams. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rng = mulberry32(20261121);
const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

const DAY_MS = 86_400_000;
const REF_MS = Date.parse(`${REFERENCE_DATE}T00:00:00Z`);
const dateIn = (days: number) => new Date(REF_MS + days * DAY_MS).toISOString().slice(0, 10);

/** Carriers by region of the plate's prefecture; the Jinan region is shared by two carriers. */
const CARRIER_OF_CITY: Record<string, string[]> = {
  Jinan: ['carrier-jinan-01', 'carrier-jinan-02'],
  "Tai'an": ['carrier-jinan-01', 'carrier-jinan-02'],
  Dezhou: ['carrier-jinan-01', 'carrier-jinan-02'],
  Liaocheng: ['carrier-jinan-01', 'carrier-jinan-02'],
  Zibo: ['carrier-jinan-01', 'carrier-jinan-02'],
  Binzhou: ['carrier-jinan-01', 'carrier-jinan-02'],
  Dongying: ['carrier-jinan-01', 'carrier-jinan-02'],
  Qingdao: ['carrier-qingdao-01'],
  Yantai: ['carrier-qingdao-01'],
  Weihai: ['carrier-qingdao-01'],
  Weifang: ['carrier-weifang-01'],
  Rizhao: ['carrier-weifang-01'],
  Linyi: ['carrier-linyi-01'],
  Zaozhuang: ['carrier-linyi-01'],
  Jining: ['carrier-linyi-01'],
  Heze: ['carrier-linyi-01'],
};

/**
 * Transport certificate validity: ~4% expired (1-180 days ago), ~10% expiring
 * within 30 days, ~3% with no validity on record, the rest 31 days to 3 years ahead.
 */
function transportExpiry(): string {
  const u = rng();
  if (u < 0.04) return dateIn(-int(1, 180));
  if (u < 0.14) return dateIn(int(0, 30));
  if (u < 0.17) return '';
  return dateIn(int(31, 3 * 365));
}

const fleet = createFleet({ seed: SEED, trucks: TRUCKS, startTimeMs: 0 });
const jinanTurn = new Map<string, number>();
const vehicles = fleet.trucks.map((t) => {
  const carriers = CARRIER_OF_CITY[t.city];
  if (!carriers) throw new Error(`no carrier for city ${t.city}`);
  const turn = jinanTurn.get(t.city) ?? 0;
  jinanTurn.set(t.city, turn + 1);
  return {
    plate_number: t.plateNumber,
    plate_color: t.plateColor,
    transport_cert_no: t.transportCertNo,
    vin: t.vin,
    carrier_id: carriers[turn % carriers.length] as string,
    transport_cert_expires_on: transportExpiry(),
    is_freight: true,
  };
});

/** Fictitious people: common given names, phone numbers of the 1380000xxxx block. */
// biome-ignore format: twenty names on two lines
const NAMES = [
  '张建国', '王德明', '李志强', '刘海涛', '陈卫东', '杨国庆', '赵振华', '黄晓峰', '周立新', '吴永刚',
  '徐洪亮', '孙宝山', '马俊杰', '朱成林', '胡学军', '郭红梅', '何长青', '高振宇', '林春生', '罗玉兰',
];
/** Qualification validity (days from REFERENCE_DATE) of the drivers that need a reminder. */
const QUALIFICATION_DAYS: Record<number, number> = { 3: -20, 5: 12, 8: -210, 12: 27, 17: 3 };

const drivers = NAMES.map((name, i) => {
  const n = i + 1;
  const issued = int(2012, 2022);
  return {
    driver_id: `driver-${String(n).padStart(4, '0')}`,
    qualification_cert_no: `3701${String(int(0, 99)).padStart(2, '0')}${issued}${String(int(0, 999_999)).padStart(6, '0')}`,
    qualification_cert_expires_on: dateIn(QUALIFICATION_DAYS[n] ?? int(60, 6 * 365)),
    name,
    phone: `1380000${String(n).padStart(4, '0')}`,
  };
});
// driver-0021 has no qualification certificate: absent from the registry (rule B7).

const csv = (rows: Record<string, string | number | boolean>[]) => {
  const cols = Object.keys(rows[0] ?? {});
  const cell = (v: string | number | boolean) =>
    /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
  return `${[cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c] ?? '')).join(','))].join('\n')}\n`;
};

// JSON says "no validity on record" with null, CSV with an empty cell.
const jsonVehicles = vehicles.map((v) => ({
  ...v,
  transport_cert_expires_on: v.transport_cert_expires_on || null,
}));
writeFileSync(
  join(OUT, 'registry.json'),
  `${JSON.stringify({ vehicles: jsonVehicles, drivers }, null, 2)}\n`,
);
writeFileSync(join(OUT, 'registry-vehicles.csv'), csv(vehicles));
writeFileSync(join(OUT, 'registry-drivers.csv'), csv(drivers));

const within = (d: string, lo: number, hi: number) => d !== '' && d >= dateIn(lo) && d <= dateIn(hi);
const perCarrier = new Map<string, number>();
for (const v of vehicles) perCarrier.set(v.carrier_id, (perCarrier.get(v.carrier_id) ?? 0) + 1);
process.stdout.write(
  `${JSON.stringify(
    {
      vehicles: vehicles.length,
      carriers: Object.fromEntries([...perCarrier].sort()),
      transportExpired: vehicles.filter((v) => within(v.transport_cert_expires_on, -10_000, -1)).length,
      transportWithin30Days: vehicles.filter((v) => within(v.transport_cert_expires_on, 0, 30)).length,
      transportNoDate: vehicles.filter((v) => v.transport_cert_expires_on === '').length,
      drivers: drivers.length,
      qualificationExpired: drivers.filter((d) => within(d.qualification_cert_expires_on, -10_000, -1))
        .length,
      qualificationWithin30Days: drivers.filter((d) => within(d.qualification_cert_expires_on, 0, 30)).length,
    },
    null,
    2,
  )}\n`,
);
