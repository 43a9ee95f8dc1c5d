/**
 * Authorization matrix of the bindings API (SPEC §4; B5, B6): every endpoint ×
 * every kind of caller. No, forged, expired and `alg: none` tokens get 401
 * UNAUTHENTICATED; a valid token of another role gets 403 FORBIDDEN; the
 * endpoint's own role reaches the use case. One row per endpoint: a route the
 * app registers without a row here fails the coverage test.
 */
import { type AuthConfig, authConfig, type Principal, type Role } from '@safewatch/common';
import { CALLERS, type Caller, callerHeaders, getInfra, isRoleCaller } from '@safewatch/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BindingsEnv, bearer, claimOf, type SampleVehicle, sample, startBindings } from './helpers.js';

const infra = getInfra();
let e: BindingsEnv;
let auth: AuthConfig;

/** Ids the rows need, read from the migrated registry once the app is up. */
interface Fixture {
  /** A vehicle of OWN_CARRIER. */
  ownVehicleId: string;
}
let fx: Fixture;

const V = sample.vehicles;
const OWN_CARRIER = 'carrier-jinan-01';
const ownVehicle = V.find((v) => v.carrier_id === OWN_CARRIER) as SampleVehicle;
const otherVehicle = V.find((v) => v.carrier_id !== OWN_CARRIER) as SampleVehicle;
const UNKNOWN_VEHICLE = '00000000-0000-4000-8000-000000000000';
/** Well-formed (43 base64url characters) but never issued. */
const UNKNOWN_DELEGATION = 'A'.repeat(43);

/** One valid principal per role; the driver has a valid qualification certificate (B7). */
const PRINCIPALS: Record<Role, Principal> = {
  driver: { sub: 'driver-0001', role: 'driver' },
  family: { sub: 'family-0001', role: 'family' },
  carrier: { sub: 'carrier-user-0001', role: 'carrier', carrierId: OWN_CARRIER },
  ops: { sub: 'ops-0001', role: 'ops' },
};

type Method = 'GET' | 'POST' | 'DELETE';

interface Endpoint {
  /** As the OpenAPI document names it: method and path template. */
  route: `${Method} /v1/${string}`;
  roles: Role[];
  url: (f: Fixture) => string;
  body?: (f: Fixture) => object;
  /** What the allowed role gets from the use case with these ids and bodies (neither 401 nor 403). */
  reached: { status: number; code?: string };
}

/** Add a row with every new endpoint. Rows run in this order for the allowed role. */
const ENDPOINTS: Endpoint[] = [
  {
    route: 'POST /v1/drivers/me/bindings',
    roles: ['driver'],
    url: () => '/v1/drivers/me/bindings',
    body: () => claimOf(ownVehicle),
    reached: { status: 201 },
  },
  {
    route: 'GET /v1/drivers/me/bindings',
    roles: ['driver'],
    url: () => '/v1/drivers/me/bindings?list=current',
    reached: { status: 200 },
  },
  {
    route: 'DELETE /v1/drivers/me/bindings/{vehicleId}',
    roles: ['driver'],
    url: () => `/v1/drivers/me/bindings/${UNKNOWN_VEHICLE}`,
    reached: { status: 409, code: 'NOT_BOUND' },
  },
  {
    route: 'POST /v1/drivers/me/bindings/{vehicleId}/rebind',
    roles: ['driver'],
    url: () => `/v1/drivers/me/bindings/${UNKNOWN_VEHICLE}/rebind`,
    reached: { status: 404, code: 'NOT_FOUND' },
  },
  {
    route: 'POST /v1/drivers/me/delegations',
    roles: ['driver'],
    url: () => '/v1/drivers/me/delegations',
    body: () => ({ plateNumber: otherVehicle.plate_number, plateColor: otherVehicle.plate_color }),
    reached: { status: 201 },
  },
  {
    route: 'GET /v1/delegations/{token}',
    roles: ['family'],
    url: () => `/v1/delegations/${UNKNOWN_DELEGATION}`,
    reached: { status: 404, code: 'NOT_FOUND' },
  },
  {
    route: 'POST /v1/delegations/{token}/complete',
    roles: ['family'],
    url: () => `/v1/delegations/${UNKNOWN_DELEGATION}/complete`,
    body: () => ({ transportCertNo: otherVehicle.transport_cert_no, vin: otherVehicle.vin }),
    reached: { status: 404, code: 'NOT_FOUND' },
  },
  {
    route: 'GET /v1/family/me/delegated-vehicles',
    roles: ['family'],
    url: () => '/v1/family/me/delegated-vehicles',
    reached: { status: 200 },
  },
  {
    route: 'GET /v1/carriers/me/vehicles',
    roles: ['carrier'],
    url: () => '/v1/carriers/me/vehicles?list=all',
    reached: { status: 200 },
  },
  {
    route: 'GET /v1/carriers/me/vehicles/{vehicleId}',
    roles: ['carrier'],
    url: (f) => `/v1/carriers/me/vehicles/${f.ownVehicleId}`,
    reached: { status: 200 },
  },
  {
    route: 'DELETE /v1/carriers/me/vehicles/{vehicleId}/bindings/{driverId}',
    roles: ['carrier'],
    // driver-0002 has nothing bound: the carrier's own vehicle, but no binding to end.
    url: (f) => `/v1/carriers/me/vehicles/${f.ownVehicleId}/bindings/driver-0002`,
    reached: { status: 409, code: 'NOT_BOUND' },
  },
];

