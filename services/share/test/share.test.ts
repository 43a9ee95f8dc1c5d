import { randomUUID } from 'node:crypto';
import { lastPositionKey, type Producer, type Redis } from '@safewatch/common';
import { pb } from '@safewatch/proto';
import { getInfra, type Isolation, waitFor } from '@safewatch/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShareApp } from '../src/app.js';
import { type ShareEnv, startShare } from './helpers.js';

const infra = getInfra();
let e: ShareEnv;
let iso: Isolation;
let clockMs = Date.parse('2026-11-21T02:00:00Z');
let app: ShareApp;
let producer: Producer;
let redis: Redis;
const token = (sub: string, role: 'driver' | 'family') => e.token({ sub, role });
const V1 = randomUUID();
const V2 = randomUUID();
const V3 = randomUUID();

beforeAll(async () => {
  e = await startShare('share', infra, { now: () => new Date(clockMs) });
  ({ iso, app, producer, redis } = e);
  // What the bindings service announces: driver-a has V1 and V2, driver-b and driver-c have V1, driver-d has V3.
  await e.bind([
    ['driver-a', V1, '鲁A11111'],
    ['driver-a', V2, '鲁A22222'],
    ['driver-b', V1, '鲁A11111'],
    ['driver-c', V1, '鲁A11111'],
    ['driver-d', V3, '鲁A33333'],
  ]);
});
afterAll(async () => {
  await e?.close();
});

const bindingEvent = (type: 1 | 2, driverId: string, vehicleId: string, plateNumber: string) =>
  e.bindingEvent(type, driverId, vehicleId, plateNumber);

const inject = (
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  bearer: string,
  payload?: object,
  headers: Record<string, string> = {},
) =>
  app.server.inject({
    method,
    url,
    headers: { authorization: `Bearer ${bearer}`, ...headers },
    ...(payload ? { payload } : {}),
  });
const share = async (driver: string, vehicleId: string, duration = '3d') =>
  inject('POST', '/v1/drivers/me/shares', token(driver, 'driver'), { vehicleId, duration });
const cancelAll = (driver: string, vehicleId: string) =>
  inject('DELETE', `/v1/drivers/me/vehicles/${vehicleId}/shares`, token(driver, 'driver'));

let address: string | undefined;
/** The app on a real port (streams), started once. */
const listening = async () => {
  address ??= await app.server.listen({ host: '127.0.0.1', port: 0 });
  return address;
};

/** Reads a live stream until `what` arrives (10 s at most); `text()` is all read so far. */
const streamOf = async (link: string, viewer: string) => {
  const res = await fetch(`${await listening()}/v1/shares/${link}/stream`, {
    headers: { authorization: `Bearer ${viewer}` },
  });
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  let text = '';
  return {
    res,
    text: () => text,
    async readUntil(what: string) {
      const deadline = Date.now() + 10_000;
      while (!text.includes(what) && Date.now() < deadline) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      return text.includes(what);
    },
  };
};

describe('S1 share a currently bound vehicle for 3d, 7d, 1m or 1y', () => {
  it('gives a link with an unguessable token; refuses a vehicle not bound to the driver and an unknown duration', async () => {
    const r = await share('driver-d', V3, '7d');
    expect(r.statusCode, r.body).toBe(201);
    const body = r.json();
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.link).toMatch(new RegExp(`/s/${body.token}$`));
    expect(Date.parse(body.expiresAt) - clockMs).toBe(7 * 86_400_000);
    expect((await share('driver-d', V1)).json().code).toBe('NOT_BOUND');
    expect((await share('driver-d', V3, '2d')).statusCode).toBe(400);
    await cancelAll('driver-d', V3);
  });
});

describe('S2 single claim', () => {
  it('of 50 parallel claims by different viewers exactly one wins; the owner keeps access', async () => {
    const { token: link } = (await share('driver-d', V3)).json();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        inject('POST', `/v1/shares/${link}/claim`, token(`viewer-${i}`, 'family')),
      ),
    );
    const winners = results.map((r, i) => [r.statusCode, i] as const).filter(([s]) => s === 200);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 403 && r.json().code === 'SHARE_CLAIMED')).toHaveLength(49);
    const owner = `viewer-${winners[0]?.[1]}`;
    expect((await inject('POST', `/v1/shares/${link}/claim`, token(owner, 'family'))).statusCode).toBe(200);
    expect((await inject('GET', `/v1/shares/${link}`, token(owner, 'family'))).statusCode).toBe(200);
    expect((await inject('GET', `/v1/shares/${link}`, token('someone-else', 'family'))).json().code).toBe(
      'SHARE_CLAIMED',
    );
    await cancelAll('driver-d', V3);
  });
});

