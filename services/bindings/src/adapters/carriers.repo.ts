import type { Db } from './bindings.repo.js';

export interface CarrierVehicleRow {
  vehicleId: string;
  plateNumber: string;
  plateColor: number;
  transportCertExpiresOn: string | null;
  currentBindings: number;
}

export interface VehicleBindingRow {
  driverId: string;
  driverName: string;
  driverPhone: string;
  channel: string;
  boundAt: Date;
  unboundAt: Date | null;
  unboundBy: string | null;
}

/** B6: a carrier's own vehicles only; `boundOnly` keeps those with at least one current binding. */
export async function carrierVehicles(
  db: Db,
  carrierId: string,
  boundOnly: boolean,
): Promise<CarrierVehicleRow[]> {
  const r = await db.query(
    `SELECT v.vehicle_id AS "vehicleId", v.plate_number AS "plateNumber", v.plate_color AS "plateColor",
            to_char(v.transport_cert_expires_on, 'YYYY-MM-DD') AS "transportCertExpiresOn",
            count(b.binding_id)::int AS "currentBindings"
       FROM registry_vehicles v
       LEFT JOIN bindings b ON b.vehicle_id = v.vehicle_id AND b.unbound_at IS NULL
      WHERE v.carrier_id = $1
      GROUP BY v.vehicle_id
     ${boundOnly ? 'HAVING count(b.binding_id) > 0' : ''}
      ORDER BY v.plate_number, v.plate_color`,
    [carrierId],
  );
  return r.rows;
}

/** The vehicle if `carrierId` owns it; undefined otherwise (another carrier's vehicle looks absent). */
export async function carrierVehicle(
  db: Db,
  carrierId: string,
  vehicleId: string,
): Promise<CarrierVehicleRow | undefined> {
  const r = await db.query(
    `SELECT v.vehicle_id AS "vehicleId", v.plate_number AS "plateNumber", v.plate_color AS "plateColor",
            to_char(v.transport_cert_expires_on, 'YYYY-MM-DD') AS "transportCertExpiresOn",
            (SELECT count(*)::int FROM bindings b WHERE b.vehicle_id = v.vehicle_id AND b.unbound_at IS NULL) AS "currentBindings"
       FROM registry_vehicles v WHERE v.carrier_id = $1 AND v.vehicle_id = $2`,
    [carrierId, vehicleId],
  );
  return r.rows[0];
}

/** Person-vehicle bindings of one vehicle, current first. */
export async function vehicleBindings(db: Db, vehicleId: string): Promise<VehicleBindingRow[]> {
  const r = await db.query(
    `SELECT b.driver_id AS "driverId", coalesce(d.name, '') AS "driverName", coalesce(d.phone, '') AS "driverPhone",
            b.channel, b.bound_at AS "boundAt", b.unbound_at AS "unboundAt", b.unbound_by AS "unboundBy"
       FROM bindings b LEFT JOIN registry_drivers d ON d.driver_id = b.driver_id
      WHERE b.vehicle_id = $1
      ORDER BY (b.unbound_at IS NULL) DESC, coalesce(b.unbound_at, b.bound_at) DESC
      LIMIT 200`,
    [vehicleId],
  );
  return r.rows;
}
