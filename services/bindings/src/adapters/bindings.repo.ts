import type { Pool, PoolClient } from '@safewatch/common';
import type { DriverBindingSnapshot, QualificationRecord } from '../domain/binding.rules.js';
import type { RegisteredVehicle } from '../domain/vehicle-verification.js';

export type Db = Pool | PoolClient;
export type Channel = 'SELF' | 'REBIND' | 'DELEGATED';
export type UnboundBy = 'DRIVER' | 'CARRIER';

export interface BindingRow {
  bindingId: string;
  driverId: string;
  vehicleId: string;
  plateNumber: string;
  plateColor: number;
  carrierId: string;
  channel: Channel;
  delegateId: string | null;
  boundAt: Date;
  unboundAt: Date | null;
  unboundBy: UnboundBy | null;
}

const VEHICLE_COLUMNS = `v.vehicle_id AS "vehicleId", v.plate_number AS "plateNumber", v.plate_color AS "plateColor",
  v.transport_cert_no AS "transportCertNo", v.vin, v.is_freight AS "isFreight", v.carrier_id AS "carrierId"`;

const BINDING_COLUMNS = `b.binding_id AS "bindingId", b.driver_id AS "driverId", b.vehicle_id AS "vehicleId",
  v.plate_number AS "plateNumber", v.plate_color AS "plateColor", v.carrier_id AS "carrierId", b.channel,
  b.delegate_id AS "delegateId", b.bound_at AS "boundAt", b.unbound_at AS "unboundAt", b.unbound_by AS "unboundBy"`;

/** Runs `fn` in one transaction; rolls back on any error. */
export async function inTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Serialises every binding change of one driver: the limits B2/B3 are then
 * checked and applied atomically, whatever the number of parallel requests.
 * Returns the driver's qualification record (B7), if any.
 */
export async function lockDriver(
  client: PoolClient,
  driverId: string,
): Promise<QualificationRecord | undefined> {
  await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [
    `bindings:driver:${driverId}`,
  ]);
  const r = await client.query(
    `SELECT qualification_cert_no AS "qualificationCertNo", to_char(qualification_cert_expires_on, 'YYYY-MM-DD') AS "expiresOn"
       FROM registry_drivers WHERE driver_id = $1`,
    [driverId],
  );
  return r.rows[0];
}

export async function bindingSnapshot(
  client: Db,
  driverId: string,
  windowStart: Date,
): Promise<DriverBindingSnapshot> {
  const r = await client.query<{ vehicleId: string; current: boolean }>(
    `SELECT vehicle_id AS "vehicleId", bool_or(unbound_at IS NULL) AS current
       FROM bindings
      WHERE driver_id = $1 AND (unbound_at IS NULL OR unbound_at >= $2)
      GROUP BY vehicle_id`,
    [driverId, windowStart],
  );
  return {
    current: r.rows.filter((x) => x.current).map((x) => x.vehicleId),
    inWindow: r.rows.map((x) => x.vehicleId),
  };
}

export async function vehicleByPlate(
  db: Db,
  plateNumber: string,
  plateColor: number,
): Promise<RegisteredVehicle | undefined> {
  const r = await db.query(
    `SELECT ${VEHICLE_COLUMNS} FROM registry_vehicles v WHERE v.plate_number = $1 AND v.plate_color = $2`,
    [plateNumber, plateColor],
  );
  return r.rows[0];
}

export async function vehicleById(db: Db, vehicleId: string): Promise<RegisteredVehicle | undefined> {
  const r = await db.query(`SELECT ${VEHICLE_COLUMNS} FROM registry_vehicles v WHERE v.vehicle_id = $1`, [
    vehicleId,
  ]);
  return r.rows[0];
}

export async function insertBinding(
  client: PoolClient,
  b: { driverId: string; vehicleId: string; channel: Channel; delegateId?: string | undefined; now: Date },
): Promise<BindingRow> {
  const r = await client.query(
    `WITH b AS (
       INSERT INTO bindings (driver_id, vehicle_id, channel, delegate_id, bound_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING *)
     SELECT ${BINDING_COLUMNS} FROM b JOIN registry_vehicles v USING (vehicle_id)`,
    [b.driverId, b.vehicleId, b.channel, b.delegateId ?? null, b.now],
  );
  return r.rows[0];
}

/** Ends the current binding of (driver, vehicle); undefined when there is none. */
export async function endBinding(
  client: PoolClient,
  b: { driverId: string; vehicleId: string; by: UnboundBy; now: Date },
): Promise<BindingRow | undefined> {
  const r = await client.query(
    `WITH b AS (
       UPDATE bindings SET unbound_at = $4, unbound_by = $3
        WHERE driver_id = $1 AND vehicle_id = $2 AND unbound_at IS NULL RETURNING *)
     SELECT ${BINDING_COLUMNS} FROM b JOIN registry_vehicles v USING (vehicle_id)`,
    [b.driverId, b.vehicleId, b.by, b.now],
  );
  return r.rows[0];
}

export async function currentBindings(db: Db, driverId: string): Promise<BindingRow[]> {
  const r = await db.query(
    `SELECT ${BINDING_COLUMNS} FROM bindings b JOIN registry_vehicles v USING (vehicle_id)
      WHERE b.driver_id = $1 AND b.unbound_at IS NULL ORDER BY b.bound_at DESC`,
    [driverId],
  );
  return r.rows;
}

/** History: per vehicle not bound now, its most recent ended binding. */
export async function historyBindings(db: Db, driverId: string): Promise<BindingRow[]> {
  const r = await db.query(
    `SELECT * FROM (
       SELECT DISTINCT ON (b.vehicle_id) ${BINDING_COLUMNS}
         FROM bindings b JOIN registry_vehicles v USING (vehicle_id)
        WHERE b.driver_id = $1 AND b.unbound_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM bindings c WHERE c.driver_id = b.driver_id
                                                     AND c.vehicle_id = b.vehicle_id AND c.unbound_at IS NULL)
        ORDER BY b.vehicle_id, b.unbound_at DESC) h
     ORDER BY "unboundAt" DESC`,
    [driverId],
  );
  return r.rows;
}

export async function hasHistory(db: Db, driverId: string, vehicleId: string): Promise<boolean> {
  const r = await db.query(
    'SELECT 1 FROM bindings WHERE driver_id = $1 AND vehicle_id = $2 AND unbound_at IS NOT NULL LIMIT 1',
    [driverId, vehicleId],
  );
  return (r.rowCount ?? 0) > 0;
}

export async function bindingsDelegatedTo(
  db: Db,
  delegateId: string,
): Promise<(BindingRow & { driverName: string })[]> {
  const r = await db.query(
    `SELECT ${BINDING_COLUMNS}, coalesce(d.name, '') AS "driverName"
       FROM bindings b JOIN registry_vehicles v USING (vehicle_id)
       LEFT JOIN registry_drivers d ON d.driver_id = b.driver_id
      WHERE b.delegate_id = $1 ORDER BY b.bound_at DESC`,
    [delegateId],
  );
  return r.rows;
}
