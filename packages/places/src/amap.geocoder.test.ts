import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AmapGeocoder, type AmapGeocoderOptions } from './amap.geocoder.js';
import { cellOf } from './cells.js';
import { M_PER_DEG, mPerDegLon } from './geo.js';
import { OfflineGeocoder } from './offline.geocoder.js';

/**
 * A local stand-in for AMap's 逆地理编码 (GET /v3/geocode/regeo): it answers in
 * the service's documented JSON — strings for numbers, [] for empty values,
 * status/info/infocode on every answer — as the test scripts it.
 */
type Reply = { body: unknown; status?: number; delayMs?: number };
let reply: (url: URL) => Reply;
const requests: URL[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake-amap');
    requests.push(url);
    const r = url.pathname === '/v3/geocode/regeo' ? reply(url) : { status: 404, body: 'not found' };
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(r.status ?? 200, { 'content-type': 'application/json;charset=UTF-8' });
      res.end(typeof r.body === 'string' ? r.body : JSON.stringify(r.body));
    };
    r.delayMs ? setTimeout(send, r.delayMs) : send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const ok = (addressComponent: object, roads: object[] = []) => ({
  status: '1',
  info: 'OK',
  infocode: '10000',
  regeocode: { formatted_address: 'ignored', addressComponent, roads, roadinters: [], pois: [], aois: [] },
});
const failure = (infocode: string, info: string) => ({ status: '0', info, infocode });

/** Near Tai'an, beside the Jinan–Tai'an expressway. */
const TAIAN = ok(
  {
    country: '中国',
    province: '山东省',
    city: '泰安市',
    citycode: '0538',
    district: '岱岳区',
    adcode: '370911',
    township: '粥店街道',
    towncode: '370911003000',
    neighborhood: { name: [], type: [] },
    building: { name: [], type: [] },
    streetNumber: { street: [], number: [], direction: [], distance: [] },
    businessAreas: [[]],
  },
  [
    {
      id: '0538F49F0210010001',
      name: '104国道',
      direction: '西',
      distance: '812.4',
      location: '117.04,36.2',
    },
    {
      id: '0538F49F0210010002',
      name: '京沪高速',
      direction: '东',
      distance: '35.1',
      location: '117.05,36.2',
    },
  ],
);
const ERROR = { body: failure('20003', 'UNKNOWN_ERROR') };

const offline = OfflineGeocoder.load();
let clock = Date.parse('2026-01-01T02:00:00Z');
const geocoder = (opts: Partial<AmapGeocoderOptions> = {}) =>
  new AmapGeocoder({ key: 'test-key', baseUrl, fallback: offline, now: () => clock, ...opts });

/** Centres of distinct 100 m cells near Tai'an, so each is a request of its own. */
const cell = (i: number) => cellOf(36.2, 117.05 + (i * 150) / mPerDegLon(36.2), 100);

beforeEach(() => {
  requests.length = 0;
  clock = Date.parse('2026-01-01T02:00:00Z');
  reply = () => ({ body: TAIAN });
});

