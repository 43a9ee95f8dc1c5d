/**
 * No personal data in the logs, no stack traces in the answers: a realistic
 * bindings scenario (self-bind, a refused bind, bind again, delegated binding
 * by a family member, a carrier's views and unbinding, malformed and forged
 * requests, and a 500 forced by a missing table) runs with the service's own
 * logger at debug level; everything it logs and answers is then searched for
 * names, phone numbers, identity card numbers, VINs, certificate numbers,
 * delegation tokens and JWTs — and the answers for stack traces.
 */
import { authConfig, createLogger, migrate, mintToken, type Principal, topicNames } from '@safewatch/common';
import { findLeaks, getInfra, isolate, logCapture, STACK_TRACE } from '@safewatch/testkit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BindingsApp, createBindingsApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { importRegistryFile, SAMPLE_REGISTRY_FILE } from '../src/registry/index.js';
import { claimOf, MIGRATIONS, type SampleVehicle, sample, TEST_JWT_SECRET, TestClock } from './helpers.js';

const infra = getInfra();
const iso = isolate('privacy', infra);
const logs = logCapture();
let app: BindingsApp;
let db: pg.Pool;
let token: (p: Principal) => string;
const answers: string[] = [];
/** Every secret value the scenario sent, by kind. */
const sent: Record<string, string[]> = { 'delegation token': [], JWT: [] };

beforeAll(async () => {
  const quiet = createLogger('privacy-setup', 'silent');
  await migrate({
    databaseUrl: infra.databaseUrl,
    schema: iso.schema,
    dir: MIGRATIONS,
    service: 'bindings',
    logger: quiet,
  });
  await iso.createTopics(Object.values(topicNames()), 2);
  const cfg = loadConfig({
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: iso.topicPrefix,
    DATABASE_URL: infra.databaseUrl,
    PG_SCHEMA: iso.schema,
    REDIS_URL: infra.redisUrl,
    REDIS_KEY_PREFIX: iso.redisPrefix,
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'debug',
  });
  db = new pg.Pool({ connectionString: infra.databaseUrl, options: `-c search_path=${iso.schema}`, max: 2 });
  await importRegistryFile(db, SAMPLE_REGISTRY_FILE, { topicPrefix: iso.topicPrefix });
  // The service's own logger (redaction included), at debug level, into memory.
  app = await createBindingsApp(
    cfg,
    createLogger('bindings', 'debug', logs.destination),
    new TestClock().now,
  );
  await app.start();
  const auth = authConfig(cfg);
  token = (p) => {
    const t = mintToken(auth, p, 3600);
    sent.JWT?.push(t);
    return t;
  };
});
afterAll(async () => {
  await app?.stop();
  await db?.end();
  await iso.dropSchema();
});

