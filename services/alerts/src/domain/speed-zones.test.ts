import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distanceM, METRES_PER_DEGREE } from './geo.js';
import { createZoneIndex, parseSpeedZones, type SpeedZone } from './speed-zones.js';

const sample = JSON.parse(
  readFileSync(new URL('../../samples/speed-zones.json', import.meta.url), 'utf8'),
) as unknown;

const circle = (id: string, limitKmh: number, lat: number, lon: number, radiusM: number): SpeedZone => ({
  id,
  name: id,
  limitKmh,
  circle: { lat, lon, radiusM },
});
const polygon = (id: string, limitKmh: number, ring: Array<[number, number]>): SpeedZone => ({
  id,
  name: id,
  limitKmh,
  polygon: ring,
});
/** A point `m` metres north / east of (lat, lon) on the same sphere the index uses. */
const north = (lat: number, m: number) => lat + m / METRES_PER_DEGREE;
const east = (lat: number, lon: number, m: number) =>
  lon + m / (METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180));

describe('A1 speed zones: parsing', () => {
  it('accepts the shipped sample without errors', () => {
    const { zones, errors } = parseSpeedZones(sample);
    expect(errors).toEqual([]);
    expect(zones.map((z) => z.id)).toContain('g2-taian-north-downgrade');
    expect(zones.length).toBeGreaterThanOrEqual(5);
    for (const z of zones) {
      const [lat, lon] = 'circle' in z ? [z.circle.lat, z.circle.lon] : (z.polygon[0] as [number, number]);
      expect(lat).toBeGreaterThanOrEqual(36);
      expect(lat).toBeLessThanOrEqual(37.5);
      expect(lon).toBeGreaterThanOrEqual(116.5);
      expect(lon).toBeLessThanOrEqual(121);
    }
  });

  it('names the zone index, its id and the field in each error, and keeps the valid zones', () => {
    const { zones, errors } = parseSpeedZones({
      zones: [
        { id: 'ok', name: 'ok', limitKmh: 60, circle: { lat: 36.7, lon: 117.2, radiusM: 500 } },
        { id: 'bad-limit', name: 'x', limitKmh: 0, circle: { lat: 36.7, lon: 117.2, radiusM: 500 } },
        { name: 'no id', limitKmh: 60, circle: { lat: 36.7, lon: 117.2, radiusM: 500 } },
        { id: 'both', name: 'x', limitKmh: 60, circle: { lat: 1, lon: 1, radiusM: 1 }, polygon: [] },
        { id: 'bad-circle', name: 'x', limitKmh: 60, circle: { lat: 91, lon: 117.2, radiusM: -1 } },
        {
          id: 'bad-poly',
          name: 'x',
          limitKmh: 60,
          polygon: [
            [36, 117],
            [36, 'e'],
            [37, 118],
          ],
        },
        {
          id: 'short-poly',
          name: 'x',
          limitKmh: 60,
          polygon: [
            [36, 117],
            [37, 118],
            [36, 117],
          ],
        },
        { id: 'ok', name: 'dup', limitKmh: 60, circle: { lat: 36.7, lon: 117.2, radiusM: 500 } },
        { id: 'no-name', name: ' ', limitKmh: 60, circle: { lat: 36.7, lon: 117.2, radiusM: 500 } },
        'not an object',
      ],
    });
    expect(zones.map((z) => z.id)).toEqual(['ok']);
    expect(errors).toEqual([
      'zones[1] (id "bad-limit"): limitKmh must be a number in (0, 200]',
      'zones[2]: id must be 1-64 of A-Z a-z 0-9 . _ : -',
      'zones[3] (id "both"): circle/polygon exactly one of them is required',
      'zones[4] (id "bad-circle"): circle.lat must be a number in [-90, 90]',
      'zones[4] (id "bad-circle"): circle.radiusM must be a number in (0, 100000]',
      'zones[5] (id "bad-poly"): polygon[1] must be [lat, lon] with lat in [-90, 90] and lon in [-180, 180]',
      'zones[6] (id "short-poly"): polygon must have at least 3 distinct vertices (a closing repeat of the first does not count)',
      'zones[7] (id "ok"): id is a duplicate',
      'zones[8] (id "no-name"): name must be a non-empty string',
      'zones[9]: zone must be an object',
    ]);
  });

  it('rejects a document without a zones array', () => {
    expect(parseSpeedZones([]).errors).toEqual(['root: expected an object { "zones": [...] }']);
    expect(parseSpeedZones(null).errors).toHaveLength(1);
  });

  it('drops the closing repeat of the first polygon vertex', () => {
    const { zones } = parseSpeedZones({
      zones: [
        {
          id: 'p',
          name: 'p',
          limitKmh: 60,
          polygon: [
            [36, 117],
            [36, 118],
            [37, 118],
            [36, 117],
          ],
        },
      ],
    });
    expect(zones[0]).toEqual(
      polygon('p', 60, [
        [36, 117],
        [36, 118],
        [37, 118],
      ]),
    );
  });
});

