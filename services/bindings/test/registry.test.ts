/**
 * Registry import against a real Postgres (SPEC §2 registry; rules B1/B7 rely
 * on it, A3 reminders on its certificate events).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, createPgPool, migrate, type Pool, topicNames } from '@safewatch/common';
import { pb } from '@safewatch/proto';
import { getInfra, type Isolation, isolate } from '@safewatch/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImportRegistry } from '../src/cli/import-registry.js';
import {
  importRegistryFile,
  loadRegistry,
  parseRegistryJson,
  SAMPLE_REGISTRY_FILE,
} from '../src/registry/index.js';

const MIGRATIONS = join(import.meta.dirname, '..', 'migrations');
const SAMPLES = join(import.meta.dirname, '..', 'samples');
const logger = createLogger('bindings-registry-test', process.env.TEST_LOG_LEVEL ?? 'silent');
const NOW = Date.UTC(2026, 10, 21, 8, 0, 0);

const infra = getInfra();
let iso: Isolation;
let pool: Pool;
let dir: string;

const sample = parseRegistryJson(readFileSync(SAMPLE_REGISTRY_FILE));
const withDate = sample.vehicles.filter((v) => v.transportCertExpiresOn !== null).length;

beforeAll(async () => {
  iso = isolate('bindings-registry');
  await migrate({
    databaseUrl: infra.databaseUrl,
    schema: iso.schema,
    dir: MIGRATIONS,
    service: 'bindings',
    logger,
  });
  pool = createPgPool(
    { databaseUrl: infra.databaseUrl, schema: iso.schema, poolSize: 4, applicationName: 'registry-test' },
    () => undefined,
  );
  dir = await mkdtemp(join(tmpdir(), 'registry-test-'));
});

afterAll(async () => {
  await pool?.end();
  await iso?.dropSchema();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const opts = () => ({ topicPrefix: iso.topicPrefix, now: () => NOW });
const scalar = async (sql: string, params: unknown[] = []) =>
  Number((await pool.query<{ n: string }>(sql, params)).rows[0]?.n);
const outboxCount = () => scalar('SELECT count(*) AS n FROM outbox');
const newOutbox = async (afterId: number) =>
  (
    await pool.query<{ id: string; event_id: string; topic: string; message_key: string; payload: Buffer }>(
      'SELECT id, event_id, topic, message_key, payload FROM outbox WHERE id > $1 ORDER BY id',
      [afterId],
    )
  ).rows;
const maxOutboxId = () => scalar('SELECT coalesce(max(id), 0) AS n FROM outbox');
const file = async (name: string, content: string) => {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
};
const cli = async (args: string[], env: Record<string, string> = {}) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImportRegistry(
    args,
    {
      DATABASE_URL: infra.databaseUrl,
      PG_SCHEMA: iso.schema,
      KAFKA_TOPIC_PREFIX: iso.topicPrefix,
      LOG_LEVEL: 'silent',
      ...env,
    },
    { out: (l) => out.push(l), err: (l) => err.push(l) },
  );
  return { code, out, err };
};
const jsonVehicle = (over: Record<string, unknown>) => {
  const v = sample.vehicles[0];
  if (!v) throw new Error('empty sample');
  return {
    plate_number: v.plateNumber,
    plate_color: v.plateColor,
    transport_cert_no: v.transportCertNo,
    vin: v.vin,
    carrier_id: v.carrierId,
    transport_cert_expires_on: v.transportCertExpiresOn,
    is_freight: v.isFreight,
    ...over,
  };
};

describe('registry import (SPEC §2)', () => {
  it('imports the sample: 200 vehicles, 20 drivers, one certificate event per vehicle with a validity date', async () => {
    const r = await importRegistryFile(pool, SAMPLE_REGISTRY_FILE, opts());
    expect(r).toMatchObject({
      rows: 220,
      inserted: 220,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      vehicles: { inserted: 200, updated: 0, unchanged: 0 },
      drivers: { inserted: 20, updated: 0, unchanged: 0 },
      events: withDate,
    });
    expect(await scalar('SELECT count(*) AS n FROM registry_vehicles')).toBe(200);
    expect(await scalar('SELECT count(*) AS n FROM registry_drivers')).toBe(20);
    expect(await scalar("SELECT count(*) AS n FROM registry_drivers WHERE driver_id = 'driver-0021'")).toBe(
      0,
    );
    const topics = await pool.query<{ topic: string }>('SELECT DISTINCT topic FROM outbox');
    expect(topics.rows).toEqual([{ topic: topicNames(iso.topicPrefix).bindingsEvents }]);
    expect(await outboxCount()).toBe(withDate);
    // Nothing bound yet: the new drivers' validities fan out to no vehicle.
    const keys = (await newOutbox(0)).map((e) => e.message_key);
    expect(new Set(keys).size).toBe(withDate);
  });

  it('re-importing the same data (JSON or the CSV pair) changes nothing and writes no event', async () => {
    const before = await pool.query(
      'SELECT max(updated_at) AS v, max(xmin::text::bigint) AS x FROM registry_vehicles',
    );
    const events = await outboxCount();
    const again = await importRegistryFile(pool, SAMPLE_REGISTRY_FILE, opts());
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 220, rejected: 0, events: 0 });
    const vehicles = await importRegistryFile(pool, join(SAMPLES, 'registry-vehicles.csv'), opts());
    expect(vehicles).toMatchObject({ vehicles: { inserted: 0, updated: 0, unchanged: 200 }, events: 0 });
    const drivers = await importRegistryFile(pool, join(SAMPLES, 'registry-drivers.csv'), opts());
    expect(drivers).toMatchObject({ drivers: { inserted: 0, updated: 0, unchanged: 20 }, events: 0 });
    expect(await outboxCount()).toBe(events);
    const after = await pool.query(
      'SELECT max(updated_at) AS v, max(xmin::text::bigint) AS x FROM registry_vehicles',
    );
    expect(after.rows).toEqual(before.rows);
  });

  it('rejects bad rows with their line and field, loads the good ones, and exits 2', async () => {
    const path = await file(
      'vehicles.csv',
      [
        'plate_number,plate_color,transport_cert_no,vin,carrier_id,transport_cert_expires_on',
        '鲁A90001,2,370100900001,LZZ1CLVB8FA000001,carrier-test,2027-03-01', // 2 good
        '鲁A90002,2,370100900002,LZZ1CLVB8FA00000,carrier-test,2027-03-01', // 3 VIN 16 characters
        '鲁A90003,8,370100900003,LZZ1CLVB8FA000001,carrier-test,', // 4 colour 8 unknown
        '', // 5
        '鲁A90004,2,370100900004,LZZ1CLVB8FA000001,carrier-test,', // 6 good, no date
        '鲁A 90001,2,370100900005,LZZ1CLVB8FA000001,carrier-test,2027-03-01', // 7 same plate as line 2
        '鲁A90005,2,370100900006,LZZ1CLVB8FA000001,,2027-13-01', // 8 no carrier, bad date
      ].join('\r\n'),
    );
    const events = await outboxCount();
    const { code, out, err } = await cli([path]);
    expect(err).toEqual([]);
    expect(code).toBe(2);
    expect(out).toEqual([
      'vehicles.csv: 6 rows; vehicles 2 inserted, 0 updated, 0 unchanged; drivers 0 inserted, 0 updated, 0 unchanged; 4 rejected; 1 certificate events',
      '  rejected line 3 vin: must be 17 characters, got 16',
      '  rejected line 4 plate_color: unknown plate colour code (expected one of 1, 2, 3, 4, 5, 9, 91, 92, 93, 94)',
      '  rejected line 7 plate_number: duplicate plate_number + plate_color (first at line 2)',
      '  rejected line 8 carrier_id: required',
      '  rejected line 8 transport_cert_expires_on: not a calendar date',
    ]);
    const loaded = await pool.query(
      "SELECT plate_number, transport_cert_expires_on::text AS d FROM registry_vehicles WHERE carrier_id = 'carrier-test' ORDER BY 1",
    );
    expect(loaded.rows).toEqual([
      { plate_number: '鲁A90001', d: '2027-03-01' },
      { plate_number: '鲁A90004', d: null },
    ]);
    expect(await outboxCount()).toBe(events + 1); // only the new vehicle with a date

    const json = await file(
      'bad.json',
      JSON.stringify({
        vehicles: [jsonVehicle({}), jsonVehicle({ vin: 'LZZ1CLVB8FA0000OO' })],
        drivers: [
          { driver_id: 'driver-0099', qualification_cert_no: '12', name: '测试', phone: '13800009999' },
          { driver_id: 'driver-0098', qualification_cert_no: '370100201900000098', phone: '1380000999' },
        ],
      }),
    );
    const j = await cli([json]);
    expect(j.code).toBe(2);
    expect(j.out.slice(1)).toEqual([
      '  rejected vehicles[1] vin: only A-H, J-N, P, R-Z and 0-9 are allowed (no I, O, Q)',
      '  rejected drivers[0] qualification_cert_no: must be 6-30 characters, got 2',
      '  rejected drivers[1] phone: a mobile number has 11 digits starting 13-19, got 10 digits',
    ]);
    expect(j.out.join('\n')).not.toContain('1380000999');
  });

  it('a changed transport validity updates the vehicle and writes one event keyed by the vehicle', async () => {
    const first = sample.vehicles[0];
    if (!first) throw new Error('empty sample');
    const from = await maxOutboxId();
    const path = await file(
      'one.json',
      JSON.stringify({ vehicles: [jsonVehicle({ transport_cert_expires_on: '2026-12-01' })] }),
    );
    const r = await importRegistryFile(pool, path, opts());
    expect(r).toMatchObject({ vehicles: { inserted: 0, updated: 1, unchanged: 0 }, events: 1 });
    const rows = await newOutbox(from);
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row?.message_key).toBe(`${first.plateNumber}:${first.plateColor}`);
    expect(row?.topic).toBe(`${iso.topicPrefix}bindings.events`);
    const env = pb.BindingsEnvelope.decode(row?.payload as Buffer);
    expect(env.event).toBe('certificate');
    expect(env.certificate).toMatchObject({
      eventId: row?.event_id,
      vehicle: { plateNumber: first.plateNumber, plateColor: first.plateColor },
      driverId: '',
      transportCertExpiresOn: '2026-12-01',
      qualificationCertExpiresOn: '',
      occurredAtMs: NOW,
    });

    // Another field changed, the validity did not: updated, no event.
    const carrier = await importRegistryFile(
      pool,
      await file(
        'carrier.json',
        JSON.stringify({
          vehicles: [
            jsonVehicle({ transport_cert_expires_on: '2026-12-01', carrier_id: 'carrier-other-01' }),
          ],
        }),
      ),
      opts(),
    );
    expect(carrier).toMatchObject({ vehicles: { updated: 1 }, events: 0 });
    // Clearing the validity is a change too (the event says "not on record").
    const cleared = await importRegistryFile(
      pool,
      await file(
        'cleared.json',
        JSON.stringify({
          vehicles: [jsonVehicle({ transport_cert_expires_on: null, carrier_id: 'carrier-other-01' })],
        }),
      ),
      opts(),
    );
    expect(cleared.events).toBe(1);
    // Partial refreshes never delete: every sample vehicle is still there.
    expect(await scalar('SELECT count(*) AS n FROM registry_vehicles')).toBe(202);
  });

  it('a changed qualification validity gives one event per vehicle the driver currently has bound', async () => {
    const [a, b, c] = sample.vehicles.slice(1, 4);
    if (!a || !b || !c) throw new Error('short sample');
    const id = async (plate: string) =>
      (
        await pool.query<{ id: string }>(
          'SELECT vehicle_id AS id FROM registry_vehicles WHERE plate_number = $1',
          [plate],
        )
      ).rows[0]?.id;
    await pool.query(
      `INSERT INTO bindings (driver_id, vehicle_id, channel, unbound_at, unbound_by) VALUES
         ('driver-0001', $1, 'SELF', NULL, NULL),
         ('driver-0001', $2, 'SELF', NULL, NULL),
         ('driver-0001', $3, 'SELF', now(), 'DRIVER')`,
      [await id(a.plateNumber), await id(b.plateNumber), await id(c.plateNumber)],
    );
    const from = await maxOutboxId();
    const drivers = sample.drivers.slice(0, 2).map((d) => ({
      driver_id: d.driverId,
      qualification_cert_no: d.qualificationCertNo,
      qualification_cert_expires_on: '2026-12-10', // both change; only driver-0001 has vehicles bound
      name: d.name,
      phone: d.phone,
    }));
    const r = await importRegistryFile(pool, await file('drivers.json', JSON.stringify({ drivers })), opts());
    expect(r).toMatchObject({ drivers: { inserted: 0, updated: 2, unchanged: 0 }, events: 2 });
    const rows = await newOutbox(from);
    expect(rows.map((e) => e.message_key).sort()).toEqual(
      [`${a.plateNumber}:${a.plateColor}`, `${b.plateNumber}:${b.plateColor}`].sort(),
    );
    for (const e of rows) {
      const cert = pb.BindingsEnvelope.decode(e.payload).certificate;
      const v = e.message_key.startsWith(a.plateNumber) ? a : b;
      expect(cert).toMatchObject({
        eventId: e.event_id,
        driverId: 'driver-0001',
        qualificationCertExpiresOn: '2026-12-10',
        transportCertExpiresOn: v.transportCertExpiresOn ?? '',
        vehicle: { plateNumber: v.plateNumber, plateColor: v.plateColor },
      });
    }
    // The name alone changing updates the row but is no certificate event.
    const renamed = drivers.map((d) => ({ ...d, name: `${d.name}X` }));
    const again = await importRegistryFile(
      pool,
      await file('renamed.json', JSON.stringify({ drivers: renamed })),
      opts(),
    );
    expect(again).toMatchObject({ drivers: { updated: 2 }, events: 0 });
  });

  it('normalises full-width plate input to the stored plate', async () => {
    const first = sample.vehicles[5];
    if (!first) throw new Error('short sample');
    const fullWidth = [...first.plateNumber]
      .map((ch) => (/[A-Z0-9]/.test(ch) ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch))
      .join('');
    expect(fullWidth).not.toBe(first.plateNumber);
    const same = {
      plate_number: `${fullWidth.slice(0, 2)}·${fullWidth.slice(2)}`,
      plate_color: first.plateColor,
      transport_cert_no: first.transportCertNo.toLowerCase(),
      vin: first.vin.toLowerCase(),
      carrier_id: first.carrierId,
      transport_cert_expires_on: first.transportCertExpiresOn,
    };
    const fresh = { ...same, plate_number: '鲁Ｚ·９８７６５', transport_cert_no: '370100987650' };
    const r = await importRegistryFile(
      pool,
      await file('fw.json', JSON.stringify({ vehicles: [same, fresh] })),
      opts(),
    );
    expect(r).toMatchObject({ vehicles: { inserted: 1, updated: 0, unchanged: 1 }, rejected: 0 });
    expect(await scalar("SELECT count(*) AS n FROM registry_vehicles WHERE plate_number = '鲁Z98765'")).toBe(
      1,
    );
  });

  it('fails with exit 1 and says what to do: unreadable file, missing tables, database down', async () => {
    const missing = await cli([join(dir, 'nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.err.join('\n')).toMatch(/cannot read the file \(ENOENT\)/);

    const noTables = await cli([SAMPLE_REGISTRY_FILE], { PG_SCHEMA: `${iso.schema}_empty` });
    expect(noTables.code).toBe(1);
    expect(noTables.err.join('\n')).toMatch(/registry_vehicles.*missing.*run npm run migrate/);

    const down = await cli([SAMPLE_REGISTRY_FILE], {
      DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:1/postgres',
    });
    expect(down.code).toBe(1);
    expect(down.err.join('\n')).toMatch(
      /cannot reach the database at 127\.0\.0\.1:1\/postgres \(ECONNREFUSED\)/,
    );
    expect(down.err.join('\n')).not.toContain('secret');

    const usage = await cli([]);
    expect(usage.code).toBe(1);
    const ok = await cli([SAMPLE_REGISTRY_FILE]);
    expect(ok.code).toBe(0);
  });

  it('refuses rows repeating a key when called directly (the parser never passes them)', async () => {
    const v = sample.vehicles[0];
    if (!v) throw new Error('empty sample');
    await expect(loadRegistry(pool, { vehicles: [v, v], drivers: [] })).rejects.toThrow(/repeated/);
  });
});
