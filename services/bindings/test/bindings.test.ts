import { lastPositionKey, Redis } from '@safewatch/common';
import { pb } from '@safewatch/proto';
import { getInfra, waitFor } from '@safewatch/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { maskName } from '../src/domain/masking.js';
import { type BindingsEnv, bearer, claimOf, collectBindingEvents, sample, startBindings } from './helpers.js';

let e: BindingsEnv;
let events: Awaited<ReturnType<typeof collectBindingEvents>>;
const infra = getInfra();

beforeAll(async () => {
  e = await startBindings('bindings', infra, { BINDINGS_BIND_ATTEMPTS_PER_MINUTE: '1000' });
  events = await collectBindingEvents(e, infra);
});
// Tests that travel in time put the clock back, so certificates keep their validity for the others.
let clockStart = 0;
beforeAll(() => {
  clockStart = e.clock.ms;
});
afterEach(() => {
  e.clock.ms = clockStart;
});
afterAll(async () => {
  await events?.stop();
  await e?.close();
});

const V = sample.vehicles;
const driverToken = (sub: string) => e.token({ sub, role: 'driver' });
const inject = (method: 'GET' | 'POST' | 'DELETE', url: string, token: string, payload?: object) =>
  e.app.server.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
const bind = (sub: string, claim: object) =>
  inject('POST', '/v1/drivers/me/bindings', driverToken(sub), claim);
const list = async (sub: string, which: 'current' | 'history' = 'current') =>
  (await inject('GET', `/v1/drivers/me/bindings?list=${which}`, driverToken(sub))).json().items as {
    vehicleId: string;
    plateNumber: string;
    channel: string;
    unboundBy: string | null;
    lastPosition: { lat: number; speedKmh: number } | null;
  }[];
const vehicleIdOf = async (plate: string) =>
  (await e.db.query('SELECT vehicle_id FROM registry_vehicles WHERE plate_number = $1', [plate])).rows[0]
    .vehicle_id as string;

describe('B1 self-bind', () => {
  it('binds when plate, colour, certificate number and VIN match one registered freight vehicle', async () => {
    const r = await bind('driver-0001', claimOf(V[0]!));
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().binding).toMatchObject({
      plateNumber: V[0]!.plate_number,
      plateColor: 2,
      channel: 'SELF',
    });
    expect((await list('driver-0001')).map((b) => b.plateNumber)).toEqual([V[0]!.plate_number]);
  });

  it('says which check failed, without leaking the registry values', async () => {
    const v = V[1]!;
    const cases = [
      [{ ...claimOf(v), plateNumber: '鲁Z99999' }, 'plate'],
      [{ ...claimOf(v), plateColor: 1 }, 'plate'],
      [{ ...claimOf(v), transportCertNo: '370000000000' }, 'transportCertNo'],
      [{ ...claimOf(v), vin: 'LZGXUE0T6PC999999' }, 'vin'],
    ] as const;
    for (const [claim, failed] of cases) {
      const r = await bind('driver-0002', claim);
      expect(r.statusCode).toBe(422);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json()).toMatchObject({ code: 'VEHICLE_NOT_VERIFIED', failedCheck: failed });
      expect(r.body).not.toContain(v.vin);
      expect(r.body).not.toContain(v.transport_cert_no);
    }
    expect(await list('driver-0002')).toEqual([]);
  });

  it('normalises plate input (full-width, lower case, spaces) and VIN case', async () => {
    const v = V[2]!;
    const fullWidth = v.plate_number.replace(/[A-Z0-9]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) + 0xfee0),
    );
    const r = await bind('driver-0004', {
      ...claimOf(v),
      plateNumber: ` ${fullWidth} `,
      vin: v.vin.toLowerCase(),
    });
    expect(r.statusCode, r.body).toBe(201);
  });
});

describe('B7 qualification certificate', () => {
  it('refuses a driver with no certificate on record, and one whose certificate expired', async () => {
    const none = await bind('driver-0021', claimOf(V[3]!));
    expect(none.statusCode).toBe(403);
    expect(none.json()).toMatchObject({ code: 'NO_QUALIFICATION', reason: 'none' });
    const expired = await bind('driver-0003', claimOf(V[3]!)); // expired 2026-11-01
    expect(expired.json()).toMatchObject({ code: 'NO_QUALIFICATION', reason: 'expired' });
  });
});

