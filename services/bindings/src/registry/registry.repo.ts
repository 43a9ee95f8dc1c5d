/**
 * Loads validated registry rows into registry_vehicles / registry_drivers, in
 * one transaction per call, and writes certificate-validity changes (A3) to the
 * outbox in that same transaction.
 *
 * - Upserts are batched (`INSERT … SELECT FROM unnest(…) ON CONFLICT … DO
 *   UPDATE … WHERE <something changed>`), so re-importing the same rows
 *   changes nothing: no row is rewritten, no event is written.
 * - Rows absent from the input are NOT deleted: a refresh may be partial (one
 *   city's vehicles, only the drivers). Retiring a vehicle or driver is not
 *   something an import does.
 * - A vehicle whose transport_cert_expires_on changed gives one
 *   CertificateChanged event keyed by that vehicle (driver_id empty). A driver
 *   whose qualification_cert_expires_on changed gives one event per vehicle
 *   the driver currently has bound (none if nothing is bound). A new vehicle or
 *   driver counts as a change only when it has a validity date.
 */
import { randomUUID } from 'node:crypto';
import { type Pool, type PoolClient, topicNames, vehicleKey } from '@safewatch/common';
import { certificateChangedPayload } from '../adapters/outbox.repo.js';
import type { DriverRecord, VehicleRecord } from './types.js';

export interface KindCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface LoadResult {
  vehicles: KindCounts;
  drivers: KindCounts;
  /** CertificateChanged events written to the outbox. */
  events: number;
}

export interface LoadOptions {
  /** KAFKA_TOPIC_PREFIX: the outbox rows name `${prefix}bindings.events`. */
  topicPrefix?: string;
  /** Clock of the events' occurred_at_ms (default Date.now). */
  now?: () => number;
  /** Rows per statement (default 5,000). */
  chunkSize?: number;
  /** Called after each statement with the vehicle and driver rows upserted so far, of `total`. */
  onProgress?: (done: number, total: number) => void;
}

export interface RegistryRows {
  vehicles: readonly VehicleRecord[];
  drivers: readonly DriverRecord[];
}

/** The bindings tables are missing in the pool's schema. */
export class RegistrySchemaError extends Error {
  override name = 'RegistrySchemaError';
}

const REQUIRED_TABLES = ['registry_vehicles', 'registry_drivers', 'bindings', 'outbox'] as const;

/** Throws RegistrySchemaError naming the missing tables (say: run `npm run migrate`). */
export async function assertRegistryTables(db: Pool | PoolClient): Promise<void> {
  const r = await db.query<{ name: string; present: boolean }>(
    'SELECT name, to_regclass(name) IS NOT NULL AS present FROM unnest($1::text[]) AS t(name)',
    [REQUIRED_TABLES],
  );
  const missing = r.rows.filter((row) => !row.present).map((row) => row.name);
  if (missing.length > 0) {
    // current_schema() would name public when the configured schema does not exist.
    const path = (await db.query<{ s: string }>("SELECT current_setting('search_path') AS s")).rows[0]?.s;
    throw new RegistrySchemaError(
      `table(s) ${missing.join(', ')} missing (search_path ${path ?? '?'}): run npm run migrate`,
    );
  }
}

const emptyCounts = (): KindCounts => ({ inserted: 0, updated: 0, unchanged: 0 });

interface UpsertedRow {
  existed: boolean;
  expires_on: string | null;
  old_expires_on: string | null;
}

interface Event {
  eventId: string;
  key: string;
  payload: Uint8Array;
}

