import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { angleDiffDeg, bearingDeg, distanceM, EARTH_RADIUS_M } from './geo.js';
import { AT_STOP_M, createRestStopIndex, parseRestStops, type RestStop } from './rest-stops.js';

const JINAN = { lat: 36.65, lon: 117.0 };

/** The point `m` metres from `from` on initial bearing `deg`. */
function destination(from: { lat: number; lon: number }, deg: number, m: number) {
  const r = Math.PI / 180;
  const d = m / EARTH_RADIUS_M;
  const p1 = from.lat * r;
  const b = deg * r;
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
  const l2 =
    from.lon * r +
    Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  return { lat: p2 / r, lon: l2 / r };
}

function stopAt(id: string, deg: number, m: number, from = JINAN): RestStop {
  return {
    id,
    name: `${id}司机之家`,
    type: 'EXPRESSWAY_SERVICE_AREA',
    ...destination(from, deg, m),
    services: ['停车'],
  };
}

const ids = (hits: { id: string }[]) => hits.map((h) => h.id);

describe('X1 parseRestStops', () => {
  it('loads the shipped Shandong sample without errors', () => {
    const text = readFileSync(new URL('../../samples/rest-stops.json', import.meta.url), 'utf8');
    const { stops, errors } = parseRestStops(text);
    expect(errors).toEqual([]);
    expect(stops.length).toBeGreaterThanOrEqual(25);
    expect(new Set(stops.map((s) => s.id)).size).toBe(stops.length);
    for (const s of stops) {
      expect(s.lat).toBeGreaterThanOrEqual(34.5);
      expect(s.lat).toBeLessThanOrEqual(38);
      expect(s.lon).toBeGreaterThanOrEqual(115);
      expect(s.lon).toBeLessThanOrEqual(122.5);
      expect(s.name).toMatch(/司机之家$/);
    }
    expect(new Set(stops.map((s) => s.type))).toEqual(
      new Set(['FUEL_STATION', 'LOGISTICS_PARK', 'EXPRESSWAY_SERVICE_AREA', 'OTHER']),
    );
  });

  it('names the entry and the field of every error and keeps the valid entries', () => {
    const good = {
      id: 'a',
      name: '济南东服务区司机之家',
      type: 'EXPRESSWAY_SERVICE_AREA',
      lat: 36.69,
      lon: 117.35,
    };
    const { stops, errors } = parseRestStops({
      stops: [
        { ...good, services: [' 餐饮 ', '淋浴', '餐饮'] },
        { ...good, id: '', name: '' },
        { ...good, id: 'b', type: 'HOTEL' },
        { ...good, id: 'c', lat: 91, lon: '117' },
        { ...good, id: 'a' },
        'not a stop',
        { ...good, id: 'd', services: '餐饮' },
        { ...good, id: 'e', services: ['餐饮', ''] },
        { ...good, id: 'f', lat: 0, lon: 0 },
        { ...good, id: 'g' },
      ],
    });
    expect(stops.map((s) => s.id)).toEqual(['a', 'g']);
    expect(stops[0]!.services).toEqual(['餐饮', '淋浴']);
    expect(stops[1]!.services).toEqual([]);
    expect(errors).toEqual([
      'stops[1].id: required, a non-empty string',
      'stops[1].name: required, a non-empty string',
      'stops[2] (id "b").type: must be one of FUEL_STATION, LOGISTICS_PARK, EXPRESSWAY_SERVICE_AREA, OTHER',
      'stops[3] (id "c").lat: must be a number in [-90, 90] (WGS-84 degrees)',
      'stops[3] (id "c").lon: must be a number in [-180, 180] (WGS-84 degrees)',
      'stops[4] (id "a").id: duplicates stops[0]',
      'stops[5]: expected an object',
      'stops[6] (id "d").services: must be an array of strings',
      'stops[7] (id "e").services[1]: must be a non-empty string',
      'stops[8] (id "f").lat: (0, 0) is a missing location, not a rest stop',
    ]);
  });

  it('rejects a document that is not { stops: [...] }, or not JSON', () => {
    expect(parseRestStops([])).toEqual({ stops: [], errors: ['expected an object { "stops": [ ... ] }'] });
    expect(parseRestStops({ stop: [] }).errors).toHaveLength(1);
    expect(parseRestStops('{"stops": [').errors[0]).toMatch(/^not JSON: /);
    expect(parseRestStops('{"stops": []}')).toEqual({ stops: [], errors: [] });
  });
});

