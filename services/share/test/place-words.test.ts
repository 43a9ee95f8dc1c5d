/**
 * X5 in the share service: every place the view gives has its words; with a
 * map-service key (SHARE_AMAP_KEY) they come from AMap's reverse geocoding
 * (here a local stand-in answering in its documented format), asked in the
 * background and cached, and from the offline places until then or when it
 * fails.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { lastPositionKey } from '@safewatch/common';
import { pb } from '@safewatch/proto';
import { getInfra, waitFor } from '@safewatch/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, claimLink, type ShareEnv, shareLink, startShare } from './helpers.js';

const infra = getInfra();
const PLATE = '鲁J59120';
const VEHICLE = randomUUID();
const DRIVER = 'driver-x5';
/** On the Jinan–Tai'an expressway near Tai'an (WGS-84). */
const AT = { lat: 36.2, lon: 117.05 };

let amap: Server;
let amapUrl: string;
let answer: 'ok' | 'over-limit' = 'ok';
const asked: URL[] = [];
let e: ShareEnv;

beforeAll(async () => {
  amap = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://amap');
    asked.push(url);
    res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8' });
    res.end(
      JSON.stringify(
        answer === 'over-limit'
          ? { status: '0', info: 'CUQPS_HAS_EXCEEDED_THE_LIMIT', infocode: '10021' }
          : {
              status: '1',
              info: 'OK',
              infocode: '10000',
              regeocode: {
                formatted_address: '山东省泰安市岱岳区粥店街道',
                addressComponent: {
                  country: '中国',
                  province: '山东省',
                  city: '泰安市',
                  district: '岱岳区',
                  township: '粥店街道',
                  streetNumber: { street: [], number: [], direction: [], distance: [] },
                },
                roads: [
                  { id: '1', name: '京台高速', direction: '东', distance: '35.1', location: '117.05,36.2' },
                ],
              },
            },
      ),
    );
  });
  await new Promise<void>((resolve) => amap.listen(0, '127.0.0.1', resolve));
  amapUrl = `http://127.0.0.1:${(amap.address() as AddressInfo).port}`;
  e = await startShare('place-words', infra, {
    env: { SHARE_AMAP_KEY: 'test-key', SHARE_AMAP_URL: amapUrl, SHARE_AMAP_PER_SECOND: '50' },
  });
  await e.bind([[DRIVER, VEHICLE, PLATE]]);
});

afterAll(async () => {
  await e?.close();
  amap?.closeAllConnections();
  await new Promise((resolve) => amap?.close(resolve));
});

async function setPosition(gnssTimeMs: number, at = AT) {
  const p = pb.Position.encode({
    plateNumber: PLATE,
    plateColor: 2,
    gnssTimeMs,
    latE6: Math.round(at.lat * 1e6),
    lonE6: Math.round(at.lon * 1e6),
    speedDkmh: 800,
    headingDeg: 180,
  }).finish();
  await e.redis.hset(
    lastPositionKey(e.iso.redisPrefix, `${PLATE}:2`),
    't',
    String(gnssTimeMs),
    'p',
    Buffer.from(p),
  );
}

/** A new link of the truck claimed by a new family member; reads his view. */
async function newViewer() {
  const viewer = { sub: `family-${randomUUID()}`, role: 'family' as const };
  const { token } = await shareLink(e, [DRIVER, VEHICLE, PLATE]);
  await claimLink(e, token, viewer);
  return async () =>
    (
      await e.app.server.inject({
        method: 'GET',
        url: `/v1/shares/${token}`,
        headers: bearer(e.token(viewer)),
      })
    ).json();
}