/** Upserts the rows and writes the certificate events, all in one transaction. */
export async function loadRegistry(
  pool: Pool,
  rows: RegistryRows,
  opts: LoadOptions = {},
): Promise<LoadResult> {
  assertUnique(rows);
  const chunkSize = opts.chunkSize ?? 5_000;
  const now = opts.now ?? Date.now;
  const topic = topicNames(opts.topicPrefix ?? '').bindingsEvents;
  const total = rows.vehicles.length + rows.drivers.length;
  let done = 0;
  const progressed = (n: number) => {
    done += n;
    opts.onProgress?.(done, total);
  };
  const result: LoadResult = { vehicles: emptyCounts(), drivers: emptyCounts(), events: 0 };

  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    await assertRegistryTables(client);
    // Concurrent imports into one schema queue up, so counts and events stay exact.
    await client.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.registry-import'))");

    const events: Event[] = [];
    const certificate = (
      plateNumber: string,
      plateColor: number,
      fields: { driverId?: string; transport?: string | null; qualification?: string | null },
    ) => {
      const eventId = randomUUID();
      const payload = certificateChangedPayload(
        {
          plateNumber,
          plateColor,
          driverId: fields.driverId ?? '',
          transportCertExpiresOn: fields.transport ?? null,
          qualificationCertExpiresOn: fields.qualification ?? null,
        },
        eventId,
        now(),
      );
      events.push({ eventId, key: vehicleKey(plateNumber, plateColor), payload });
    };

    for (let i = 0; i < rows.vehicles.length; i += chunkSize) {
      const chunk = rows.vehicles.slice(i, i + chunkSize);
      const changed = await upsertVehicles(client, chunk);
      count(result.vehicles, chunk.length, changed);
      for (const v of changed) {
        if (expiryChanged(v)) certificate(v.plate_number, v.plate_color, { transport: v.expires_on });
      }
      progressed(chunk.length);
    }

    for (let i = 0; i < rows.drivers.length; i += chunkSize) {
      const chunk = rows.drivers.slice(i, i + chunkSize);
      const changed = await upsertDrivers(client, chunk);
      count(result.drivers, chunk.length, changed);
      progressed(chunk.length);
      const drivers = changed.filter(expiryChanged);
      if (drivers.length === 0) continue;
      const expiry = new Map(drivers.map((d) => [d.driver_id, d.expires_on]));
      const bound = await client.query<{
        driver_id: string;
        plate_number: string;
        plate_color: number;
        transport_expires_on: string | null;
      }>(
        `SELECT b.driver_id, v.plate_number, v.plate_color, v.transport_cert_expires_on::text AS transport_expires_on
           FROM bindings b JOIN registry_vehicles v USING (vehicle_id)
          WHERE b.unbound_at IS NULL AND b.driver_id = ANY($1::text[])
          ORDER BY b.driver_id, v.plate_number, v.plate_color`,
        [[...expiry.keys()]],
      );
      for (const b of bound.rows) {
        certificate(b.plate_number, b.plate_color, {
          driverId: b.driver_id,
          transport: b.transport_expires_on,
          qualification: expiry.get(b.driver_id) ?? null,
        });
      }
    }

    for (let i = 0; i < events.length; i += chunkSize) {
      const chunk = events.slice(i, i + chunkSize);
      await client.query(
        `INSERT INTO outbox (event_id, topic, message_key, payload)
         SELECT e, $2, k, p FROM unnest($1::uuid[], $3::text[], $4::bytea[]) AS t(e, k, p)`,
        [
          chunk.map((e) => e.eventId),
          topic,
          chunk.map((e) => e.key),
          chunk.map((e) => Buffer.from(e.payload)),
        ],
      );
    }
    result.events = events.length;

    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw err;
  } finally {
    client.release(broken);
  }
}

function count(c: KindCounts, total: number, changed: readonly UpsertedRow[]): void {
  const inserted = changed.filter((r) => !r.existed).length;
  c.inserted += inserted;
  c.updated += changed.length - inserted;
  c.unchanged += total - changed.length;
}

/** A new row with a validity date, or an existing row whose date changed (set, moved or cleared). */
const expiryChanged = (r: UpsertedRow) =>
  r.existed ? r.old_expires_on !== r.expires_on : r.expires_on !== null;

/** unnest + ON CONFLICT cannot touch one row twice in a statement; the parser already drops repeats. */
function assertUnique(rows: RegistryRows): void {
  const plates = new Set(rows.vehicles.map((v) => vehicleKey(v.plateNumber, v.plateColor)));
  if (plates.size !== rows.vehicles.length)
    throw new Error('loadRegistry: repeated plate_number + plate_color');
  const drivers = new Set(rows.drivers.map((d) => d.driverId));
  if (drivers.size !== rows.drivers.length) throw new Error('loadRegistry: repeated driver_id');
}

/**
 * `before` reads the pre-statement values (every CTE sees one snapshot), so
 * the old validity can be compared; rows left as they were are not returned.
 */
