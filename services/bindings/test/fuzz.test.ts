/**
 * HTTP fuzzing of every operation of the bindings OpenAPI document (fast-check,
 * fixed seed; FUZZ_SEED / FUZZ_RUNS override): path parameters, query
 * strings, headers and bodies, schema-shaped and hostile, sent with a valid
 * token of each role, bad tokens and none. Whatever arrives: never a 5xx,
 * only statuses the document lists for that operation, errors as
 * problem+json with a stable code, security headers on every answer, and the
 * process serves on afterwards with no polluted prototype.
 */
import {
  API_SECURITY_HEADERS,
  type AuthConfig,
  authConfig,
  PROBLEM_CODES,
  type Principal,
} from '@safewatch/common';
import {
  attackTokens,
  formatFuzzReport,
  fuzzHttp,
  getInfra,
  injectSender,
  type OpenApiDocument,
  oddClaimTokens,
  operationsOf,
} from '@safewatch/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BindingsEnv, bearer, claimOf, type SampleVehicle, sample, startBindings } from './helpers.js';

const infra = getInfra();
let e: BindingsEnv;
let auth: AuthConfig;

const OWN_CARRIER = 'carrier-jinan-01';
const V = sample.vehicles;
const D = sample.drivers.map((d) => d.driver_id);

/** Security headers every answer carries. */
const SECURITY_HEADERS = Object.keys(API_SECURITY_HEADERS);

function callers(): Record<string, Record<string, string>> {
  const as = (p: Principal) => bearer(e.token(p));
  const driver = D[0] as string;
  const bad = attackTokens(auth, { sub: driver, role: 'driver' });
  const out: Record<string, Record<string, string>> = {
    'no token': {},
    'garbage token': { authorization: 'Bearer not-a-token' },
    'basic auth': { authorization: 'Basic ZHJpdmVyOnB3' },
    'forged token': bearer(bad.forged),
    'expired token': bearer(bad.expired),
    'alg none': bearer(bad.algNone),
    family: as({ sub: 'family-fuzz', role: 'family' }),
    'own carrier': as({ sub: 'carrier-user-fuzz', role: 'carrier', carrierId: OWN_CARRIER }),
    'other carrier': as({ sub: 'carrier-user-fuzz-2', role: 'carrier', carrierId: 'carrier-qingdao-02' }),
    'unknown carrier': as({ sub: 'carrier-user-fuzz-3', role: 'carrier', carrierId: 'carrier-none' }),
    ops: as({ sub: 'ops-fuzz', role: 'ops' }),
  };
  // Several drivers with qualification certificates, so rate limits per identity leave room.
  for (const sub of D.slice(0, 6)) out[`driver ${sub}`] = as({ sub, role: 'driver' });
  out['driver not in registry'] = as({ sub: 'driver-unknown', role: 'driver' });
  // A few tokens with unusable claims (token-attacks.test.ts tries them all on every endpoint).
  const odd = oddClaimTokens(auth);
  for (const name of ['role array', 'role unknown', 'carrier without carrierId'])
    out[name] = bearer(odd[name] as string);
  return out;
}

beforeAll(async () => {
  e = await startBindings('fuzz', infra);
  auth = authConfig(e.cfg);
});
afterAll(async () => {
  await e?.close();
});

describe('fuzzing every bindings operation', () => {
  it('answers any request with a documented status, never a 5xx; errors are problem+json with a stable code', async () => {
    const doc = (
      await e.app.server.inject({ method: 'GET', url: '/openapi.json' })
    ).json() as OpenApiDocument;
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThanOrEqual(11);

    // Real ids and a real delegation link, so that generated requests also reach the use cases.
    const ids = await e.db.query<{ vehicle_id: string; plate_number: string }>(
      'SELECT vehicle_id, plate_number FROM registry_vehicles ORDER BY plate_number LIMIT 8',
    );
    const delegation = await e.app.server.inject({
      method: 'POST',
      url: '/v1/drivers/me/delegations',
      headers: bearer(e.token({ sub: D[1] as string, role: 'driver' })),
      payload: {
        plateNumber: (V[3] as SampleVehicle).plate_number,
        plateColor: (V[3] as SampleVehicle).plate_color,
      },
    });
    expect(delegation.statusCode, delegation.body).toBe(201);
    const vehicles = V.slice(0, 8).map(claimOf);

    const report = await fuzzHttp({
      label: 'bindings',
      operations,
      callers: callers(),
      samples: {
        vehicleId: ids.rows.map((r) => r.vehicle_id),
        driverId: D.slice(0, 6),
        token: [delegation.json().token as string, 'A'.repeat(43)],
        plateNumber: vehicles.map((v) => v.plateNumber),
        plateColor: [...new Set(vehicles.map((v) => v.plateColor))],
        transportCertNo: vehicles.map((v) => v.transportCertNo),
        vin: vehicles.map((v) => v.vin),
        list: ['current', 'history', 'bound', 'all'],
      },
      codes: new Set(Object.keys(PROBLEM_CODES)),
      requiredHeaders: SECURITY_HEADERS,
      numRuns: 8000,
      send: injectSender(e.app.server),
    });
    if (process.env.FUZZ_REPORT)
      console.log(`[fuzz bindings] seed ${report.seed}, ${report.runs} runs\n${formatFuzzReport(report)}`);
    expect(report.runs).toBeGreaterThan(500);

    // Every operation was exercised, and most got past authentication somewhere.
    for (const op of operations) expect(report.statuses.get(op.id)?.size ?? 0, op.id).toBeGreaterThan(0);
    const reached = operations.filter((op) =>
      [...(report.statuses.get(op.id)?.keys() ?? [])].some((s) => s !== 401 && s !== 403 && s !== 429),
    );
    expect(reached.length).toBe(operations.length);

    // The process serves on, and nothing reached Object.prototype.
    expect((await e.app.server.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const list = await e.app.server.inject({
      method: 'GET',
      url: '/v1/drivers/me/bindings',
      headers: bearer(e.token({ sub: D[7] as string, role: 'driver' })),
    });
    expect(list.statusCode, list.body).toBe(200);
    const probe: Record<string, unknown> = {};
    expect(probe.polluted).toBeUndefined();
    expect(probe.isAdmin).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  }, 120_000);
});
