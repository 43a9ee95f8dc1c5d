/**
 * X4 adoption statistics (GET /v1/ops/adoption) through bindings.events, the
 * share API and real Postgres: bindings, shares and views before, inside,
 * across and after the period, on its boundaries, in Shandong cities with one
 * or two plate letters, a municipality, another province and plates without
 * a province; the CSV export; the period's validation; the binding history
 * kept by the events and by the rebuild.
 */
import { randomUUID } from 'node:crypto';
import type { Principal, Role } from '@safewatch/common';
import { getInfra, waitFor } from '@safewatch/testkit';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADOPTION_RATE_LIMIT } from '../src/http/adoption.routes.js';
import { rebuildBindings } from '../src/usecases/rebuild-bindings.usecase.js';
import { type Binding, BOUND, bearer, type ShareEnv, startShare, UNBOUND } from './helpers.js';

const infra = getInfra();
let e: ShareEnv;
/** The app's clock, moved forward through the story (tokens use the real clock). */
let clock = Date.parse('2026-10-20T02:00:00Z');
const at = (iso: string) => {
  const t = Date.parse(iso);
  expect(t).toBeGreaterThanOrEqual(clock);
  clock = t;
};

const principal = (sub: string, role: Role): Principal => ({ sub, role });
const OPS = principal('ops-adoption', 'ops');

const binding = (driver: string, plate: string): Binding => [driver, randomUUID(), plate];
const D1_V1 = binding('driver-a1', '鲁A00001');
const D1_V6 = binding('driver-a1', '鲁S00006');
const D2_V2 = binding('driver-a2', '鲁A00002');
const D3_V3 = binding('driver-a3', '鲁U00003');
const D3_BJ = binding('driver-a3', '京A12345');
const D4_V4 = binding('driver-a4', '鲁B00004');
const D5_V5 = binding('driver-a5', '鲁B00005');
const D6_JS = binding('driver-a6', '苏E12345');
const D7_END = binding('driver-a7', '鲁A00007');
const D8_START = binding('driver-a8', '鲁A00008');
const D9_QUOTE = binding('driver-a9', '"Z123');
const D10_FORMULA = binding('driver-a10', '=A0001');

/** Where bindings.events has brought binding_history for one driver and vehicle. */
async function history([driverId, vehicleId]: Binding) {
  const r = await e.app.deps.pool.query<{ bound_at: Date; unbound_at: Date | null }>(
    `SELECT bound_at, unbound_at FROM binding_history WHERE driver_id = $1 AND vehicle_id = $2
      ORDER BY bound_at`,
    [driverId, vehicleId],
  );
  return r.rows.map((x) => [x.bound_at.toISOString(), x.unbound_at?.toISOString() ?? null]);
}

async function bindAt(iso: string, ...bs: Binding[]) {
  at(iso);
  for (const b of bs) await e.bindingEvent(BOUND, ...b);
  for (const b of bs)
    await waitFor(async () => (await history(b)).some(([from]) => from === new Date(clock).toISOString()), {
      timeoutMs: 20_000,
      message: `${b[2]} bound`,
    });
}

async function unbindAt(iso: string, b: Binding) {
  at(iso);
  await e.bindingEvent(UNBOUND, ...b);
  await waitFor(async () => (await history(b)).some(([, to]) => to === new Date(clock).toISOString()), {
    timeoutMs: 20_000,
    message: `${b[2]} unbound`,
  });
}

const inject = (url: string, p: Principal | undefined = OPS, headers: Record<string, string> = {}) =>
  e.app.server.inject({ method: 'GET', url, headers: { ...(p ? bearer(e.token(p)) : {}), ...headers } });