describe('A1 speed zones: which limit applies', () => {
  it('outside every zone: the vehicle-class default, zoneId ""', () => {
    const index = createZoneIndex([circle('toll', 60, 36.7, 117.22, 800)], 100);
    expect(index.limitAt(36.0, 118.0)).toEqual({ limitKmh: 100, zoneId: '' });
  });

  it('nested zones: the strictest limit wins, in the sample file too', () => {
    const index = createZoneIndex(parseSpeedZones(sample).zones, 100);
    // Centre of the downgrade circle, inside the G2 Jinan–Tai'an corridor.
    expect(index.limitAt(36.4, 117.086)).toEqual({ limitKmh: 60, zoneId: 'g2-taian-north-downgrade' });
    // In the corridor, outside the circle.
    expect(index.limitAt(36.5, 117.08)).toEqual({ limitKmh: 80, zoneId: 'g2-jinan-taian' });
    // Toll station inside the ring-road zone, and the ring road beside it.
    expect(index.limitAt(36.7, 117.22)).toEqual({ limitKmh: 60, zoneId: 'g20-jinan-east-toll' });
    expect(index.limitAt(36.65, 117.17)).toEqual({ limitKmh: 80, zoneId: 'g2001-jinan-ring-east' });
    expect(index.limitAt(36.65, 116.6)).toEqual({ limitKmh: 100, zoneId: '' });
  });

  it('the order of the zones does not matter; equal limits go to the smaller id', () => {
    const zones = [
      circle('b-wide', 80, 36.5, 117.1, 5000),
      circle('a-also-80', 80, 36.5, 117.1, 1000),
      circle('c-strict', 60, 36.5, 117.1, 300),
    ];
    for (const order of [zones, [...zones].reverse()]) {
      const index = createZoneIndex(order, 100);
      expect(index.limitAt(36.5, 117.1).zoneId).toBe('c-strict');
      expect(index.limitAt(north(36.5, 500), 117.1).zoneId).toBe('a-also-80');
      expect(index.limitAt(north(36.5, 2000), 117.1).zoneId).toBe('b-wide');
    }
  });

  it('a point on the edge of a circle is inside; 1 m beyond is outside', () => {
    const [lat, lon, r] = [36.7, 117.22, 800];
    const index = createZoneIndex([circle('toll', 60, lat, lon, r)], 100);
    expect(index.limitAt(north(lat, r), lon).zoneId).toBe('toll');
    expect(index.limitAt(north(lat, -r), lon).zoneId).toBe('toll');
    expect(index.limitAt(lat, east(lat, lon, r)).zoneId).toBe('toll');
    expect(index.limitAt(north(lat, r + 1), lon).zoneId).toBe('');
    expect(index.limitAt(lat, east(lat, lon, -(r + 1))).zoneId).toBe('');
  });

  it('polygons: inside, outside, on an edge and on a vertex', () => {
    const index = createZoneIndex(
      [
        polygon('tri', 80, [
          [36, 117],
          [36, 118],
          [37, 117],
        ]),
      ],
      100,
    );
    expect(index.limitAt(36.2, 117.2).zoneId).toBe('tri');
    expect(index.limitAt(36.8, 117.8).zoneId).toBe('');
    expect(index.limitAt(36, 117.5).zoneId).toBe('tri');
    expect(index.limitAt(36.5, 117.5).zoneId).toBe('tri');
    expect(index.limitAt(37, 117).zoneId).toBe('tri');
    expect(index.limitAt(35.9999, 117.5).zoneId).toBe('');
  });

  it('a zone too large for the grid is still found', () => {
    const index = createZoneIndex(
      [
        polygon('shandong', 90, [
          [34, 114],
          [34, 123],
          [39, 123],
          [39, 114],
        ]),
        circle('toll', 60, 36.7, 117.22, 800),
      ],
      100,
    );
    expect(index.limitAt(36.0, 118.0)).toEqual({ limitKmh: 90, zoneId: 'shandong' });
    expect(index.limitAt(36.7, 117.22)).toEqual({ limitKmh: 60, zoneId: 'toll' });
    expect(index.limitAt(40, 118)).toEqual({ limitKmh: 100, zoneId: '' });
  });

  it('agrees with checking every zone one by one (property)', () => {
    const zoneArb = fc.oneof(
      fc
        .record({
          limit: fc.constantFrom(40, 60, 80),
          lat: fc.double({ min: 36, max: 37.5, noNaN: true }),
          lon: fc.double({ min: 116.5, max: 121, noNaN: true }),
          r: fc.integer({ min: 100, max: 30_000 }),
        })
        .map((z) => ({ limit: z.limit, shape: { circle: { lat: z.lat, lon: z.lon, radiusM: z.r } } })),
      fc
        .record({
          limit: fc.constantFrom(40, 60, 80),
          lat: fc.double({ min: 36, max: 37.5, noNaN: true }),
          lon: fc.double({ min: 116.5, max: 121, noNaN: true }),
          pts: fc.array(fc.tuple(fc.double({ min: -0.4, max: 0.4 }), fc.double({ min: -0.4, max: 0.4 })), {
            minLength: 3,
            maxLength: 8,
          }),
        })
        .map((z) => ({
          limit: z.limit,
          shape: { polygon: z.pts.map(([a, b]): [number, number] => [z.lat + a, z.lon + b]) },
        })),
    );
    const pointArb = fc.tuple(
      fc.double({ min: 35.8, max: 37.7, noNaN: true }),
      fc.double({ min: 116.3, max: 121.2, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(zoneArb, { maxLength: 30 }),
        fc.array(pointArb, { maxLength: 30 }),
        (raw, points) => {
          const zones = raw.map((z, i) => ({
            id: `z${String(i).padStart(2, '0')}`,
            name: 'z',
            limitKmh: z.limit,
            ...z.shape,
          }));
          const index = createZoneIndex(zones, 100);
          const one = (z: SpeedZone) => createZoneIndex([z], 100);
          for (const [lat, lon] of points) {
            const containing = zones.filter((z) => one(z).limitAt(lat, lon).zoneId === z.id);
            containing.sort((a, b) => a.limitKmh - b.limitKmh || (a.id < b.id ? -1 : 1));
            const expected = containing[0]
              ? { limitKmh: containing[0].limitKmh, zoneId: containing[0].id }
              : { limitKmh: 100, zoneId: '' };
            expect(index.limitAt(lat, lon)).toEqual(expected);
          }
        },
      ),
    );
  });

  it('circle containment matches the great-circle distance away from the edge', () => {
    const index = createZoneIndex([circle('c', 60, 36.7, 117.22, 5000)], 100);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 0, max: 10_000, noNaN: true }),
        (bearing, d) => {
          fc.pre(Math.abs(d - 5000) > 10);
          const lat = north(36.7, d * Math.cos(bearing));
          const lon = east(36.7, 117.22, d * Math.sin(bearing));
          expect(index.limitAt(lat, lon).zoneId).toBe(distanceM(36.7, 117.22, lat, lon) <= 5000 ? 'c' : '');
        },
      ),
    );
  });

  it('measures the lookup rate over hundreds of zones (printed, not asserted)', () => {
    const zones: SpeedZone[] = [];
    for (let i = 0; i < 500; i++) {
      const lat = 36 + ((i * 7919) % 1500) / 1000;
      const lon = 116.5 + ((i * 104729) % 4500) / 1000;
      zones.push(
        i % 2
          ? circle(`c${i}`, 60, lat, lon, 500 + (i % 7) * 300)
          : polygon(`p${i}`, 80, [
              [lat, lon],
              [lat + 0.05, lon + 0.01],
              [lat + 0.04, lon + 0.08],
              [lat - 0.01, lon + 0.06],
            ]),
      );
    }
    const index = createZoneIndex(zones, 100);
    const n = 1_000_000;
    let inZone = 0;
    const t0 = performance.now();
    for (let k = 0; k < n; k++) {
      const r = index.limitAt(36 + (k % 1500) / 1000, 116.5 + ((k * 37) % 4500) / 1000);
      if (r.zoneId !== '') inZone++;
    }
    const elapsed = performance.now() - t0;
    console.log(
      `limitAt: ${n} lookups over ${zones.length} zones in ${elapsed.toFixed(0)} ms = ${Math.round(n / (elapsed / 1000)).toLocaleString('en')} lookups/s (${((100 * inZone) / n).toFixed(1)} % in a zone)`,
    );
    expect(inZone).toBeGreaterThan(0);
  });
});