describe('X5: the position in words through the map service', () => {
  it('shows the offline words at once, then the map service’s once asked (one request per cell, GCJ-02)', async () => {
    const view = await newViewer();

    await setPosition(Date.now() - 60_000);
    const first = await view();
    // Never asked yet: the offline words (the county and city of the position).
    expect(first.position.text).toMatch(/泰安市.+附近$/);
    await waitFor(async () => asked.length > 0, { timeoutMs: 5_000, message: 'the map service asked' });
    const q = asked[0];
    expect(q?.pathname).toBe('/v3/geocode/regeo');
    expect(q?.searchParams.get('key')).toBe('test-key');
    // X3: the map service is asked in GCJ-02 (east of the WGS-84 longitude here).
    const [lon] = (q?.searchParams.get('location') ?? '').split(',').map(Number);
    expect(lon).toBeGreaterThan(AT.lon);

    // The next fix (same cell) shows the map service's words; no second request.
    await setPosition(Date.now() - 30_000);
    await waitFor(async () => (await view()).position.text === 'G3京台高速 · 泰安市岱岳区附近', {
      timeoutMs: 10_000,
      message: 'the view shows the map service’s words',
    });
    expect(asked).toHaveLength(1);
  });

  it('falls back to the offline words when the map service refuses (over its limit)', async () => {
    answer = 'over-limit';
    const view = await newViewer();
    // Another place (Qufu on G3), another cell: asked, refused.
    const before = asked.length;
    await setPosition(Date.now() - 20_000, { lat: 35.6, lon: 116.99 });
    expect((await view()).position.text).toMatch(/济宁市曲阜市附近$/);
    await waitFor(async () => asked.length > before, { timeoutMs: 5_000, message: 'the map service asked' });
    await setPosition(Date.now() - 10_000, { lat: 35.6, lon: 116.99 });
    // The refusal is not cached as words: the offline ones stay.
    expect((await view()).position.text).toMatch(/济宁市曲阜市附近$/);
  });
});

describe("X5/X7: today's track spends no map-service request on its points", () => {
  /** 12:00 in China; this app's clock stands still. */
  const NOW = Date.parse('2026-12-06T04:00:00Z');
  const TRACKED: [string, string, string] = ['driver-x5-track', randomUUID(), '鲁J59121'];
  const TRACK_PLATE = TRACKED[2];
  let t: ShareEnv;

  beforeAll(async () => {
    t = await startShare('place-words-track', infra, {
      now: () => new Date(NOW),
      env: { SHARE_AMAP_KEY: 'test-key', SHARE_AMAP_URL: amapUrl, SHARE_AMAP_PER_SECOND: '50' },
    });
    await t.bind([TRACKED]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('asks only for the stop, not for each of the 240 points (one per ~110 m cell)', async () => {
    answer = 'ok';
    // 20 min north at 80 km/h, a fix per 5 s (each in a cell of its own), then 25 min parked.
    const from = NOW - 60 * 60_000;
    const drive = Array.from({ length: 240 }, (_, i) => ({
      t: from + i * 5_000,
      lat: 36.4 + (80 / 3.6 / 111_000) * 5 * i,
      kmh: 80,
    }));
    const last = drive.at(-1) as { t: number; lat: number };
    const parked = Array.from({ length: 51 }, (_, i) => ({
      t: last.t + (i + 1) * 30_000,
      lat: last.lat,
      kmh: 0,
    }));
    const fixes = [...drive, ...parked];
    await t.app.deps.pool.query(
      `INSERT INTO positions (plate_number, plate_color, gnss_time, lat_e6, lon_e6, speed_dkmh, heading_deg,
                              altitude_m, alarm_flags, status_flags, odometer_hm, platform_id)
       SELECT $1, 2, to_timestamp(ts / 1000.0), lat, 117100000, v, 0, 0, 0, 3, 0, 'plat-x5'
         FROM unnest($2::float8[], $3::int[], $4::int[]) AS f(ts, lat, v)`,
      [
        TRACK_PLATE,
        fixes.map((f) => f.t),
        fixes.map((f) => Math.round(f.lat * 1e6)),
        fixes.map((f) => f.kmh * 10),
      ],
    );
    const viewer = { sub: `family-${randomUUID()}`, role: 'family' as const };
    const { token } = await shareLink(t, TRACKED);
    await claimLink(t, token, viewer);
    const before = asked.length;
    const res = await t.app.server.inject({
      method: 'GET',
      url: `/v1/shares/${token}/track`,
      headers: bearer(t.token(viewer)),
    });
    expect(res.statusCode).toBe(200);
    const track = res.json();
    expect(track.points.length).toBeGreaterThan(1);
    expect(track.stops).toHaveLength(1);
    // The stop's words are the map service's answer.
    expect(track.stops[0].placeText).toBe('G3京台高速 · 泰安市岱岳区附近');
    // Let any background request arrive: only the stop's cell was asked.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(asked.length - before).toBe(1);
  });
});