describe('X1 nearestAhead', () => {
  it('finds stops ahead, not behind (same distance, opposite bearing)', () => {
    const index = createRestStopIndex([stopAt('east', 90, 10_000), stopAt('west', 270, 10_000)]);
    expect(ids(index.nearestAhead(JINAN, 90))).toEqual(['east']);
    expect(ids(index.nearestAhead(JINAN, 270))).toEqual(['west']);
    expect(ids(index.nearestAhead(JINAN, 0))).toEqual([]);
  });

  it('excludes stops beyond maxDistanceM and returns the nearest first, at most `limit`', () => {
    const index = createRestStopIndex([
      stopAt('35km', 90, 35_000),
      stopAt('5km', 92, 5_000),
      stopAt('25km', 85, 25_000),
      stopAt('15km', 95, 15_000),
    ]);
    const hits = index.nearestAhead(JINAN, 90, { maxDistanceM: 30_000 });
    expect(ids(hits)).toEqual(['5km', '15km', '25km']);
    expect(hits[0]!.distanceM).toBeCloseTo(5_000, 0);
    expect(hits[0]!.name).toBe('5km司机之家');
    expect(ids(index.nearestAhead(JINAN, 90, { maxDistanceM: 100_000 }))).toEqual(['5km', '15km', '25km']);
    expect(ids(index.nearestAhead(JINAN, 90, { maxDistanceM: 100_000, limit: 4 }))).toHaveLength(4);
    expect(ids(index.nearestAhead(JINAN, 90, { maxDistanceM: 10_000 }))).toEqual(['5km']);
  });

  it('uses a ±maxAngleDeg cone around the heading (60° by default, inclusive)', () => {
    const index = createRestStopIndex([
      stopAt('55', 55, 8_000),
      stopAt('65', 65, 9_000),
      stopAt('-59', 301, 10_000),
    ]);
    expect(ids(index.nearestAhead(JINAN, 0))).toEqual(['55', '-59']);
    expect(ids(index.nearestAhead(JINAN, 0, { maxAngleDeg: 70 }))).toEqual(['55', '65', '-59']);
    expect(ids(index.nearestAhead(JINAN, 0, { maxAngleDeg: 30 }))).toEqual([]);
  });

  it('wraps the heading around 0/360°', () => {
    const index = createRestStopIndex([
      stopAt('b20', 20, 5_000),
      stopAt('b300', 300, 6_000),
      stopAt('b270', 270, 7_000),
      stopAt('b340', 340, 8_000),
    ]);
    const all = { limit: 10 };
    expect(ids(index.nearestAhead(JINAN, 350, all))).toEqual(['b20', 'b300', 'b340']);
    expect(ids(index.nearestAhead(JINAN, 5, all))).toEqual(['b20', 'b340']);
    expect(ids(index.nearestAhead(JINAN, 359.9, all))).toEqual(['b20', 'b300', 'b340']);
    expect(ids(index.nearestAhead(JINAN, 300, all))).toEqual(['b300', 'b270', 'b340']);
    expect(ids(index.nearestAhead(JINAN, 90, all))).toEqual([]);
  });

  it('treats options given as undefined as the defaults; no stops or limit 0 → nothing', () => {
    const index = createRestStopIndex([stopAt('behind', 270, 5_000), stopAt('ahead', 90, 5_000)]);
    expect(ids(index.nearestAhead(JINAN, 90, { maxAngleDeg: undefined, limit: undefined }))).toEqual([
      'ahead',
    ]);
    expect(createRestStopIndex([]).nearestAhead(JINAN, 90)).toEqual([]);
    expect(index.nearestAhead(JINAN, 90, { limit: 0 })).toEqual([]);
  });

  it(`counts a stop closer than ${AT_STOP_M} m as ahead whatever the heading`, () => {
    const index = createRestStopIndex([stopAt('here', 180, 20)]);
    expect(ids(index.nearestAhead(JINAN, 0))).toEqual(['here']);
  });

  it('finds the sample stops ahead of a truck eastbound on G20 near Zibo', () => {
    const { stops } = parseRestStops(
      readFileSync(new URL('../../samples/rest-stops.json', import.meta.url), 'utf8'),
    );
    const index = createRestStopIndex(stops);
    const zibo = { lat: 36.8, lon: 117.9 };
    const narrow = index.nearestAhead(zibo, 95, { maxDistanceM: 150_000, maxAngleDeg: 30 });
    expect(ids(narrow)).toEqual(['sd-g20-zibo', 'sd-g20-qingzhou', 'sd-g20-weifang-park']);
    // The default ±60° cone also takes in Dongying (on G18, to the north-east).
    expect(ids(index.nearestAhead(zibo, 95, { maxDistanceM: 150_000 }))).toContain('sd-g18-dongying');
    // Westbound from the same place: Zhangqiu and Jinan are ahead instead.
    expect(ids(index.nearestAhead(zibo, 265, { maxDistanceM: 60_000 })).slice(0, 2)).toEqual([
      'sd-g20-zhangqiu',
      'sd-g20-jinan-east',
    ]);
  });

  it('gives the same answer as a linear scan (grid index property)', () => {
    const stopArb = fc.record({
      lat: fc.double({ min: 34.5, max: 38, noNaN: true }),
      lon: fc.double({ min: 115, max: 122.5, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(stopArb, { minLength: 0, maxLength: 300 }),
        stopArb,
        fc.double({ min: 0, max: 359.99, noNaN: true }),
        fc.integer({ min: 0, max: 400_000 }),
        fc.integer({ min: 1, max: 180 }),
        (points, at, heading, maxDistanceM, maxAngleDeg) => {
          const stops: RestStop[] = points.map((p, i) => ({
            id: `s${i}`,
            name: 'x',
            type: 'OTHER',
            ...p,
            services: [],
          }));
          const expected = stops
            .map((s) => ({ s, d: distanceM(at.lat, at.lon, s.lat, s.lon) }))
            .filter(
              ({ s, d }) =>
                d <= maxDistanceM &&
                (d < AT_STOP_M ||
                  angleDiffDeg(bearingDeg(at.lat, at.lon, s.lat, s.lon), heading) <= maxAngleDeg),
            )
            .sort((a, b) => a.d - b.d || (a.s.id < b.s.id ? -1 : 1))
            .slice(0, 5)
            .map(({ s }) => s.id);
          const got = createRestStopIndex(stops).nearestAhead(at, heading, {
            maxDistanceM,
            maxAngleDeg,
            limit: 5,
          });
          expect(ids(got)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers quickly over thousands of stops (printed, not asserted)', () => {
    // A uniform spread over Shandong (fast-check's doubles cluster at the bounds on purpose).
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const rnd = Array.from({ length: 5000 }, () => [34.5 + 3.5 * random(), 115 + 7.5 * random()] as const);
    const stops: RestStop[] = rnd.map(([lat, lon], i) => ({
      id: `s${i}`,
      name: 'x',
      type: 'OTHER',
      lat,
      lon,
      services: [],
    }));
    const index = createRestStopIndex(stops);
    const queries = 5_000;
    let found = 0;
    const t0 = process.hrtime.bigint();
    for (let q = 0; q < queries; q++) {
      const [lat, lon] = rnd[q % rnd.length]!;
      found += index.nearestAhead({ lat: lat + 0.01, lon }, (q * 37) % 360, { maxDistanceM: 100_000 }).length;
    }
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    // Also at a realistic density: ~4,000 司机之家 spread over eastern China.
    const wide = Array.from({ length: 4000 }, (_, i) => ({
      id: `w${i}`,
      name: 'x',
      type: 'OTHER' as const,
      lat: 20 + 25 * random(),
      lon: 100 + 22 * random(),
      services: [],
    }));
    const wideIndex = createRestStopIndex(wide);
    const t1 = process.hrtime.bigint();
    for (let q = 0; q < queries; q++) {
      const w = wide[q % wide.length]!;
      found += wideIndex.nearestAhead({ lat: w.lat + 0.01, lon: w.lon }, (q * 37) % 360, {
        maxDistanceM: 100_000,
      }).length;
    }
    const s1 = Number(process.hrtime.bigint() - t1) / 1e9;
    console.log(
      `nearestAhead within 100 km: ${Math.round(queries / s).toLocaleString('en')} queries/s over ${stops.length} stops packed into Shandong; ` +
        `${Math.round(queries / s1).toLocaleString('en')} queries/s over ${wide.length} stops across eastern China`,
    );
    expect(found).toBeGreaterThan(0);
  });
});
