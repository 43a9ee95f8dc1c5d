/**
 * Token attacks on every bindings endpoint (beyond the authorization matrix's
 * forged, expired and `alg: none`): correctly signed tokens whose claims try
 * to escalate get 401 everywhere; a carrier cannot switch carriers through
 * the query, a header or the body; another carrier's vehicle answers 404,
 * like a vehicle that does not exist (README: "Another carrier's vehicle
 * answers 404, not 403").
 */
import { authConfig, type Principal } from '@safewatch/common';
import { getInfra, type OpenApiDocument, oddClaimTokens, operationsOf } from '@safewatch/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BindingsEnv, bearer, claimOf, type SampleVehicle, sample, startBindings } from './helpers.js';

const infra = getInfra();
let e: BindingsEnv;
const OWN = 'carrier-jinan-01';
const own = sample.vehicles.find((v) => v.carrier_id === OWN) as SampleVehicle;
const foreign = sample.vehicles.find((v) => v.carrier_id !== OWN) as SampleVehicle;

beforeAll(async () => {
  e = await startBindings('token-attacks', infra);
});
afterAll(async () => {
  await e?.close();
});

const vehicleIdOf = async (v: SampleVehicle) =>
  (
    await e.db.query<{ vehicle_id: string }>(
      'SELECT vehicle_id FROM registry_vehicles WHERE plate_number = $1 AND plate_color = $2',
      [v.plate_number, v.plate_color],
    )
  ).rows[0]?.vehicle_id as string;

describe('escalation through odd claims', () => {
  it('every endpoint of the OpenAPI document answers 401 to every token with unusable claims', async () => {
    const doc = (
      await e.app.server.inject({ method: 'GET', url: '/openapi.json' })
    ).json() as OpenApiDocument;
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThanOrEqual(11);
    const fill: Record<string, string> = {
      vehicleId: await vehicleIdOf(own),
      token: 'A'.repeat(43),
      driverId: 'driver-0001',
    };
    for (const op of ops) {
      const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => fill[name] ?? 'x');
      for (const [name, token] of Object.entries(oddClaimTokens(authConfig(e.cfg)))) {
        const res = await e.app.server.inject({
          method: op.method as 'GET',
          url,
          headers: bearer(token),
          ...(op.body ? { payload: claimOf(own) } : {}),
        });
        expect(res.statusCode, `${op.id} with ${name}: ${res.body}`).toBe(401);
        expect(res.json().code).toBe('UNAUTHENTICATED');
      }
    }
  });
});

describe('carriers (B6)', () => {
  const carrier = (carrierId: string): Principal => ({
    sub: `user-of-${carrierId}`,
    role: 'carrier',
    carrierId,
  });
  const as = (p: Principal) => bearer(e.token(p));

  it("another carrier's vehicle is 404 NOT_FOUND, the same answer as a vehicle that does not exist", async () => {
    const foreignId = await vehicleIdOf(foreign);
    const theirs = await e.app.server.inject({
      url: `/v1/carriers/me/vehicles/${foreignId}`,
      headers: as(carrier(OWN)),
    });
    const none = await e.app.server.inject({
      url: '/v1/carriers/me/vehicles/00000000-0000-4000-8000-000000000000',
      headers: as(carrier(OWN)),
    });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.body).toBe(none.body);
    // Its owner sees it.
    const owner = await e.app.server.inject({
      url: `/v1/carriers/me/vehicles/${foreignId}`,
      headers: as(carrier(foreign.carrier_id)),
    });
    expect(owner.statusCode).toBe(200);
  });

  it('the carrier comes from the token only: carrierId in the query, a header or the body switches nothing', async () => {
    const foreignId = await vehicleIdOf(foreign);
    const headers = {
      ...as(carrier(OWN)),
      'x-carrier-id': foreign.carrier_id,
      'carrier-id': foreign.carrier_id,
    };
    const get = await e.app.server.inject({
      url: `/v1/carriers/me/vehicles/${foreignId}?carrierId=${foreign.carrier_id}`,
      headers,
    });
    expect(get.statusCode).toBe(404);
    const list = await e.app.server.inject({
      url: `/v1/carriers/me/vehicles?list=all&carrierId=${foreign.carrier_id}`,
      headers,
    });
    expect(list.statusCode, list.body).toBe(200);
    const plates = (list.json().items as { plateNumber: string }[]).map((v) => v.plateNumber);
    expect(plates).toContain(own.plate_number);
    expect(plates).not.toContain(foreign.plate_number);
    const del = await e.app.server.inject({
      method: 'DELETE',
      url: `/v1/carriers/me/vehicles/${foreignId}/bindings/driver-0001`,
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ carrierId: foreign.carrier_id }),
    });
    expect(del.statusCode).toBe(404);
  });

  it('a carrierId that names no carrier, or looks like SQL, sees nothing and breaks nothing', async () => {
    for (const carrierId of ['carrier-none', "x' OR '1'='1", '%', '_', '*']) {
      const list = await e.app.server.inject({
        url: '/v1/carriers/me/vehicles?list=all',
        headers: as(carrier(carrierId)),
      });
      expect(list.statusCode, `${carrierId}: ${list.body}`).toBe(200);
      expect(list.json().items).toEqual([]);
      const get = await e.app.server.inject({
        url: `/v1/carriers/me/vehicles/${await vehicleIdOf(own)}`,
        headers: as(carrier(carrierId)),
      });
      expect(get.statusCode).toBe(404);
    }
  });

  it('family and driver tokens are refused on the carrier endpoints, whatever carrierId they carry', async () => {
    const vehicleId = await vehicleIdOf(own);
    for (const role of ['family', 'driver'] as const) {
      const token = e.token({ sub: 'impostor', role } as Principal);
      for (const [method, url] of [
        ['GET', '/v1/carriers/me/vehicles'],
        ['GET', `/v1/carriers/me/vehicles/${vehicleId}`],
        ['DELETE', `/v1/carriers/me/vehicles/${vehicleId}/bindings/driver-0001`],
      ] as const) {
        const res = await e.app.server.inject({ method, url, headers: bearer(token) });
        expect(res.statusCode, `${role} ${method} ${url}`).toBe(403);
      }
    }
  });
});

describe('the verified-token cache', () => {
  it('remembers a token by its exact text: a copy with its signature or payload altered is refused after it', async () => {
    const token = e.token({ sub: 'driver-cache-1', role: 'driver' });
    const get = (t: string) =>
      e.app.server.inject({ method: 'GET', url: '/v1/drivers/me/bindings', headers: bearer(t) });
    expect((await get(token)).statusCode).toBe(200);
    expect((await get(token)).statusCode).toBe(200);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const flip = (s: string) => (s.endsWith('A') ? `${s.slice(0, -1)}B` : `${s.slice(0, -1)}A`);
    const otherPayload = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: 'driver-cache-2' }),
    ).toString('base64url');
    for (const forged of [
      `${header}.${payload}.${flip(signature)}`,
      `${header}.${otherPayload}.${signature}`,
    ]) {
      const res = await get(forged);
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
    }
  });
});