describe('B2 at most 3 current, B4 unbind and bind again', () => {
  it('refuses a fourth vehicle; unbinding moves one to history; bind again needs no certificate or VIN', async () => {
    const d = 'driver-0005';
    for (const v of V.slice(10, 13)) expect((await bind(d, claimOf(v))).statusCode).toBe(201);
    const fourth = await bind(d, claimOf(V[13]!));
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json()).toMatchObject({ code: 'BINDING_LIMIT_CURRENT', currentBindings: 3 });

    const id = await vehicleIdOf(V[10]!.plate_number);
    const un = await inject('DELETE', `/v1/drivers/me/bindings/${id}`, driverToken(d));
    expect(un.statusCode, un.body).toBe(200);
    expect(un.json().binding).toMatchObject({ unboundBy: 'DRIVER' });
    expect((await list(d)).map((b) => b.vehicleId)).not.toContain(id);
    expect((await list(d, 'history')).map((b) => [b.vehicleId, b.unboundBy])).toEqual([[id, 'DRIVER']]);

    expect((await bind(d, claimOf(V[13]!))).statusCode).toBe(201); // now 3 again
    const atLimit = await inject('POST', `/v1/drivers/me/bindings/${id}/rebind`, driverToken(d));
    expect(atLimit.json()).toMatchObject({ code: 'BINDING_LIMIT_CURRENT' });
    const other = await vehicleIdOf(V[13]!.plate_number);
    expect((await inject('DELETE', `/v1/drivers/me/bindings/${other}`, driverToken(d))).statusCode).toBe(200);
    const again = await inject('POST', `/v1/drivers/me/bindings/${id}/rebind`, driverToken(d));
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().binding).toMatchObject({ vehicleId: id, channel: 'REBIND' });
    expect((await list(d, 'history')).map((b) => b.vehicleId)).toEqual([other]);
  });

  it('refuses bind-again of a vehicle never bound, unbinding one not bound, and binding one twice', async () => {
    const d = 'driver-0006';
    const id = await vehicleIdOf(V[20]!.plate_number);
    expect((await inject('POST', `/v1/drivers/me/bindings/${id}/rebind`, driverToken(d))).json().code).toBe(
      'NOT_FOUND',
    );
    expect((await inject('DELETE', `/v1/drivers/me/bindings/${id}`, driverToken(d))).json().code).toBe(
      'NOT_BOUND',
    );
    expect((await bind(d, claimOf(V[20]!))).statusCode).toBe(201);
    expect((await bind(d, claimOf(V[20]!))).json().code).toBe('ALREADY_BOUND');
  });
});

describe('B3 at most 10 distinct vehicles within any trailing 12 months', () => {
  it('counts current and history together, and frees up after 12 months', async () => {
    const d = 'driver-0007';
    const vs = V.slice(30, 41);
    for (const v of vs.slice(0, 10)) {
      expect((await bind(d, claimOf(v))).statusCode).toBe(201);
      const id = await vehicleIdOf(v.plate_number);
      expect((await inject('DELETE', `/v1/drivers/me/bindings/${id}`, driverToken(d))).statusCode).toBe(200);
      e.clock.advance(24 * 3600_000);
    }
    const eleventh = await bind(d, claimOf(vs[10]!));
    expect(eleventh.statusCode).toBe(409);
    expect(eleventh.json()).toMatchObject({ code: 'BINDING_LIMIT_12_MONTHS', vehiclesIn12Months: 10 });
    // A vehicle already counted can be bound again.
    const first = await vehicleIdOf(vs[0]!.plate_number);
    expect((await inject('POST', `/v1/drivers/me/bindings/${first}/rebind`, driverToken(d))).statusCode).toBe(
      201,
    );
    expect((await inject('DELETE', `/v1/drivers/me/bindings/${first}`, driverToken(d))).statusCode).toBe(200);
    // Twelve months after the second binding ended, only 9 still count... the first ended moments ago, so 10.
    e.clock.advance(365 * 24 * 3600_000 - 9 * 24 * 3600_000);
    expect((await bind(d, claimOf(vs[10]!))).json().code).toBe('BINDING_LIMIT_12_MONTHS');
    e.clock.advance(2 * 24 * 3600_000); // the binding of vs[1] ended > 12 months ago now
    expect((await bind(d, claimOf(vs[10]!))).statusCode).toBe(201);
  });
});