async function upsertVehicles(
  client: PoolClient,
  rows: readonly VehicleRecord[],
): Promise<(UpsertedRow & { plate_number: string; plate_color: number })[]> {
  const r = await client.query<UpsertedRow & { plate_number: string; plate_color: number }>(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::smallint[], $3::text[], $4::text[], $5::text[], $6::date[], $7::boolean[])
         AS t(plate_number, plate_color, transport_cert_no, vin, carrier_id, transport_cert_expires_on, is_freight)
     ),
     before AS (
       SELECT v.plate_number, v.plate_color, v.transport_cert_expires_on
         FROM registry_vehicles v JOIN input USING (plate_number, plate_color)
     ),
     upserted AS (
       INSERT INTO registry_vehicles AS v
              (plate_number, plate_color, transport_cert_no, vin, carrier_id, transport_cert_expires_on, is_freight)
       SELECT plate_number, plate_color, transport_cert_no, vin, carrier_id, transport_cert_expires_on, is_freight
         FROM input
       ON CONFLICT (plate_number, plate_color) DO UPDATE SET
              transport_cert_no = EXCLUDED.transport_cert_no,
              vin = EXCLUDED.vin,
              carrier_id = EXCLUDED.carrier_id,
              transport_cert_expires_on = EXCLUDED.transport_cert_expires_on,
              is_freight = EXCLUDED.is_freight,
              updated_at = now()
        WHERE (v.transport_cert_no, v.vin, v.carrier_id, v.transport_cert_expires_on, v.is_freight)
              IS DISTINCT FROM
              (EXCLUDED.transport_cert_no, EXCLUDED.vin, EXCLUDED.carrier_id,
               EXCLUDED.transport_cert_expires_on, EXCLUDED.is_freight)
       RETURNING v.plate_number, v.plate_color, v.transport_cert_expires_on
     )
     SELECT u.plate_number, u.plate_color, u.transport_cert_expires_on::text AS expires_on,
            b.plate_number IS NOT NULL AS existed, b.transport_cert_expires_on::text AS old_expires_on
       FROM upserted u LEFT JOIN before b USING (plate_number, plate_color)`,
    [
      rows.map((v) => v.plateNumber),
      rows.map((v) => v.plateColor),
      rows.map((v) => v.transportCertNo),
      rows.map((v) => v.vin),
      rows.map((v) => v.carrierId),
      rows.map((v) => v.transportCertExpiresOn),
      rows.map((v) => v.isFreight),
    ],
  );
  return r.rows;
}

async function upsertDrivers(
  client: PoolClient,
  rows: readonly DriverRecord[],
): Promise<(UpsertedRow & { driver_id: string })[]> {
  const r = await client.query<UpsertedRow & { driver_id: string }>(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[])
         AS t(driver_id, qualification_cert_no, qualification_cert_expires_on, name, phone)
     ),
     before AS (
       SELECT d.driver_id, d.qualification_cert_expires_on
         FROM registry_drivers d JOIN input USING (driver_id)
     ),
     upserted AS (
       INSERT INTO registry_drivers AS d (driver_id, qualification_cert_no, qualification_cert_expires_on, name, phone)
       SELECT driver_id, qualification_cert_no, qualification_cert_expires_on, name, phone FROM input
       ON CONFLICT (driver_id) DO UPDATE SET
              qualification_cert_no = EXCLUDED.qualification_cert_no,
              qualification_cert_expires_on = EXCLUDED.qualification_cert_expires_on,
              name = EXCLUDED.name,
              phone = EXCLUDED.phone,
              updated_at = now()
        WHERE (d.qualification_cert_no, d.qualification_cert_expires_on, d.name, d.phone)
              IS DISTINCT FROM
              (EXCLUDED.qualification_cert_no, EXCLUDED.qualification_cert_expires_on, EXCLUDED.name, EXCLUDED.phone)
       RETURNING d.driver_id, d.qualification_cert_expires_on
     )
     SELECT u.driver_id, u.qualification_cert_expires_on::text AS expires_on,
            b.driver_id IS NOT NULL AS existed, b.qualification_cert_expires_on::text AS old_expires_on
       FROM upserted u LEFT JOIN before b USING (driver_id)`,
    [
      rows.map((d) => d.driverId),
      rows.map((d) => d.qualificationCertNo),
      rows.map((d) => d.qualificationCertExpiresOn),
      rows.map((d) => d.name),
      rows.map((d) => d.phone),
    ],
  );
  return r.rows;
}
