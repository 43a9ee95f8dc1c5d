import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROAD_DEFS } from '@safewatch/simulator';
import { describe, expect, it } from 'vitest';
import { M_PER_DEG } from './geo.js';
import { OfflineGeocoder } from './offline.geocoder.js';

const geocoder = OfflineGeocoder.load();
const RESULTS_DIR = join(import.meta.dirname, '..', '..', '..', 'test-results', 'places');

interface Expected {
  where: string;
  lat: number;
  lon: number;
  road: string | null;
  city: string;
  county: string | null;
  province: string;
}

/**
 * Seven waypoints of the simulator's roads, each at a county seat the road
 * passes (the road is the simulator's; the county is where that town is),
 * and three positions well away from every road. Counties are the towns'
 * own, not read from our data; for the Xuzhou city centre only the city is
 * asserted.
 */
const TEN: Expected[] = [
  {
    where: 'G2 at Yucheng',
    lat: 36.95,
    lon: 116.62,
    road: 'G2京沪高速',
    city: '德州市',
    county: '禹城市',
    province: '山东省',
  },
  {
    where: 'G20 at Zhangqiu',
    lat: 36.71,
    lon: 117.53,
    road: 'G20青银高速',
    city: '济南市',
    county: '章丘区',
    province: '山东省',
  },
  {
    where: 'G3 at Qufu',
    lat: 35.6,
    lon: 116.99,
    road: 'G3京台高速',
    city: '济宁市',
    county: '曲阜市',
    province: '山东省',
  },
  {
    where: 'G15 at Laiyang',
    lat: 36.97,
    lon: 120.71,
    road: 'G15沈海高速',
    city: '烟台市',
    county: '莱阳市',
    province: '山东省',
  },
  {
    where: 'G22 at Feicheng',
    lat: 36.18,
    lon: 116.77,
    road: 'G22青兰高速',
    city: '泰安市',
    county: '肥城市',
    province: '山东省',
  },
  {
    where: 'G25 at Xintai',
    lat: 35.9,
    lon: 117.8,
    road: 'G25长深高速',
    city: '泰安市',
    county: '新泰市',
    province: '山东省',
  },
  {
    where: 'G18 at Laizhou',
    lat: 37.18,
    lon: 119.95,
    road: 'G18荣乌高速',
    city: '烟台市',
    county: '莱州市',
    province: '山东省',
  },
  {
    where: 'Mount Lao, off-road',
    lat: 36.16,
    lon: 120.61,
    road: null,
    city: '青岛市',
    county: '崂山区',
    province: '山东省',
  },
  {
    where: 'Rongcheng town, off-road',
    lat: 37.165,
    lon: 122.42,
    road: null,
    city: '威海市',
    county: '荣成市',
    province: '山东省',
  },
  {
    where: 'Xuzhou centre, Jiangsu',
    lat: 34.26,
    lon: 117.19,
    road: null,
    city: '徐州市',
    county: null,
    province: '江苏省',
  },
];

describe('X5 places in words, offline', () => {
  it('X5: describes ten positions along the simulator roads as the county, city and road they are in', () => {
    const rows = TEN.map((e) => ({ e, got: geocoder.describeSync(e.lat, e.lon) }));
    const table = [
      '# X5: ten positions described by the offline geocoder',
      '',
      '| # | position (WGS-84) | where | expected | answer |',
      '|---|---|---|---|---|',
      ...rows.map(({ e, got }, i) => {
        const expected = `${e.road ? `${e.road} · ` : ''}${e.city}${e.county ?? '(any district)'}`;
        return `| ${i + 1} | ${e.lat.toFixed(3)}, ${e.lon.toFixed(3)} | ${e.where} | ${expected} | ${got.text} |`;
      }),
      '',
    ].join('\n');
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, 'ten-positions.md'), table);
    console.log(table);

    for (const { e, got } of rows) {
      expect(got.source).toBe('offline');
      expect(got.road ? `${got.road.code}${got.road.name}` : null, e.where).toBe(e.road);
      expect(got.city, e.where).toBe(e.city);
      expect(got.province, e.where).toBe(e.province);
      if (e.county) {
        expect(got.county, e.where).toBe(e.county);
        expect(got.text).toBe(`${e.road ? `${e.road} · ` : ''}${e.city}${e.county}附近`);
      }
    }
  });

  it('X5: every point the simulator drives through is on its road (the data agree with roads.ts)', () => {
    for (const def of ROAD_DEFS) {
      const code = def.name.split(' ')[0];
      for (let k = 1; k < def.waypoints.length; k++) {
        const [aLat, aLon] = def.waypoints[k - 1] as readonly number[];
        const [bLat, bLon] = def.waypoints[k] as readonly number[];
        for (const f of [0, 0.25, 0.5, 0.75]) {
          const lat = (aLat as number) + f * ((bLat as number) - (aLat as number));
          const lon = (aLon as number) + f * ((bLon as number) - (aLon as number));
          // Two roads share a waypoint where they meet; elsewhere the road must be this one.
          if (f > 0)
            expect(geocoder.describeSync(lat, lon).road?.code, `${def.id} at ${lat},${lon}`).toBe(code);
          else expect(geocoder.describeSync(lat, lon).road).not.toBeNull();
        }
      }
    }
  });

  it('X5: a road counts within 500 m of its line, not beyond', () => {
    // Zhangqiu waypoint of G20, moved due south: the line runs about east-west there.
    const at = (m: number) => geocoder.describeSync(36.71 - m / M_PER_DEG, 117.53);
    expect(at(450).road?.code).toBe('G20');
    expect(at(700).road).toBeNull();
    expect(at(700).text).toBe('济南市章丘区附近');
    const near = OfflineGeocoder.load({ roadWithinM: 1_000 });
    expect(near.describeSync(36.71 - 700 / M_PER_DEG, 117.53).road?.code).toBe('G20');
  });

  it('X5: a position outside every known county is given in degrees; nothing invented', () => {
    const far = geocoder.describeSync(30.5, 125.5); // East China Sea
    expect(far).toMatchObject({ road: null, county: null, city: null, province: null, source: 'offline' });
    expect(far.text).toBe('北纬30.5000°，东经125.5000°附近');
    expect(geocoder.describeSync(Number.NaN, 117).county).toBeNull();
  });

  it('X5: a position just off the simplified coastline goes to the nearest county', () => {
    // Qingdao's May Fourth Square waterfront, then 1 km out into Fushan Bay.
    expect(geocoder.describeSync(36.061, 120.384).county).toBe('市南区');
    expect(geocoder.describeSync(36.05, 120.384).county).toBe('市南区');
  });

  it('X5: describe() gives the same words as describeSync()', async () => {
    await expect(geocoder.describe(36.95, 116.62)).resolves.toEqual(geocoder.describeSync(36.95, 116.62));
  });
});