describe('B2/B3 hold under concurrency (enforced in the database transaction)', () => {
  it('20 parallel binds by one driver leave exactly 3 current bindings', async () => {
    const d = 'driver-0009';
    const results = await Promise.all(V.slice(60, 80).map((v) => bind(d, claimOf(v))));
    const codes = results.map((r) => (r.statusCode === 201 ? 'OK' : r.json().code));
    expect(codes.filter((c) => c === 'OK')).toHaveLength(3);
    expect(codes.filter((c) => c === 'BINDING_LIMIT_CURRENT')).toHaveLength(17);
    const n = await e.db.query(
      'SELECT count(*)::int AS n FROM bindings WHERE driver_id = $1 AND unbound_at IS NULL',
      [d],
    );
    expect(n.rows[0].n).toBe(3);
  });

  it('20 parallel binds with 8 vehicles in the window admit exactly 2 more', async () => {
    const d = 'driver-0010';
    for (const v of V.slice(80, 88)) {
      await bind(d, claimOf(v));
      await inject('DELETE', `/v1/drivers/me/bindings/${await vehicleIdOf(v.plate_number)}`, driverToken(d));
    }
    const results = await Promise.all(V.slice(90, 110).map((v) => bind(d, claimOf(v))));
    const codes = results.map((r) => (r.statusCode === 201 ? 'OK' : r.json().code));
    expect(codes.filter((c) => c === 'OK')).toHaveLength(2);
    expect(codes.filter((c) => c === 'BINDING_LIMIT_12_MONTHS')).toHaveLength(18);
  });
});

describe('B5 delegated binding', () => {
  it('one-time link: the family member sees only the plate, proves with certificate + VIN, the driver gets the vehicle', async () => {
    const v = V[120]!;
    const created = await inject('POST', '/v1/drivers/me/delegations', driverToken('driver-0011'), {
      plateNumber: v.plate_number,
      plateColor: v.plate_color,
    });
    expect(created.statusCode, created.body).toBe(201);
    const { token, link } = created.json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link).toContain(token);
    const stored = await e.db.query('SELECT token_hash FROM delegations WHERE driver_id = $1', [
      'driver-0011',
    ]);
    expect(Buffer.from(stored.rows[0].token_hash).toString('base64url')).not.toBe(token);

    const family = e.token({ sub: 'family-0001', role: 'family' });
    const view = await inject('GET', `/v1/delegations/${token}`, family);
    expect(view.statusCode).toBe(200);
    expect(Object.keys(view.json()).sort()).toEqual(['expiresAt', 'plateColor', 'plateNumber']);

    const wrong = await inject('POST', `/v1/delegations/${token}/complete`, family, {
      transportCertNo: v.transport_cert_no,
      vin: 'LZGXUE0T6PC999999',
    });
    expect(wrong.json()).toMatchObject({ code: 'VEHICLE_NOT_VERIFIED', failedCheck: 'vin' });
    const done = await inject('POST', `/v1/delegations/${token}/complete`, family, {
      transportCertNo: v.transport_cert_no,
      vin: v.vin,
    });
    expect(done.statusCode, done.body).toBe(201);
    const again = await inject('POST', `/v1/delegations/${token}/complete`, family, {
      transportCertNo: v.transport_cert_no,
      vin: v.vin,
    });
    expect(again.statusCode).toBe(410);
    expect(again.json().code).toBe('DELEGATION_ENDED');

    expect((await list('driver-0011')).map((b) => [b.plateNumber, b.channel])).toEqual([
      [v.plate_number, 'DELEGATED'],
    ]);
    const onBehalf = await inject('GET', '/v1/family/me/delegated-vehicles', family);
    expect(onBehalf.json().items).toEqual([
      expect.objectContaining({
        plateNumber: v.plate_number,
        plateColor: 2,
        delegatingDriver: { name: maskName(sample.drivers.find((d) => d.driver_id === 'driver-0011')!.name) },
        current: true,
      }),
    ]);
  });

  it('an expired or unknown link is refused; B1-B3 apply to the driver', async () => {
    const family = e.token({ sub: 'family-0002', role: 'family' });
    const mk = async (sub: string, v = V[130]!) =>
      (
        await inject('POST', '/v1/drivers/me/delegations', driverToken(sub), {
          plateNumber: v.plate_number,
          plateColor: 2,
        })
      ).json().token as string;
    const t = await mk('driver-0012');
    e.clock.advance(25 * 3600_000);
    expect((await inject('GET', `/v1/delegations/${t}`, family)).json().code).toBe('DELEGATION_ENDED');
    expect((await inject('GET', '/v1/delegations/not-a-token', family)).json().code).toBe('NOT_FOUND');
    expect((await inject('GET', `/v1/delegations/${'A'.repeat(43)}`, family)).json().code).toBe('NOT_FOUND');

    // The driver already has 3: the delegated binding is refused by B2.
    for (const v of V.slice(140, 143)) await bind('driver-0013', claimOf(v));
    const full = await mk('driver-0013', V[143]);
    const r = await inject('POST', `/v1/delegations/${full}/complete`, family, {
      transportCertNo: V[143]!.transport_cert_no,
      vin: V[143]!.vin,
    });
    expect(r.json().code).toBe('BINDING_LIMIT_CURRENT');
  });
});

