/**
 * X7: today's track through the share API (GET /v1/shares/{token}/track),
 * against real Postgres (positions stored as ingest stores them) and Redis:
 * the China day, the stops at their thresholds, the simplification bound, the
 * last known position without a fix today, the claimer-only access of the
 * view (S2, S6, S12), not a view, the rate limits, the cache, the index.
 */
import { randomUUID } from 'node:crypto';
import { lastPositionKey, type Principal } from '@safewatch/common';
import { pb } from '@safewatch/proto';
import { getInfra } from '@safewatch/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { place } from '../src/domain/geo.js';
import { NO_FIX_TODAY } from '../src/domain/track.js';
import type { TrackView } from '../src/domain/view.schema.js';
import { SHARE_RATE_LIMITS } from '../src/http/share.routes.js';
import { type Binding, bearer, claimLink, type ShareEnv, shareLink, startShare } from './helpers.js';

const infra = getInfra();
const MIN = 60_000;
/** 12:00 in China; the app's clock stands still here. */
const NOW = Date.parse('2026-12-06T04:00:00Z');
/** 00:00 in China today. */
const DAY = Date.parse('2026-12-05T16:00:00Z');

const DRIVEN: Binding = ['driver-tr-1', randomUUID(), '鲁T00001'];
const QUIET: Binding = ['driver-tr-2', randomUUID(), '鲁T00002'];
const LONG_DAY: Binding = ['driver-tr-3', randomUUID(), '鲁T00003'];
const LIMITED: Binding = ['driver-tr-4', randomUUID(), '鲁T00004'];
/** Links refused or ended (S3: at most 3 active shares per vehicle). */
const REFUSALS: Binding = ['driver-tr-5', randomUUID(), '鲁T00005'];
const ENDED: Binding = ['driver-tr-6', randomUUID(), '鲁T00006'];
const family = (sub: string): Principal => ({ sub, role: 'family' });

let e: ShareEnv;

interface Fix {
  t: number;
  lat: number;
  lon: number;
  kmh: number;
}

/** Stores fixes as ingest does (micro-degrees, 0.1 km/h). */
async function store(plate: string, fixes: Fix[]): Promise<void> {
  await e.app.deps.pool.query(
    `INSERT INTO positions (plate_number, plate_color, gnss_time, lat_e6, lon_e6, speed_dkmh, heading_deg,
                            altitude_m, alarm_flags, status_flags, odometer_hm, platform_id)
     SELECT $1, 2, to_timestamp(t / 1000.0), lat, lon, v, 0, 0, 0, 3, 0, 'plat-t'
       FROM unnest($2::float8[], $3::int[], $4::int[], $5::int[]) AS f(t, lat, lon, v)`,
    [
      plate,
      fixes.map((f) => f.t),
      fixes.map((f) => Math.round(f.lat * 1e6)),
      fixes.map((f) => Math.round(f.lon * 1e6)),
      fixes.map((f) => Math.round(f.kmh * 10)),
    ],
  );
}

/** Driving north at 80 km/h, one fix per `everyS`, from `lat` at `t` for `minutes`; ends where the next leg starts. */
function drive(t: number, lat: number, minutes: number, everyS = 30): Fix[] {
  return Array.from({ length: (minutes * 60) / everyS }, (_, i) => ({
    t: t + i * everyS * 1000,
    lat: lat + (80 / 3.6 / 111_000) * i * everyS,
    lon: 117,
    kmh: 80,
  }));
}

/** Parked (speed 0) at `lat` from `t` for `minutes`, one fix per 30 s; the last fix departs (15 km/h). */
function park(t: number, lat: number, minutes: number): Fix[] {
  return Array.from({ length: minutes * 2 + 1 }, (_, i) => ({
    t: t + i * 30_000,
    lat,
    lon: 117,
    kmh: i === minutes * 2 ? 15 : 0,
  }));
}