describe('X5 AMap reverse geocoding', () => {
  it('X5: asks in GCJ-02 with six decimals and names road, county and city from the answer', async () => {
    const words = await geocoder().describe(36.2, 117.05);
    expect(words).toEqual({
      text: 'G2京沪高速 · 泰安市岱岳区附近',
      road: { code: 'G2', name: '京沪高速' },
      county: '岱岳区',
      city: '泰安市',
      province: '山东省',
      source: 'amap',
    });
    expect(requests).toHaveLength(1);
    const q = (requests[0] as URL).searchParams;
    expect(q.get('key')).toBe('test-key');
    expect(q.get('extensions')).toBe('all');
    const [lon, lat] = (q.get('location') as string).split(',');
    expect(lon).toMatch(/^\d+\.\d{6}$/);
    expect(lat).toMatch(/^\d+\.\d{6}$/);
    // GCJ-02 lies some 500 m east of WGS-84 here; the cell centre is within 71 m of the point.
    const eastM = (Number(lon) - 117.05) * mPerDegLon(36.2);
    expect(eastM).toBeGreaterThan(400);
    expect(eastM).toBeLessThan(700);
    expect(Math.abs(Number(lat) - 36.2) * M_PER_DEG).toBeLessThan(100);
  });

  it('X5: a municipality comes with city [] and is named by its province', async () => {
    reply = () => ({
      body: ok(
        {
          country: '中国',
          province: '北京市',
          city: [],
          citycode: '010',
          district: '朝阳区',
          adcode: '110105',
          township: '望京街道',
          streetNumber: {
            street: '阜通东大街',
            number: '6号',
            location: '116.48,39.99',
            direction: '东北',
            distance: '28.6',
          },
        },
        [],
      ),
    });
    const words = await geocoder().describe(39.99, 116.47);
    expect(words).toMatchObject({
      city: '北京市',
      county: '朝阳区',
      road: { code: null, name: '阜通东大街' },
    });
    expect(words.text).toBe('阜通东大街 · 北京市朝阳区附近');
  });

  it('X5: one request per ~100 m cell: a second position 30 m away is answered from the cache', async () => {
    const g = geocoder();
    const c = cell(0);
    await g.describe(c.lat, c.lon);
    const again = await g.describe(c.lat + 30 / M_PER_DEG, c.lon);
    expect(again.source).toBe('amap');
    expect(requests).toHaveLength(1);
    expect(g.stats().cacheHits).toBe(1);
    expect(g.describeCached(c.lat, c.lon + 30 / mPerDegLon(c.lat))?.text).toBe(again.text);
    await g.describe(cell(1).lat, cell(1).lon);
    expect(requests).toHaveLength(2);
  });

  it('X5: positions of one cell asked at once share one request', async () => {
    reply = () => ({ body: TAIAN, delayMs: 50 });
    const g = geocoder();
    const c = cell(2);
    const answers = await Promise.all([
      g.describe(c.lat, c.lon),
      g.describe(c.lat, c.lon),
      g.describe(c.lat, c.lon),
    ]);
    expect(answers.map((a) => a.source)).toEqual(['amap', 'amap', 'amap']);
    expect(requests).toHaveLength(1);
  });

  it('X5: a slow answer is abandoned at the timeout for the offline words', async () => {
    reply = () => ({ body: TAIAN, delayMs: 2_000 });
    const g = geocoder({ timeoutMs: 150 });
    const t0 = Date.now();
    const words = await g.describe(36.18, 116.77);
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(words).toEqual(offline.describeSync(36.18, 116.77));
    expect(words.text).toBe('G22青兰高速 · 泰安市肥城市附近');
    expect(g.stats().fallbacks.timeout).toBe(1);
    expect(g.describeCached(36.18, 116.77)).toBeNull();
  });

  it('X5: HTTP errors, a body that is not JSON and an answer with no place fall back too', async () => {
    const g = geocoder({ perSecond: 10 });
    reply = () => ({ status: 502, body: '<html>Bad Gateway</html>' });
    expect((await g.describe(cell(3).lat, cell(3).lon)).source).toBe('offline');
    reply = () => ({ body: '<html>not json</html>' });
    expect((await g.describe(cell(4).lat, cell(4).lon)).source).toBe('offline');
    reply = () => ({ body: ok({ country: [], province: [], city: [], district: [], adcode: [] }) });
    expect((await g.describe(cell(5).lat, cell(5).lon)).source).toBe('offline');
    reply = () => ({ body: 'null' });
    expect((await g.describe(cell(11).lat, cell(11).lon)).source).toBe('offline');
    expect(g.stats().fallbacks).toMatchObject({ http: 1, 'bad-answer': 2, 'no-place': 1 });
  });

  it('X5: no AMap at all (connection refused) gives the offline words', async () => {
    const g = geocoder({ baseUrl: 'http://127.0.0.1:1' });
    expect(await g.describe(36.95, 116.62)).toEqual(offline.describeSync(36.95, 116.62));
    expect(g.stats().fallbacks.network).toBe(1);
  });

  it.each([
    ['10001', 'INVALID_USER_KEY', 10 * 60_000],
    ['10003', 'DAILY_QUERY_OVER_LIMIT', 14 * 3_600_000], // 02:00Z is 10:00 in China: 14 h to midnight
    ['10044', 'USER_DAILY_QUERY_OVER_LIMIT', 14 * 3_600_000],
    ['10004', 'ACCESS_TOO_FREQUENT', 60_000],
    ['10021', 'CUQPS_HAS_EXCEEDED_THE_LIMIT', 1_000],
    ['10020', 'CKQPS_HAS_EXCEEDED_THE_LIMIT', 1_000],
  ])(
    'X5: infocode %s %s: offline words, and no request until AMap will answer again',
    async (code, info, pauseMs) => {
      const g = geocoder();
      reply = () => ({ body: failure(code, info) });
      const first = await g.describe(cell(6).lat, cell(6).lon);
      expect(first.source).toBe('offline');
      expect(first.text).toBe(offline.describeSync(cell(6).lat, cell(6).lon).text);
      reply = () => ({ body: TAIAN });
      clock += pauseMs - 1;
      expect((await g.describe(cell(7).lat, cell(7).lon)).source).toBe('offline');
      expect(requests).toHaveLength(1);
      clock += 1;
      expect((await g.describe(cell(8).lat, cell(8).lon)).source).toBe('amap');
      expect(requests).toHaveLength(2);
      expect(g.stats().fallbacks).toMatchObject({ infocode: 1, paused: 1 });
    },
  );

  it.each([
    ['20000', 'INVALID_PARAMS'],
    ['20003', 'UNKNOWN_ERROR'],
    ['20800', 'OUT_OF_SERVICE'],
    ['30001', 'ENGINE_RESPONSE_DATA_ERROR'],
  ])('X5: infocode %s %s: offline words this time only', async (code, info) => {
    const g = geocoder();
    reply = () => ({ body: failure(code, info) });
    expect((await g.describe(cell(9).lat, cell(9).lon)).source).toBe('offline');
    reply = () => ({ body: TAIAN });
    expect((await g.describe(cell(10).lat, cell(10).lon)).source).toBe('amap');
    expect(requests).toHaveLength(2);
  });

  it('X5: over the per-second budget a position gets the offline words without a request', async () => {
    const g = geocoder({ perSecond: 2 });
    const sources = [];
    for (let i = 0; i < 5; i++) sources.push((await g.describe(cell(20 + i).lat, cell(20 + i).lon)).source);
    expect(sources).toEqual(['amap', 'amap', 'offline', 'offline', 'offline']);
    expect(requests).toHaveLength(2);
    expect(g.stats().fallbacks['over-budget']).toBe(3);
    clock += 1_000;
    expect((await g.describe(cell(25).lat, cell(25).lon)).source).toBe('amap');
    expect((await g.describe(cell(26).lat, cell(26).lon)).source).toBe('amap');
    expect((await g.describe(cell(27).lat, cell(27).lon)).source).toBe('offline');
    expect(requests).toHaveLength(4);
  });

  it('X5: a failed cell is asked again next time; only answers are cached', async () => {
    const g = geocoder();
    reply = () => ERROR;
    expect((await g.describe(cell(30).lat, cell(30).lon)).source).toBe('offline');
    reply = () => ({ body: TAIAN });
    expect((await g.describe(cell(30).lat, cell(30).lon)).source).toBe('amap');
    expect(requests).toHaveLength(2);
  });

  it('X5: refuses to start without a key', () => {
    expect(() => new AmapGeocoder({ key: '', fallback: offline })).toThrow(/key/);
  });
});