describe('B6 carriers', () => {
  it('lists own bound and all vehicles, shows bindings masked, unbinds a driver, and never shows another carrier', async () => {
    const v = V[150]!;
    await bind('driver-0014', claimOf(v));
    const carrier = e.token({ sub: 'c-user', role: 'carrier', carrierId: v.carrier_id });
    const all = (await inject('GET', '/v1/carriers/me/vehicles?list=all', carrier)).json().items as {
      plateNumber: string;
    }[];
    expect(all).toHaveLength(V.filter((x) => x.carrier_id === v.carrier_id).length);
    const bound = (await inject('GET', '/v1/carriers/me/vehicles?list=bound', carrier)).json().items as {
      plateNumber: string;
    }[];
    expect(bound.map((x) => x.plateNumber)).toContain(v.plate_number);
    expect(
      bound.every((x) => V.find((s) => s.plate_number === x.plateNumber)?.carrier_id === v.carrier_id),
    ).toBe(true);

    const id = await vehicleIdOf(v.plate_number);
    const detail = (await inject('GET', `/v1/carriers/me/vehicles/${id}`, carrier)).json();
    const driver = sample.drivers.find((d) => d.driver_id === 'driver-0014')!;
    expect(detail.bindings[0]).toMatchObject({ driverId: 'driver-0014', current: true });
    expect(detail.bindings[0].driverName).not.toBe(driver.name);
    expect(detail.bindings[0].driverPhone).toMatch(/^\d{3}\*{4}\d{4}$/);

    const other = V.find((x) => x.carrier_id !== v.carrier_id)!;
    const otherId = await vehicleIdOf(other.plate_number);
    expect((await inject('GET', `/v1/carriers/me/vehicles/${otherId}`, carrier)).statusCode).toBe(404);
    expect(
      (await inject('DELETE', `/v1/carriers/me/vehicles/${otherId}/bindings/driver-0014`, carrier))
        .statusCode,
    ).toBe(404);

    const un = await inject('DELETE', `/v1/carriers/me/vehicles/${id}/bindings/driver-0014`, carrier);
    expect(un.statusCode, un.body).toBe(200);
    expect((await list('driver-0014')).map((b) => b.vehicleId)).not.toContain(id);
    expect((await list('driver-0014', 'history'))[0]).toMatchObject({ vehicleId: id, unboundBy: 'CARRIER' });
    expect(
      (await inject('DELETE', `/v1/carriers/me/vehicles/${id}/bindings/driver-0014`, carrier)).json().code,
    ).toBe('NOT_BOUND');
  });
});