describe('S3 at most 3 active shares per vehicle, S4 one shared vehicle per driver (under concurrency)', () => {
  it('10 parallel shares of one vehicle by three drivers: exactly 3 succeed', async () => {
    const rs = await Promise.all(
      Array.from({ length: 10 }, (_, i) => share(['driver-a', 'driver-b', 'driver-c'][i % 3] as string, V1)),
    );
    expect(rs.filter((r) => r.statusCode === 201)).toHaveLength(3);
    expect(rs.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'SHARE_LIMIT_VEHICLE')).toBe(
      true,
    );
    for (const d of ['driver-a', 'driver-b', 'driver-c']) await cancelAll(d, V1);
  });
  it('a driver sharing one vehicle cannot share another until he cancels', async () => {
    expect((await share('driver-a', V1)).statusCode).toBe(201);
    expect((await share('driver-a', V2)).json().code).toBe('SHARE_OTHER_VEHICLE_ACTIVE');
    expect((await cancelAll('driver-a', V1)).json()).toEqual({ cancelled: 1 });
    expect((await share('driver-a', V2)).statusCode).toBe(201);
    await cancelAll('driver-a', V2);
  });
});

describe('S5-S7 the view: position, alerts, reminders, offline, ended', () => {
  it('shows the last position (WGS-84 and GCJ-02), alerts and reminders; 304 when unchanged; offline after 10 min; ended after cancel', async () => {
    const { token: link, shareId } = (await share('driver-d', V3)).json();
    const viewer = token('family-1', 'family');
    expect((await inject('GET', `/v1/shares/${link}`, viewer)).json().code).toBe('NOT_FOUND'); // not claimed yet
    await inject('POST', `/v1/shares/${link}/claim`, viewer);
    const fix = clockMs - 60_000;
    await redis.hset(
      lastPositionKey(iso.redisPrefix, '鲁A33333:2'),
      't',
      String(fix),
      'p',
      Buffer.from(
        pb.Position.encode({
          plateNumber: '鲁A33333',
          plateColor: 2,
          gnssTimeMs: fix,
          latE6: 36_651_000,
          lonE6: 117_120_000,
          speedDkmh: 725,
          headingDeg: 90,
        }).finish(),
      ),
    );
    await producer.send({
      topic: iso.topic('alerts'),
      acks: -1,
      messages: [
        {
          key: '鲁A33333:2',
          value: Buffer.from(
            pb.Alert.encode({
              alertId: 'a1',
              vehicle: { plateNumber: '鲁A33333', plateColor: 2 },
              type: 1,
              phase: 1,
              source: 1,
              occurredAtMs: fix,
              speeding: { startMs: fix, peakSpeedDkmh: 1150, limitKmh: 100 },
            }).finish(),
          ),
        },
        {
          key: '鲁A33333:2',
          value: Buffer.from(
            pb.Alert.encode({
              alertId: 'c1',
              vehicle: { plateNumber: '鲁A33333', plateColor: 2 },
              type: 6,
              phase: 3,
              source: 1,
              occurredAtMs: clockMs,
              certificate: { expiresOn: '2026-12-01', daysLeft: 10, certificate: 'TRANSPORT' },
            }).finish(),
          ),
        },
        {
          key: '鲁A33333:2',
          value: Buffer.from(
            pb.Alert.encode({
              alertId: 'c2',
              vehicle: { plateNumber: '鲁A33333', plateColor: 2 },
              type: 5,
              phase: 3,
              source: 1,
              occurredAtMs: clockMs,
              certificate: {
                expiresOn: '2026-11-01',
                daysLeft: -20,
                driverId: 'someone-else',
                certificate: 'QUALIFICATION',
              },
            }).finish(),
          ),
        },
      ],
    });
    await waitFor(
      async () => (await inject('GET', `/v1/shares/${link}`, viewer)).json().episodes?.length === 1,
      { timeoutMs: 20_000, intervalMs: 500, message: 'alert in the view' },
    );
    const r = await inject('GET', `/v1/shares/${link}`, viewer);
    const v = r.json();
    expect(v).toMatchObject({
      shareId,
      plateNumber: '鲁A33333',
      plateColor: 2,
      online: true,
      refreshSeconds: 30,
    });
    expect(v.position.wgs84).toEqual({ lat: 36.651, lon: 117.12 });
    expect(v.position.gcj02.lat).toBeCloseTo(36.6514, 3);
    expect(v.position.gcj02.lon).toBeCloseTo(117.1261, 3);
    expect(v.position.speedKmh).toBe(72.5);
    // S10/S11: the stored record as one ongoing episode, in km/h.
    expect(v.episodes[0]).toMatchObject({
      kind: 'SPEEDING',
      state: 'ONGOING',
      startedAt: new Date(fix).toISOString(),
      speeding: { peakKmh: 115, limitKmh: 100 },
    });
    // Only this vehicle's and the sharing driver's certificates: another driver's is not shown.
    await waitFor(
      async () => (await inject('GET', `/v1/shares/${link}`, viewer)).json().certificates.length === 1,
      { message: 'reminder' },
    );
    expect((await inject('GET', `/v1/shares/${link}`, viewer)).json().certificates).toEqual([
      { kind: 'TRANSPORT', status: 'EXPIRING', expiresOn: '2026-12-01', daysLeft: 10 },
    ]);
    expect(r.headers['cache-control']).toBe('private, max-age=30');
    const again = await inject('GET', `/v1/shares/${link}`, viewer, undefined, {
      'if-none-match': String((await inject('GET', `/v1/shares/${link}`, viewer)).headers.etag),
    });
    expect(again.statusCode).toBe(304);

    clockMs += 10 * 60_000 + 1; // S7: the fix is now older than 10 minutes
    expect((await inject('GET', `/v1/shares/${link}`, viewer)).json().online).toBe(false);

    const views = (await inject('GET', '/v1/drivers/me/shares', token('driver-d', 'driver')))
      .json()
      .items.find((s: { shareId: string }) => s.shareId === shareId);
    expect(views.views.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(views)).not.toContain('family-1');

    expect(
      (await inject('DELETE', `/v1/drivers/me/shares/${shareId}`, token('driver-d', 'driver'))).statusCode,
    ).toBe(200);
    const ended = await inject('GET', `/v1/shares/${link}`, viewer);
    expect(ended.statusCode).toBe(410);
    expect(ended.json()).toMatchObject({
      code: 'SHARE_ENDED',
      detail: '车辆动态已结束',
      reason: 'CANCELLED',
    });
    expect((await inject('GET', `/v1/shares/${'A'.repeat(43)}`, viewer)).statusCode).toBe(404);
    expect(
      (await inject('DELETE', `/v1/drivers/me/shares/${shareId}`, token('driver-a', 'driver'))).statusCode,
    ).toBe(404);
  });

  it('an expired share ends at its expiry to the millisecond', async () => {
    const { token: link, expiresAt } = (await share('driver-d', V3)).json();
    const viewer = token('family-2', 'family');
    await inject('POST', `/v1/shares/${link}/claim`, viewer);
    clockMs = Date.parse(expiresAt) - 1;
    expect((await inject('GET', `/v1/shares/${link}`, viewer)).statusCode).toBe(200);
    clockMs += 1;
    expect((await inject('GET', `/v1/shares/${link}`, viewer)).json()).toMatchObject({
      code: 'SHARE_ENDED',
      reason: 'EXPIRED',
    });
    const list = (await inject('GET', '/v1/family/me/shared-vehicles', viewer)).json().items;
    expect(list).toEqual([expect.objectContaining({ plateNumber: '鲁A33333', status: 'ended' })]);
  });
});