/** The DRIVEN truck's day: a fix at 23:59 yesterday, then drive, 19 min stop, drive, 21 min stop, drive. */
const yesterday: Fix = { t: DAY - MIN, lat: 35.9, lon: 116.9, kmh: 60 };
const legs: Fix[] = [];
/** The first fix of each stop of the day. */
const parked: Fix[] = [];
{
  let t = DAY + 6 * 60 * MIN; // 06:00
  let lat = 36;
  for (const [kind, minutes] of [
    ['drive', 40],
    ['park', 19],
    ['drive', 30],
    ['park', 21],
    ['drive', 20],
  ] as const) {
    const part = kind === 'drive' ? drive(t, lat, minutes) : park(t, lat, minutes);
    legs.push(...part);
    if (kind === 'park') parked.push(part[0] as Fix);
    const last = part.at(-1) as Fix;
    t = last.t + 30_000;
    lat = kind === 'drive' ? last.lat + (80 / 3.6 / 111_000) * 30 : last.lat;
  }
}

const share = (binding: Binding) => shareLink(e, binding);

async function claimed(binding: Binding, viewer: string) {
  const link = await shareLink(e, binding);
  await claimLink(e, link.token, family(viewer));
  return link;
}

const track = (token: string, viewer: Principal, ip = '127.0.0.1') =>
  e.app.server.inject({
    method: 'GET',
    url: `/v1/shares/${token}/track`,
    headers: bearer(e.token(viewer)),
    remoteAddress: ip,
  });

beforeAll(async () => {
  e = await startShare('share-track', infra, { now: () => new Date(NOW) });
  await e.bind([DRIVEN, QUIET, LONG_DAY, LIMITED, REFUSALS, ENDED]);
  await store(DRIVEN[2], [yesterday, ...legs]);
  // A day at one fix per 5 s: 12 h of driving, 8,640 fixes.
  await store(LONG_DAY[2], drive(DAY, 36, 12 * 60, 5));
  // QUIET has no fix today: only yesterday's, and its last position in Redis.
  await store(QUIET[2], [{ ...yesterday, t: DAY - 3 * 60 * MIN }]);
  await e.redis.hset(lastPositionKey(e.iso.redisPrefix, `${QUIET[2]}:2`), {
    t: String(DAY - 3 * 60 * MIN),
    p: Buffer.from(
      pb.Position.encode({
        plateNumber: QUIET[2],
        plateColor: 2,
        gnssTimeMs: DAY - 3 * 60 * MIN,
        latE6: 35_900_000,
        lonE6: 116_900_000,
        speedDkmh: 0,
        headingDeg: 180,
      }).finish(),
    ),
  });
});
afterAll(async () => {
  await e?.close();
});