describe('binding events (transactional outbox)', () => {
  it('every change publishes one event keyed by vehicle; a refused change publishes none', async () => {
    const d = 'driver-0015';
    const v = V[160]!;
    const key = `${v.plate_number}:2`;
    await bind(d, claimOf(v));
    await inject('DELETE', `/v1/drivers/me/bindings/${await vehicleIdOf(v.plate_number)}`, driverToken(d));
    await bind(d, { ...claimOf(v), vin: 'LZGXUE0T6PC999999' }); // refused: no event
    await waitFor(() => events.events.filter((x) => x.key === key && x.envelope.binding).length >= 2, {
      timeoutMs: 15_000,
      message: 'two events for the vehicle',
    });
    await new Promise((r) => setTimeout(r, 1_000));
    const mine = events.events
      .filter((x) => x.key === key && x.envelope.binding)
      .map((x) => x.envelope.binding!);
    expect(mine.map((b) => b.type)).toEqual([
      pb.BindingEventType.BINDING_EVENT_TYPE_BOUND,
      pb.BindingEventType.BINDING_EVENT_TYPE_UNBOUND,
    ]);
    expect(mine[0]).toMatchObject({ driverId: d, vehicle: { plateNumber: v.plate_number, plateColor: 2 } });
    expect(new Set(mine.map((b) => b.eventId)).size).toBe(2);
    // A3: the certificate dates that concern the vehicle's viewers follow the binding.
    const certs = events.events
      .filter((x) => x.key === key && x.envelope.certificate)
      .map((x) => x.envelope.certificate!);
    const forDriver = certs.find((c) => c.driverId === d);
    expect(forDriver).toMatchObject({ driverId: d, qualificationCertExpiresOn: '2027-05-01' });
    expect(forDriver?.transportCertExpiresOn).toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
    const pending = await e.db.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
    expect(pending.rows[0].n).toBe(0);
  });
});

describe('driver list shows the last position written by ingest', () => {
  it('reads the vehicle last position from Redis', async () => {
    const v = V[170]!;
    await bind('driver-0016', claimOf(v));
    const redis = new Redis(infra.redisUrl);
    const pos = pb.Position.encode({
      plateNumber: v.plate_number,
      plateColor: 2,
      gnssTimeMs: 1_795_000_000_000,
      latE6: 36_651_000,
      lonE6: 117_120_000,
      speedDkmh: 655,
    }).finish();
    await redis.hset(
      lastPositionKey(e.iso.redisPrefix, `${v.plate_number}:2`),
      't',
      '1795000000000',
      'p',
      Buffer.from(pos),
    );
    redis.disconnect();
    const [b] = await list('driver-0016');
    expect(b?.lastPosition).toMatchObject({ lat: 36.651, speedKmh: 65.5 });
  });
});

describe('rate limiting of bind attempts', () => {
  it('answers 429 problem+json with retry-after once an identity exceeds its attempts', async () => {
    const limited = await startBindings('bindings-rl', infra, { BINDINGS_BIND_ATTEMPTS_PER_MINUTE: '5' });
    try {
      const t = limited.token({ sub: 'driver-0018', role: 'driver' });
      const attempt = () =>
        limited.app.server.inject({
          method: 'POST',
          url: '/v1/drivers/me/bindings',
          headers: bearer(t),
          payload: { ...claimOf(V[180]!), vin: 'LZGXUE0T6PC999999' },
        });
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await attempt()).statusCode);
      expect(statuses).toEqual([422, 422, 422, 422, 422, 429]);
      const r = await attempt();
      expect(r.json().code).toBe('RATE_LIMITED');
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
      const other = limited.token({ sub: 'driver-0019', role: 'driver' });
      expect(
        (
          await limited.app.server.inject({
            method: 'POST',
            url: '/v1/drivers/me/bindings',
            headers: bearer(other),
            payload: claimOf(V[181]!),
          })
        ).statusCode,
      ).toBe(201);
    } finally {
      await limited.close();
    }
  });
});