describe("S8 unbinding ends the driver's shares of the vehicle within seconds", () => {
  it('an UNBOUND event ends the share; the viewer gets SHARE_ENDED with reason UNBOUND', async () => {
    const { token: link } = (await share('driver-b', V1)).json();
    const viewer = token('family-3', 'family');
    await inject('POST', `/v1/shares/${link}/claim`, viewer);
    await bindingEvent(2, 'driver-b', V1, '鲁A11111');
    await waitFor(async () => (await inject('GET', `/v1/shares/${link}`, viewer)).statusCode === 410, {
      timeoutMs: 10_000,
      message: 'share ended',
    });
    expect((await inject('GET', `/v1/shares/${link}`, viewer)).json().reason).toBe('UNBOUND');
    expect((await share('driver-b', V1)).json().code).toBe('NOT_BOUND');
  });

  it('an old UNBOUND replayed after the vehicle was bound again ends nothing and keeps the binding', async () => {
    const V9 = randomUUID();
    const unboundAt = clockMs + 1_000;
    await e.bind([['driver-e', V9, '鲁A99999']]);
    clockMs = unboundAt;
    await bindingEvent(2, 'driver-e', V9, '鲁A99999');
    await waitFor(async () => (await share('driver-e', V9)).json().code === 'NOT_BOUND', {
      timeoutMs: 10_000,
      message: 'unbinding learned',
    });
    clockMs += 60_000;
    await e.bind([['driver-e', V9, '鲁A99999']]);
    const { token: link } = (await share('driver-e', V9)).json();
    const viewer = token('family-9', 'family');
    expect((await inject('POST', `/v1/shares/${link}/claim`, viewer)).statusCode).toBe(200);
    // The old unbinding again (a redelivery), then another driver's binding of the same
    // vehicle: same key, same partition, so once it is learned the replay was consumed.
    const saved = clockMs;
    clockMs = unboundAt;
    await bindingEvent(2, 'driver-e', V9, '鲁A99999');
    clockMs = saved;
    await e.bind([['driver-e2', V9, '鲁A99999']]);
    expect((await inject('GET', `/v1/shares/${link}`, viewer)).statusCode).toBe(200);
    const bound = await app.deps.pool.query(
      "SELECT count(*)::int AS n FROM current_bindings WHERE driver_id = 'driver-e' AND vehicle_id = $1",
      [V9],
    );
    expect(bound.rows[0].n).toBe(1);
  });
});