describe("X7 today's track for the claimer", () => {
  let link: { shareId: string; token: string };
  let body: TrackView;
  const viewer = family('family-tr-1');

  beforeAll(async () => {
    link = await claimed(DRIVEN, viewer.sub);
    const r = await track(link.token, viewer);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toContain('application/json');
    expect(r.headers['cache-control']).toBe('private, max-age=30');
    body = r.json();
  });

  it('covers the China day: from 00:00 Asia/Shanghai to now; the fix at 23:59 yesterday is left out', () => {
    expect(body).toMatchObject({
      day: '2026-12-06',
      from: new Date(DAY).toISOString(),
      to: new Date(NOW).toISOString(),
      fixes: legs.length,
      lastKnown: null,
      reason: null,
    });
    expect(body.points[0]?.gnssTime).toBe(new Date(legs[0]?.t as number).toISOString());
    expect(body.points.some((p) => Date.parse(p.gnssTime) < DAY)).toBe(false);
  });

  it('marks the 21-minute stop with its duration and place (both datums), not the 19-minute one', () => {
    const long = parked[1] as Fix;
    expect(body.stops).toEqual([
      {
        startedAt: new Date(long.t).toISOString(),
        endedAt: new Date(long.t + 21 * MIN).toISOString(),
        durationS: 21 * 60,
        ongoing: false,
        place: place(Math.round(long.lat * 1e6) / 1e6, long.lon),
        // X5: the service's offline places (no map-service key in tests).
        placeText: place(Math.round(long.lat * 1e6) / 1e6, long.lon).text,
      },
    ]);
  });

  it('gives every point in WGS-84 and GCJ-02 (X3) and the distance driven', () => {
    for (const p of body.points) {
      const { wgs84, gcj02 } = place(p.wgs84.lat, p.wgs84.lon);
      expect(p).toEqual({ gnssTime: p.gnssTime, wgs84, gcj02 });
    }
    // 90 minutes at 80 km/h, plus the short hops between legs.
    expect(body.distanceM).toBeGreaterThan(119_000);
    expect(body.distanceM).toBeLessThan(122_000);
  });

  it('is not recorded as a view', async () => {
    const views = async () =>
      (
        await e.app.deps.pool.query('SELECT count(*)::int AS n FROM share_views WHERE share_id = $1', [
          link.shareId,
        ])
      ).rows[0].n;
    await e.app.deps.views?.flush();
    const before = await views();
    expect((await track(link.token, viewer)).statusCode).toBe(200);
    await e.app.deps.views?.flush();
    expect(await views()).toBe(before);
  });

  it('a day at one fix per 5 s comes simplified to at most 500 points', async () => {
    const l = await claimed(LONG_DAY, 'family-tr-3');
    const r = await track(l.token, family('family-tr-3'));
    expect(r.statusCode, r.body).toBe(200);
    const t = r.json() as TrackView;
    expect(t.fixes).toBe(8_640);
    expect(t.points.length).toBeLessThanOrEqual(500);
    expect(t.points.length).toBeGreaterThanOrEqual(2);
    expect(t.points.at(-1)?.gnssTime).toBe(new Date(DAY + (12 * 3600 - 5) * 1000).toISOString());
  });

  it('without a fix today: no points, the last known position, and a plain reason', async () => {
    const l = await claimed(QUIET, 'family-tr-2');
    const r = await track(l.token, family('family-tr-2'));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      points: [],
      stops: [],
      fixes: 0,
      lastKnown: {
        gnssTime: new Date(DAY - 3 * 60 * MIN).toISOString(),
        ...place(35.9, 116.9),
        speedKmh: 0,
        headingDeg: 180,
      },
      reason: NO_FIX_TODAY,
    });
  });

  it('is kept per vehicle for a short time: a second viewer of the vehicle is served from memory', async () => {
    const cache = e.app.deps.tracks;
    if (!cache) throw new Error('the service keeps tracks');
    const other = await claimed(DRIVEN, 'family-tr-5');
    const { hits } = cache.stats;
    const r = await track(other.token, family('family-tr-5'));
    expect(r.statusCode).toBe(200);
    expect(cache.stats.hits).toBe(hits + 1);
    expect(r.json()).toEqual(body);
  });

  it('X5 hook: an injected describer fills in placeText (null while there is none)', async () => {
    const deps = e.app.deps;
    const tracks = deps.tracks;
    deps.tracks = undefined;
    deps.describePlace = async (p) => `G3京台高速 · 北纬 ${p.lat.toFixed(2)}°附近`;
    try {
      const r = await track(link.token, viewer);
      expect((r.json() as TrackView).stops.map((s) => s.placeText)).toEqual([
        `G3京台高速 · 北纬 ${parked[1]?.lat.toFixed(2)}°附近`,
      ]);
      deps.describePlace = async () => {
        throw new Error('geocoder down');
      };
      expect((await track(link.token, viewer)).json().stops[0].placeText).toBeNull();
      deps.describePlace = () => {
        throw new Error('a synchronous failure');
      };
      expect((await track(link.token, viewer)).json().stops[0].placeText).toBeNull();
    } finally {
      deps.tracks = tracks;
      deps.describePlace = undefined;
    }
  });
});