function authorization(caller: Caller, endpoint: Endpoint): Record<string, string> {
  return callerHeaders(caller, auth, PRINCIPALS[endpoint.roles[0] as Role], PRINCIPALS);
}

const call = (endpoint: Endpoint, headers: Record<string, string>) => {
  const method = endpoint.route.split(' ')[0] as Method;
  const payload = endpoint.body?.(fx);
  return e.app.server.inject({ method, url: endpoint.url(fx), headers, ...(payload ? { payload } : {}) });
};

const expectProblem = (r: Awaited<ReturnType<typeof call>>, status: number, code: string) => {
  expect(r.statusCode, r.body).toBe(status);
  expect(r.headers['content-type']).toContain('application/problem+json');
  expect(r.json()).toMatchObject({ status, code });
};

beforeAll(async () => {
  e = await startBindings('authz', infra);
  auth = authConfig(e.cfg);
  const row = await e.db.query<{ vehicle_id: string }>(
    'SELECT vehicle_id FROM registry_vehicles WHERE plate_number = $1 AND plate_color = $2',
    [ownVehicle.plate_number, ownVehicle.plate_color],
  );
  fx = { ownVehicleId: (row.rows[0] as { vehicle_id: string }).vehicle_id };
});
afterAll(async () => {
  await e?.close();
});

describe('authorization matrix', () => {
  it('has a row for every /v1 route the app registers, with the roles its OpenAPI document states', async () => {
    const doc = (await e.app.server.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, { description?: string; security?: unknown[] }>>;
    };
    const registered = new Map<string, string | undefined>();
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.startsWith('/v1/')) continue;
      for (const [method, op] of Object.entries(ops)) {
        const roles = /Roles: ([^.]*)\./.exec(op.description ?? '')?.[1];
        registered.set(`${method.toUpperCase()} ${path}`, roles);
      }
    }
    expect([...registered.keys()].sort()).toEqual(ENDPOINTS.map((x) => x.route).sort());
    for (const x of ENDPOINTS) expect(registered.get(x.route), x.route).toBe(x.roles.join(', '));
  });

  const cases = ENDPOINTS.flatMap((endpoint) =>
    CALLERS.map((caller) => {
      const expected = !isRoleCaller(caller) ? '401' : endpoint.roles.includes(caller) ? 'reached' : '403';
      return [endpoint.route, caller, expected, endpoint] as const;
    }),
  );

  it.each(cases)('%s · %s → %s', async (_route, caller, expected, endpoint) => {
    const r = await call(endpoint, authorization(caller, endpoint));
    if (expected === '401') {
      expectProblem(r, 401, 'UNAUTHENTICATED');
      expect(r.headers['www-authenticate']).toMatch(/^Bearer /);
    } else if (expected === '403') {
      expectProblem(r, 403, 'FORBIDDEN');
    } else {
      expect(r.statusCode, r.body).toBe(endpoint.reached.status);
      if (endpoint.reached.code) expect(r.json()).toMatchObject({ code: endpoint.reached.code });
    }
  });
});