describe('S12 drivers are viewers too', () => {
  const V4 = randomUUID();
  /** driver-f shares V4; driver-g is the viewing driver. */
  beforeAll(async () => {
    await e.bind([['driver-f', V4, '鲁A44444']]);
  });
  const driverG = () => token('driver-g', 'driver');
  const sharedWithDriverG = async () =>
    (await inject('GET', '/v1/drivers/me/shared-vehicles', driverG())).json().items as {
      shareId: string;
      plateNumber: string;
      status: string;
    }[];

  it('S12 S2 S6 S7: a driver claims a link and views it; a second claimer (family or driver) is refused; his list shows the vehicle', async () => {
    const { token: link, shareId } = (await share('driver-f', V4)).json();
    expect((await inject('GET', `/v1/shares/${link}`, driverG())).json().code).toBe('NOT_FOUND'); // not claimed yet
    const claimed = await inject('POST', `/v1/shares/${link}/claim`, driverG());
    expect(claimed.statusCode, claimed.body).toBe(200);
    expect(claimed.json()).toMatchObject({ shareId, plateNumber: '鲁A44444', plateColor: 2 });
    // S2: the link is his alone, against family members and drivers alike; claiming again is fine.
    for (const other of [token('family-s12', 'family'), token('driver-h', 'driver')]) {
      for (const r of [
        await inject('POST', `/v1/shares/${link}/claim`, other),
        await inject('GET', `/v1/shares/${link}`, other),
      ]) {
        expect(r.statusCode, r.body).toBe(403);
        expect(r.json().code).toBe('SHARE_CLAIMED');
      }
    }
    expect((await inject('POST', `/v1/shares/${link}/claim`, driverG())).statusCode).toBe(200);
    // The driver who shared it cannot take it (and could not before it was claimed).
    expect((await inject('POST', `/v1/shares/${link}/claim`, token('driver-f', 'driver'))).json().code).toBe(
      'SHARE_OWN_LINK',
    );

    // S6/S7: the same view a family member gets: last position, then offline after 10 minutes.
    const fix = clockMs - 60_000;
    await redis.hset(
      lastPositionKey(iso.redisPrefix, '鲁A44444:2'),
      't',
      String(fix),
      'p',
      Buffer.from(
        pb.Position.encode({
          plateNumber: '鲁A44444',
          plateColor: 2,
          gnssTimeMs: fix,
          latE6: 36_651_000,
          lonE6: 117_120_000,
          speedDkmh: 600,
          headingDeg: 180,
        }).finish(),
      ),
    );
    await waitFor(async () => (await inject('GET', `/v1/shares/${link}`, driverG())).json().online === true, {
      timeoutMs: 10_000,
      message: 'position in the driver viewer view',
    });
    const view = (await inject('GET', `/v1/shares/${link}`, driverG())).json();
    expect(view).toMatchObject({ shareId, plateNumber: '鲁A44444', refreshSeconds: 30, online: true });
    expect(view.position.wgs84).toEqual({ lat: 36.651, lon: 117.12 });
    expect(view.position.speedKmh).toBe(60);
    clockMs += 10 * 60_000 + 1;
    expect((await inject('GET', `/v1/shares/${link}`, driverG())).json().online).toBe(false);

    // S9 for drivers: the vehicles others shared with him; the family list is not his.
    expect(await sharedWithDriverG()).toEqual([
      expect.objectContaining({ shareId, plateNumber: '鲁A44444', status: 'active' }),
    ]);
    expect((await inject('GET', '/v1/family/me/shared-vehicles', driverG())).statusCode).toBe(403);
    // The sharing driver sees that the link was opened and viewed, not by whom.
    const own = (await inject('GET', '/v1/drivers/me/shares', token('driver-f', 'driver'))).json();
    expect(own.items.find((x: { shareId: string }) => x.shareId === shareId)).toMatchObject({
      claimed: true,
    });
    expect(JSON.stringify(own)).not.toContain('driver-g');
    await cancelAll('driver-f', V4);
  });

  it('S12 S5 S6: cancelling ends it for the driver viewer: his stream gets "ended", the view answers 车辆动态已结束', async () => {
    const { token: link, shareId } = (await share('driver-f', V4)).json();
    expect((await inject('POST', `/v1/shares/${link}/claim`, driverG())).statusCode).toBe(200);
    const stream = await streamOf(link, driverG());
    expect(stream.res.status).toBe(200);
    expect(await stream.readUntil('event: view')).toBe(true);
    expect(stream.text()).toMatch(/event: view\ndata: \{.*"plateNumber":"鲁A44444"/);
    expect(
      (await inject('DELETE', `/v1/drivers/me/shares/${shareId}`, token('driver-f', 'driver'))).statusCode,
    ).toBe(200);
    expect(await stream.readUntil('event: ended')).toBe(true);
    expect(stream.text()).toContain('车辆动态已结束');
    const ended = await inject('GET', `/v1/shares/${link}`, driverG());
    expect(ended.statusCode).toBe(410);
    expect(ended.json()).toMatchObject({
      code: 'SHARE_ENDED',
      detail: '车辆动态已结束',
      reason: 'CANCELLED',
    });
    expect((await streamOf(link, driverG())).res.status).toBe(410);
    expect((await sharedWithDriverG()).find((x) => x.shareId === shareId)).toMatchObject({ status: 'ended' });
  });

  it("S12 S8: unbinding the sharing driver's vehicle ends the driver viewer's share (reason UNBOUND)", async () => {
    const { token: link, shareId } = (await share('driver-f', V4)).json();
    expect((await inject('POST', `/v1/shares/${link}/claim`, driverG())).statusCode).toBe(200);
    expect((await inject('GET', `/v1/shares/${link}`, driverG())).statusCode).toBe(200);
    await bindingEvent(2, 'driver-f', V4, '鲁A44444');
    await waitFor(async () => (await inject('GET', `/v1/shares/${link}`, driverG())).statusCode === 410, {
      timeoutMs: 10_000,
      message: 'share ended',
    });
    expect((await inject('GET', `/v1/shares/${link}`, driverG())).json()).toMatchObject({
      code: 'SHARE_ENDED',
      reason: 'UNBOUND',
    });
    expect((await sharedWithDriverG()).find((x) => x.shareId === shareId)).toMatchObject({ status: 'ended' });
  });
});

describe('the live stream (SSE)', () => {
  it('sends a frame at once, then ends with an "ended" event when the share is cancelled', async () => {
    const { token: link, shareId } = (await share('driver-c', V1)).json();
    const viewer = token('family-4', 'family');
    await inject('POST', `/v1/shares/${link}/claim`, viewer);
    const stream = await streamOf(link, viewer);
    expect(stream.res.headers.get('content-type')).toContain('text/event-stream');
    expect(await stream.readUntil('event: view')).toBe(true);
    expect(stream.text()).toMatch(/id: \d+\nevent: view\ndata: \{.*"plateNumber":"鲁A11111"/);
    await inject('DELETE', `/v1/drivers/me/shares/${shareId}`, token('driver-c', 'driver'));
    expect(await stream.readUntil('event: ended')).toBe(true);
    expect(stream.text()).toContain('车辆动态已结束');
    const refused = await streamOf(link, viewer);
    expect(refused.res.status).toBe(410);
  });
});