async function share(b: Binding, duration: '3d' | '7d' | '1m') {
  const r = await e.app.server.inject({
    method: 'POST',
    url: '/v1/drivers/me/shares',
    headers: bearer(e.token(principal(b[0], 'driver'))),
    payload: { vehicleId: b[1], duration },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { shareId: string; token: string };
}

let viewsSent = 0;
async function view(token: string, viewer: string) {
  const r = await inject(`/v1/shares/${token}`, principal(viewer, 'family'));
  expect(r.statusCode, r.body).toBe(200);
  viewsSent += 1;
  // Views may be written in batches: wait until this one is in the table.
  await waitFor(
    async () =>
      (await e.app.deps.pool.query('SELECT count(*)::int AS n FROM share_views')).rows[0].n === viewsSent,
    { timeoutMs: 10_000, message: 'view recorded' },
  );
}

async function claim(token: string, viewer: string) {
  const r = await e.app.server.inject({
    method: 'POST',
    url: `/v1/shares/${token}/claim`,
    headers: bearer(e.token(principal(viewer, 'family'))),
  });
  expect(r.statusCode, r.body).toBe(200);
}

interface Row {
  province: string | null;
  city: string;
  platePrefixes: string[];
  driversWithBindings: number;
  vehiclesBound: number;
  activeShares: number;
  shareViews: number;
}
interface Report {
  period: { from: string; to: string; timeZone: string; start: string; end: string };
  generatedAt: string;
  cities: Row[];
  total: Omit<Row, 'province' | 'city' | 'platePrefixes'>;
}

async function report(query: string): Promise<Report> {
  const r = await inject(`/v1/ops/adoption${query}`);
  expect(r.statusCode, r.body).toBe(200);
  expect(r.headers['content-type']).toContain('application/json');
  return r.json();
}

/** city → [drivers, vehicles, active shares, views] of the rows with any count. */
const countsOf = (rep: Report) =>
  Object.fromEntries(
    rep.cities
      .filter((c) => c.driversWithBindings + c.vehiclesBound + c.activeShares + c.shareViews > 0)
      .map((c) => [c.city, [c.driversWithBindings, c.vehiclesBound, c.activeShares, c.shareViews]]),
  );

const PERIOD = '?from=2026-11-01&to=2026-11-10';

beforeAll(async () => {
  e = await startShare('share-adoption', infra, { now: () => new Date(clock) });

  // 2026-10-20: bound before the period, some of them still bound.
  await bindAt('2026-10-20T02:00:00Z', D1_V1, D2_V2, D4_V4, D6_JS, D3_BJ, D7_END, D9_QUOTE, D10_FORMULA);
  await unbindAt('2026-10-25T02:00:00Z', D2_V2);
  // A 3-day share that expires (10-31 10:00+08:00) before the period starts.
  at('2026-10-28T02:00:00Z');
  await share(D1_V1, '3d');
  // A share cancelled the day it was made.
  at('2026-10-29T02:00:00Z');
  const cancelled = await share(D1_V1, '7d');
  at('2026-10-29T03:00:00Z');
  const del = await e.app.server.inject({
    method: 'DELETE',
    url: `/v1/drivers/me/shares/${cancelled.shareId}`,
    headers: bearer(e.token(principal(D1_V1[0], 'driver'))),
  });
  expect(del.statusCode, del.body).toBe(200);
  // A month's share across the whole period, viewed once before it.
  at('2026-10-30T02:00:00Z');
  const jinan = await share(D1_V1, '1m');
  await claim(jinan.token, 'family-a1');
  await view(jinan.token, 'family-a1');
  // Unbound exactly when the period starts (2026-11-01 00:00+08:00): not in force in it.
  await unbindAt('2026-10-31T16:00:00Z', D7_END);

  // Inside the period.
  await bindAt('2026-11-02T02:00:00Z', D1_V6);
  const qingdao = await share(D4_V4, '1m');
  await claim(qingdao.token, 'family-a4');
  await view(qingdao.token, 'family-a4');
  await view(jinan.token, 'family-a1');
  await view(jinan.token, 'family-a1');
  // Unbinding ends the share (S8): it was in force for a day of the period.
  await unbindAt('2026-11-03T02:00:00Z', D4_V4);
  await bindAt('2026-11-05T02:00:00Z', D3_V3);

  // Exactly when the period ends (2026-11-11 00:00+08:00, excluded), and after it.
  await bindAt('2026-11-10T16:00:00Z', D8_START);
  await view(jinan.token, 'family-a1');
  await bindAt('2026-11-12T02:00:00Z', D5_V5);
  await share(D3_V3, '7d');
  at('2026-11-21T02:00:00Z');
});
afterAll(async () => {
  await e?.close();
});

describe('X4 GET /v1/ops/adoption: counts per city over a period', () => {
  it('2026-11-01..10: in force at some instant of the period; views within it; boundaries excluded', async () => {
    const rep = await report(PERIOD);
    expect(rep.period).toEqual({
      from: '2026-11-01',
      to: '2026-11-10',
      timeZone: 'Asia/Shanghai',
      start: '2026-10-31T16:00:00.000Z',
      end: '2026-11-10T16:00:00.000Z',
    });
    expect(rep.generatedAt).toBe('2026-11-21T02:00:00.000Z');
    expect(countsOf(rep)).toEqual({
      // driver-a1 with 鲁A and 鲁S (two vehicles, one driver); the month's share; 2 of its 4 views.
      济南市: [1, 2, 1, 2],
      // 鲁B unbound inside, 鲁U bound inside; the share that ended with the unbinding.
      青岛市: [2, 2, 1, 1],
      北京市: [1, 1, 0, 0],
      苏E: [1, 1, 0, 0],
      '"Z': [1, 1, 0, 0],
      '=A': [1, 1, 0, 0],
    });
    // driver-a3 counts in Qingdao and Beijing, once in the total.
    expect(rep.total).toEqual({ driversWithBindings: 6, vehiclesBound: 8, activeShares: 2, shareViews: 3 });
  });

  it("Shandong's 16 cities always, in plate order; then other regions by province, no province last", async () => {
    const rep = await report(PERIOD);
    expect(rep.cities.slice(0, 16).map((c) => c.city)).toEqual([
      '济南市',
      '青岛市',
      '淄博市',
      '枣庄市',
      '东营市',
      '烟台市',
      '潍坊市',
      '济宁市',
      '泰安市',
      '威海市',
      '日照市',
      '滨州市',
      '德州市',
      '聊城市',
      '临沂市',
      '菏泽市',
    ]);
    expect(rep.cities[0]).toEqual({
      province: '山东省',
      city: '济南市',
      platePrefixes: ['鲁A', '鲁S'],
      driversWithBindings: 1,
      vehiclesBound: 2,
      activeShares: 1,
      shareViews: 2,
    });
    expect(rep.cities[2]).toMatchObject({ city: '淄博市', driversWithBindings: 0, shareViews: 0 });
    expect(rep.cities.slice(16).map((c) => [c.province, c.city, c.platePrefixes.join()])).toEqual([
      ['北京市', '北京市', '京'],
      ['江苏省', '苏E', '苏E'],
      [null, '"Z', '"Z'],
      [null, '=A', '=A'],
    ]);
  });

  it('2026-10-20..31: what ended before November counts; a binding ending as the period ends too', async () => {
    const rep = await report('?from=2026-10-20&to=2026-10-31');
    const c = countsOf(rep);
    // driver-a1, driver-a2 (unbound 10-25), driver-a7 (unbound at the period's end); the 3-day,
    // the cancelled and the month's share; the view of 10-30.
    expect(c.济南市).toEqual([3, 3, 3, 1]);
    expect(c.青岛市).toEqual([1, 1, 0, 0]);
  });

  it('default: the 30 days ending today (UTC+8)', async () => {
    const rep = await report('');
    expect(rep.period).toMatchObject({ from: '2026-10-23', to: '2026-11-21' });
    expect(rep.total).toEqual({ driversWithBindings: 10, vehiclesBound: 12, activeShares: 5, shareViews: 5 });
    expect((await report('?from=2026-11-12')).total).toMatchObject({ activeShares: 2, shareViews: 0 });
  });
});

describe('X4 CSV export', () => {
  const csvOf = async (query: string, headers: Record<string, string> = {}) => {
    const r = await inject(`/v1/ops/adoption${query}`, OPS, headers);
    expect(r.statusCode, r.body).toBe(200);
    return r;
  };

  it('UTF-8 with BOM, CRLF, a header row, quoting, Chinese names, a total row; the same numbers as JSON', async () => {
    const r = await csvOf(`${PERIOD}&format=csv`);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toBe(
      'attachment; filename="safewatch-adoption_2026-11-01_2026-11-10.csv"',
    );
    expect(r.headers.vary).toContain('accept');
    expect([...r.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = r.rawPayload.toString('utf8');
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      '统计起始日(from),统计截止日(to),省份(province),城市(city),号牌前缀(plate prefixes),' +
        '绑定车辆的司机数(drivers with bindings),绑定车辆数(vehicles bound),有效分享数(active shares),' +
        '分享查看次数(share views)',
    );
    expect(lines[1]).toBe('2026-11-01,2026-11-10,山东省,济南市,鲁A、鲁S,1,2,1,2');
    expect(lines[2]).toBe('2026-11-01,2026-11-10,山东省,青岛市,鲁B、鲁U,2,2,1,1');
    expect(lines).toContain('2026-11-01,2026-11-10,北京市,北京市,京,1,1,0,0');
    // A quote inside a field is doubled and the field quoted; a formula-like field is defused.
    expect(lines).toContain('2026-11-01,2026-11-10,,"""Z","""Z",1,1,0,0');
    expect(lines).toContain("2026-11-01,2026-11-10,,'=A,'=A,1,1,0,0");
    expect(lines.at(-2)).toBe('2026-11-01,2026-11-10,,合计(total),,6,8,2,3');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(1 + 20 + 1 + 1);

    const json = await report(PERIOD);
    const records = parse(r.rawPayload, { bom: true, columns: true }) as Record<string, string>[];
    expect(
      records.slice(0, -1).map((x) => [x['城市(city)'], Number(x['分享查看次数(share views)'])]),
    ).toEqual(json.cities.map((c) => [c.city.startsWith('=') ? `'${c.city}` : c.city, c.shareViews]));
  });

  it('Accept: text/csv gives CSV; format wins over Accept; JSON preferred by q-value stays JSON', async () => {
    const byAccept = await csvOf(PERIOD, { accept: 'text/csv' });
    expect(byAccept.headers['content-type']).toBe('text/csv; charset=utf-8');
    const json = await csvOf(`${PERIOD}&format=json`, { accept: 'text/csv' });
    expect(json.headers['content-type']).toContain('application/json');
    const preferJson = await csvOf(PERIOD, { accept: 'application/json, text/csv;q=0.5' });
    expect(preferJson.headers['content-type']).toContain('application/json');
    const preferCsv = await csvOf(PERIOD, { accept: 'application/json;q=0.5, text/csv' });
    expect(preferCsv.headers['content-type']).toBe('text/csv; charset=utf-8');
  });
});

describe('X4 period validation: 400 problem+json VALIDATION', () => {
  const cases = [
    ['not a calendar date', '?from=2026-02-30', 'querystring/from'],
    ['a month 13', '?to=2026-13-01', 'querystring/to'],
    ['a date-time', '?from=2026-11-01T00:00:00Z', 'querystring/from'],
    ['from after to', '?from=2026-11-10&to=2026-11-01', 'querystring/from'],
    ['from after today', '?from=2026-11-22&to=2026-11-30', 'querystring/from'],
    ['367 days', '?from=2025-11-01&to=2026-11-02', 'querystring/to'],
    ['an unknown format', '?format=xlsx', 'querystring/format'],
  ] as const;
  it.each(cases)('%s', async (_name, query, path) => {
    const r = await inject(`/v1/ops/adoption${query}`, OPS, { accept: 'text/csv' });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    const body = r.json();
    expect(body).toMatchObject({ status: 400, code: 'VALIDATION' });
    expect(body.errors.map((x: { path: string }) => x.path)).toContain(path);
  });

  it('366 days is a period', async () => {
    expect((await report('?from=2025-11-21&to=2026-11-21')).period).toMatchObject({ from: '2025-11-21' });
  });
});

describe('X4 rate limit and documentation', () => {
  it(`${ADOPTION_RATE_LIMIT.perIdentity} requests per ops identity a minute, then 429`, async () => {
    const who = principal('ops-adoption-rl', 'ops');
    const rs = await Promise.all(
      Array.from({ length: ADOPTION_RATE_LIMIT.perIdentity }, () => inject('/v1/ops/adoption', who)),
    );
    expect(rs.map((r) => r.statusCode)).toEqual(rs.map(() => 200));
    const limited = await inject('/v1/ops/adoption', who);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await inject('/v1/ops/adoption', principal('ops-adoption-rl-2', 'ops'))).statusCode).toBe(200);
  });

  it('the OpenAPI document states the role, the definitions and both representations', async () => {
    const doc = (await e.app.server.inject({ method: 'GET', url: '/openapi.json' })).json();
    const op = doc.paths['/v1/ops/adoption'].get;
    expect(op.description).toMatch(/Roles: ops\.$/);
    expect(op.description).toContain('in force at some instant of the period');
    expect(Object.keys(op.responses['200'].content).sort()).toEqual(['application/json', 'text/csv']);
    expect(Object.keys(op.responses).sort()).toEqual(['200', '400', '401', '403', '429']);
    expect(op.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['format', 'from', 'to']);
  });
});

describe('X4 binding history', () => {
  it('redelivered events change nothing; an old UNBOUND leaves a later binding alone', async () => {
    const b = D4_V4;
    expect(await history(b)).toEqual([['2026-10-20T02:00:00.000Z', '2026-11-03T02:00:00.000Z']]);
    await bindAt('2026-11-21T03:00:00Z', b);
    // Redelivery of the first BOUND and of the UNBOUND (their original times).
    const later = clock;
    clock = Date.parse('2026-10-20T02:00:00Z');
    await e.bindingEvent(BOUND, ...b);
    clock = Date.parse('2026-11-03T02:00:00Z');
    await e.bindingEvent(UNBOUND, ...b);
    clock = later;
    // A marker event after them on the same vehicle (same partition) tells when they were handled.
    await unbindAt('2026-11-21T04:00:00Z', b);
    expect(await history(b)).toEqual([
      ['2026-10-20T02:00:00.000Z', '2026-11-03T02:00:00.000Z'],
      ['2026-11-21T03:00:00.000Z', '2026-11-21T04:00:00.000Z'],
    ]);
  });
});

describe('X4 binding history through the rebuild of the current bindings', () => {
  let r: ShareEnv;
  let now = Date.parse('2026-11-01T00:00:00Z');
  beforeAll(async () => {
    r = await startShare('share-adoption-rebuild', infra, { now: () => new Date(now) });
  });
  afterAll(async () => {
    await r?.close();
  });

  it('a binding gone ends at the rebuild; a new one begins at its bound time; one kept stays as it was', async () => {
    const kept = binding('driver-r1', '鲁A10001');
    const gone = binding('driver-r2', '鲁A10002');
    const added = binding('driver-r3', '鲁A10003');
    await r.bind([kept, gone]);
    const rows = async () =>
      (
        await r.app.deps.pool.query(
          `SELECT driver_id, bound_at, unbound_at FROM binding_history ORDER BY driver_id, bound_at`,
        )
      ).rows.map((x) => [x.driver_id, x.bound_at.toISOString(), x.unbound_at?.toISOString() ?? null]);
    const t0 = '2026-11-01T00:00:00.000Z';
    await waitFor(async () => (await rows()).length === 2, { message: 'history of the bindings' });
    expect(await rows()).toEqual([
      ['driver-r1', t0, null],
      ['driver-r2', t0, null],
    ]);

    now = Date.parse('2026-11-05T00:00:00Z');
    const boundAt = new Date('2026-11-04T00:00:00Z');
    const toCurrent = ([driverId, vehicleId, plateNumber]: Binding, at: Date) => ({
      driverId,
      vehicleId,
      plateNumber,
      plateColor: 2,
      boundAt: at,
    });
    await rebuildBindings(r.app.deps, [toCurrent(kept, new Date(t0)), toCurrent(added, boundAt)]);
    const expected = [
      ['driver-r1', t0, null],
      ['driver-r2', t0, '2026-11-05T00:00:00.000Z'],
      ['driver-r3', '2026-11-04T00:00:00.000Z', null],
    ];
    expect(await rows()).toEqual(expected);
    // Idempotent.
    await rebuildBindings(r.app.deps, [toCurrent(kept, new Date(t0)), toCurrent(added, boundAt)]);
    expect(await rows()).toEqual(expected);

    now = Date.parse('2026-11-07T00:00:00Z');
    const rep = (
      await r.app.server.inject({
        method: 'GET',
        url: '/v1/ops/adoption?from=2026-11-06&to=2026-11-06',
        headers: bearer(r.token(OPS)),
      })
    ).json();
    expect(rep.cities[0]).toMatchObject({ city: '济南市', driversWithBindings: 2, vehiclesBound: 2 });
  });
});