describe('who sees what', () => {
  const as = (p: Principal) => bearer(e.token(p));
  const inject = (method: Method, url: string, headers: Record<string, string>, payload?: object) =>
    e.app.server.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const vehicleIdOf = async (v: SampleVehicle) =>
    (
      (
        await e.db.query<{ vehicle_id: string }>(
          'SELECT vehicle_id FROM registry_vehicles WHERE plate_number = $1 AND plate_color = $2',
          [v.plate_number, v.plate_color],
        )
      ).rows[0] as { vehicle_id: string }
    ).vehicle_id;
  const plates = async (driverId: string, list: 'current' | 'history') => {
    const r = await inject(
      'GET',
      `/v1/drivers/me/bindings?list=${list}`,
      as({ sub: driverId, role: 'driver' }),
    );
    expect(r.statusCode, r.body).toBe(200);
    return (r.json().items as { plateNumber: string }[]).map((b) => b.plateNumber).sort();
  };

  it("B6: a carrier asking for another carrier's vehicle gets 404 NOT_FOUND, as for a vehicle that does not exist", async () => {
    const driver: Principal = { sub: 'driver-0006', role: 'driver' };
    const bound = await inject('POST', '/v1/drivers/me/bindings', as(driver), claimOf(otherVehicle));
    expect(bound.statusCode, bound.body).toBe(201);
    const foreignId = await vehicleIdOf(otherVehicle);
    const carrier = as(PRINCIPALS.carrier);

    const get = await inject('GET', `/v1/carriers/me/vehicles/${foreignId}`, carrier);
    expectProblem(get, 404, 'NOT_FOUND');
    const del = await inject(
      'DELETE',
      `/v1/carriers/me/vehicles/${foreignId}/bindings/${driver.sub}`,
      carrier,
    );
    expectProblem(del, 404, 'NOT_FOUND');
    // Indistinguishable from a vehicle that does not exist: nothing tells that the id is real.
    const none = await inject('GET', `/v1/carriers/me/vehicles/${UNKNOWN_VEHICLE}`, carrier);
    expect({ ...get.json(), detail: undefined }).toEqual({ ...none.json(), detail: undefined });
    expect(get.json().detail).toBe(del.json().detail);

    // The foreign carrier's refusal changed nothing; its own carrier sees and can end the binding.
    expect(await plates(driver.sub, 'current')).toContain(otherVehicle.plate_number);
    const lists = await inject('GET', '/v1/carriers/me/vehicles?list=all', carrier);
    const listed = (lists.json().items as { plateNumber: string }[]).map((v) => v.plateNumber);
    expect(listed).toContain(ownVehicle.plate_number);
    expect(listed).not.toContain(otherVehicle.plate_number);
    const owner = as({ sub: 'carrier-user-0002', role: 'carrier', carrierId: otherVehicle.carrier_id });
    const ownerGet = await inject('GET', `/v1/carriers/me/vehicles/${foreignId}`, owner);
    expect(ownerGet.statusCode, ownerGet.body).toBe(200);
    expect(ownerGet.json().bindings).toEqual([
      expect.objectContaining({ driverId: driver.sub, current: true }),
    ]);
  });

  it('a family token cannot use the driver endpoints, even with a driver id as its sub', async () => {
    const impostor = as({ sub: 'driver-0007', role: 'family' });
    const v = V[5] as SampleVehicle;
    const attempts = [
      await inject('POST', '/v1/drivers/me/bindings', impostor, claimOf(v)),
      await inject('GET', '/v1/drivers/me/bindings', impostor),
      await inject('GET', '/v1/drivers/me/bindings?list=history', impostor),
      await inject('DELETE', `/v1/drivers/me/bindings/${await vehicleIdOf(v)}`, impostor),
      await inject('POST', `/v1/drivers/me/bindings/${await vehicleIdOf(v)}/rebind`, impostor),
      await inject('POST', '/v1/drivers/me/delegations', impostor, {
        plateNumber: v.plate_number,
        plateColor: v.plate_color,
      }),
    ];
    for (const r of attempts) expectProblem(r, 403, 'FORBIDDEN');
    expect(await plates('driver-0007', 'current')).toEqual([]);
    expect(await plates('driver-0007', 'history')).toEqual([]);
  });

  it("the token's sub decides whose bindings are listed: driver A never sees driver B's", async () => {
    const [a, b] = ['driver-0009', 'driver-0010'];
    const [va, vb, vgone] = [V[10], V[11], V[12]] as [SampleVehicle, SampleVehicle, SampleVehicle];
    const bind = async (driverId: string, v: SampleVehicle) => {
      const r = await inject(
        'POST',
        '/v1/drivers/me/bindings',
        as({ sub: driverId, role: 'driver' }),
        claimOf(v),
      );
      expect(r.statusCode, r.body).toBe(201);
    };
    await bind(a, va);
    await bind(b, vb);
    await bind(b, vgone);
    const unbind = await inject(
      'DELETE',
      `/v1/drivers/me/bindings/${await vehicleIdOf(vgone)}`,
      as({ sub: b, role: 'driver' }),
    );
    expect(unbind.statusCode, unbind.body).toBe(200);

    expect(await plates(a, 'current')).toEqual([va.plate_number]);
    expect(await plates(a, 'history')).toEqual([]);
    expect(await plates(b, 'current')).toEqual([vb.plate_number]);
    expect(await plates(b, 'history')).toEqual([vgone.plate_number]);

    // A cannot end B's binding nor bind again from B's history: for A they do not exist.
    const aToken = as({ sub: a, role: 'driver' });
    expectProblem(
      await inject('DELETE', `/v1/drivers/me/bindings/${await vehicleIdOf(vb)}`, aToken),
      409,
      'NOT_BOUND',
    );
    expectProblem(
      await inject('POST', `/v1/drivers/me/bindings/${await vehicleIdOf(vgone)}/rebind`, aToken),
      404,
      'NOT_FOUND',
    );
    expect(await plates(b, 'current')).toEqual([vb.plate_number]);
    expect(await plates(a, 'current')).toEqual([va.plate_number]);
  });
});