describe('X7 the track is the claimer’s only, while the share is valid (S2, S6, S12)', () => {
  it('another viewer is refused 403 SHARE_CLAIMED; an unclaimed link 404; an unknown link 404', async () => {
    const link = await claimed(REFUSALS, 'family-tr-6');
    const other = await track(link.token, family('family-tr-7'));
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'SHARE_CLAIMED' });
    expect(other.headers['content-type']).toContain('application/problem+json');
    const unclaimed = await share(REFUSALS);
    expect((await track(unclaimed.token, family('family-tr-6'))).json()).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
    // S12: the sharing driver himself may not read it either.
    const own = await e.app.server.inject({
      method: 'GET',
      url: `/v1/shares/${unclaimed.token}/track`,
      headers: bearer(e.token({ sub: REFUSALS[0], role: 'driver' })),
    });
    expect(own.json()).toMatchObject({ status: 403, code: 'SHARE_OWN_LINK' });
  });

  it('an ended share answers 410 SHARE_ENDED (车辆动态已结束)', async () => {
    const viewer = family('family-tr-8');
    const link = await claimed(ENDED, viewer.sub);
    expect((await track(link.token, viewer)).statusCode).toBe(200);
    const cancel = await e.app.server.inject({
      method: 'DELETE',
      url: `/v1/drivers/me/shares/${link.shareId}`,
      headers: bearer(e.token({ sub: ENDED[0], role: 'driver' })),
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const r = await track(link.token, viewer);
    expect(r.statusCode).toBe(410);
    expect(r.json()).toMatchObject({ code: 'SHARE_ENDED', reason: 'CANCELLED' });
  });
});

describe('X7 rate limits (SHARE_RATE_LIMITS.track)', () => {
  const L = SHARE_RATE_LIMITS.track;

  it(`${L.perToken} per link, from any address, then 429`, async () => {
    const viewer = family('family-tr-9');
    const link = await claimed(LIMITED, viewer.sub);
    const rs = await Promise.all(
      Array.from({ length: L.perToken }, (_, i) => track(link.token, viewer, `10.77.0.${i + 1}`)),
    );
    expect(rs.map((r) => r.statusCode)).toEqual(Array(L.perToken).fill(200));
    const limited = await track(link.token, viewer, '10.77.1.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it(`${L.perIp} per client address across links, then 429`, async () => {
    const guesser = family('family-tr-guess');
    const rs = await Promise.all(
      Array.from({ length: L.perIp }, () => track(randomUUID().replaceAll('-', ''), guesser, '10.78.0.1')),
    );
    expect(rs.every((r) => r.statusCode === 404)).toBe(true);
    expect((await track(randomUUID(), guesser, '10.78.0.1')).statusCode).toBe(429);
    expect((await track(randomUUID(), guesser, '10.78.0.2')).statusCode).toBe(404);
  });
});

describe('X7 the day query', () => {
  it('reads one vehicle’s day through the positions primary key (an index range scan)', async () => {
    // Enough vehicles that a sequential scan would cost more.
    const many = Array.from({ length: 200 }, (_, v) => `鲁X${String(v).padStart(5, '0')}`);
    await e.app.deps.pool.query(
      `INSERT INTO positions (plate_number, plate_color, gnss_time, lat_e6, lon_e6, speed_dkmh, heading_deg,
                              altitude_m, alarm_flags, status_flags, odometer_hm, platform_id)
       SELECT p, 2, to_timestamp($2 / 1000.0) + make_interval(secs => i * 30), 36000000, 117000000, 800, 0, 0, 0, 3, 0, 'x'
         FROM unnest($1::text[]) AS p, generate_series(0, 199) AS i`,
      [many, DAY],
    );
    await e.app.deps.pool.query('ANALYZE positions');
    const plan = await e.app.deps.pool.query(
      `EXPLAIN SELECT gnss_time FROM positions
        WHERE plate_number = $1 AND plate_color = 2 AND gnss_time >= $2 AND gnss_time < $3 ORDER BY gnss_time`,
      [many[7], new Date(DAY), new Date(DAY + 86_400_000)],
    );
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toMatch(/Index (Only )?Scan using positions_pkey/);
    expect(text).not.toMatch(/Seq Scan|Sort/);
  });
});