async function call(method: 'GET' | 'POST' | 'DELETE', url: string, who?: Principal, payload?: unknown) {
  const res = await app.server.inject({
    method,
    url,
    headers: who ? { authorization: `Bearer ${token(who)}` } : {},
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
  answers.push(`${res.statusCode} ${JSON.stringify(res.headers)} ${res.body}`);
  return res;
}

const V = sample.vehicles;
const vehicleIdOf = async (v: SampleVehicle) =>
  (
    await db.query<{ vehicle_id: string }>(
      'SELECT vehicle_id FROM registry_vehicles WHERE plate_number = $1 AND plate_color = $2',
      [v.plate_number, v.plate_color],
    )
  ).rows[0]?.vehicle_id as string;

describe('a bindings scenario leaves no personal data in logs and no stack trace in answers', () => {
  it('runs the scenario', async () => {
    const driver: Principal = { sub: 'driver-0001', role: 'driver' };
    const family: Principal = { sub: 'family-0001', role: 'family' };
    const [v1, v2, v3] = V.filter((v) => v.carrier_id === 'carrier-jinan-01') as [
      SampleVehicle,
      SampleVehicle,
      SampleVehicle,
    ];
    const carrier: Principal = { sub: 'carrier-user-1', role: 'carrier', carrierId: v1.carrier_id };

    expect((await call('POST', '/v1/drivers/me/bindings', driver, claimOf(v1))).statusCode).toBe(201);
    // B1 refusal: a wrong VIN (the registry's is never echoed).
    const wrong = await call('POST', '/v1/drivers/me/bindings', driver, {
      ...claimOf(v2),
      vin: 'LWRONGVIN00000000',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).not.toContain(v2.vin);
    expect((await call('GET', '/v1/drivers/me/bindings?list=current', driver)).statusCode).toBe(200);
    const v1Id = await vehicleIdOf(v1);
    expect((await call('DELETE', `/v1/drivers/me/bindings/${v1Id}`, driver)).statusCode).toBe(200);
    expect((await call('POST', `/v1/drivers/me/bindings/${v1Id}/rebind`, driver)).statusCode).toBe(201);

    // B5: delegated binding.
    const d = await call('POST', '/v1/drivers/me/delegations', driver, {
      plateNumber: v3.plate_number,
      plateColor: v3.plate_color,
    });
    expect(d.statusCode, d.body).toBe(201);
    const delegation = d.json().token as string;
    sent['delegation token']?.push(delegation);
    expect((await call('GET', `/v1/delegations/${delegation}`, family)).statusCode).toBe(200);
    const done = await call('POST', `/v1/delegations/${delegation}/complete`, family, {
      transportCertNo: v3.transport_cert_no,
      vin: v3.vin,
    });
    expect(done.statusCode, done.body).toBe(201);
    expect((await call('GET', `/v1/delegations/${delegation}`, family)).statusCode).toBe(410);
    expect((await call('GET', '/v1/family/me/delegated-vehicles', family)).statusCode).toBe(200);

    // B6: the carrier sees masked drivers, and unbinds one.
    const detail = await call('GET', `/v1/carriers/me/vehicles/${v1Id}`, carrier);
    expect(detail.statusCode).toBe(200);
    expect((await call('GET', '/v1/carriers/me/vehicles?list=all', carrier)).statusCode).toBe(200);
    expect(
      (await call('DELETE', `/v1/carriers/me/vehicles/${v1Id}/bindings/driver-0001`, carrier)).statusCode,
    ).toBe(200);

    // Refusals of every kind.
    await call('GET', '/v1/drivers/me/bindings');
    await app.server.inject({
      method: 'GET',
      url: '/v1/drivers/me/bindings',
      headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged' },
    });
    await call('POST', '/v1/drivers/me/bindings', driver, {
      plateNumber: v2.plate_number,
      vin: v2.vin,
      phone: '13912345678',
    });
    await call('GET', `/v1/delegations/${'B'.repeat(43)}`, family);
    await call('POST', '/v1/drivers/me/bindings', family, claimOf(v2));

    // A 500: the qualification table is gone (as in a broken deployment).
    await db.query('ALTER TABLE registry_drivers RENAME TO registry_drivers_gone');
    try {
      const boom = await call(
        'POST',
        '/v1/drivers/me/bindings',
        { sub: 'driver-0002', role: 'driver' },
        claimOf(v2),
      );
      expect(boom.statusCode).toBe(500);
      expect(boom.json()).toMatchObject({ code: 'INTERNAL', detail: 'an unexpected error occurred' });
    } finally {
      await db.query('ALTER TABLE registry_drivers_gone RENAME TO registry_drivers');
    }
    // The error itself is logged for operators, at error level.
    expect(logs.lines.some((l) => /"level":50/.test(l) && /registry_drivers/.test(l))).toBe(true);
  });

  it('logs no name, phone number, identity number, VIN, certificate number, delegation token or JWT', () => {
    const secrets = {
      ...sent,
      'driver name': sample.drivers.map((d) => d.name),
      phone: sample.drivers.map((d) => d.phone),
      VIN: V.map((v) => v.vin),
      'transport certificate': V.map((v) => v.transport_cert_no),
    };
    expect(logs.lines.length).toBeGreaterThan(20);
    if (process.env.PRIVACY_DUMP) console.log(logs.text());
    expect(findLeaks(logs.text(), secrets)).toEqual([]);
  });

  it('answers with no stack trace, no full name or phone number, and no JWT', () => {
    const all = answers.join('\n');
    expect(all).not.toMatch(STACK_TRACE);
    const leaks = findLeaks(all, {
      'driver name': sample.drivers.map((d) => d.name),
      phone: sample.drivers.map((d) => d.phone),
      JWT: sent.JWT ?? [],
    });
    expect(leaks).toEqual([]);
  });
});
