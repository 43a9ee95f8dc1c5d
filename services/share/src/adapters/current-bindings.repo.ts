import type { Pool, PoolClient } from '@safewatch/common';
import { historyFromIncoming } from './binding-history.repo.js';

/**
 * The current bindings (table current_bindings): this service's copy of the
 * bindings service's list, kept from bindings.events and, when that is not
 * enough (topic retention, a new deployment), replaced from the list itself.
 */

export interface CurrentBinding {
  driverId: string;
  vehicleId: string;
  plateNumber: string;
  plateColor: number;
  boundAt: Date;
}

/**
 * The bindings service's current bindings, read from its database (`source`
 * is a pool on that database and schema; read-only).
 */
export async function bindingsServiceCurrent(source: Pool): Promise<CurrentBinding[]> {
  const r = await source.query<CurrentBinding>(
    `SELECT b.driver_id AS "driverId", b.vehicle_id AS "vehicleId", v.plate_number AS "plateNumber",
            v.plate_color AS "plateColor", b.bound_at AS "boundAt"
       FROM bindings b JOIN registry_vehicles v USING (vehicle_id) WHERE b.unbound_at IS NULL`,
  );
  return r.rows;
}

/**
 * Replaces the current bindings with `current`, in the caller's transaction,
 * and brings the binding history (X4) along: a binding gone ends at `now`, a
 * new one begins at its bound_at. Returns the bindings that are gone.
 */
export async function replaceCurrentBindings(
  client: PoolClient,
  current: readonly CurrentBinding[],
  now: Date,
): Promise<{ driverId: string; vehicleId: string }[]> {
  await client.query('CREATE TEMP TABLE incoming (LIKE current_bindings) ON COMMIT DROP');
  await client.query(
    `INSERT INTO incoming SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::int2[], $5::timestamptz[])`,
    [
      current.map((b) => b.driverId),
      current.map((b) => b.vehicleId),
      current.map((b) => b.plateNumber),
      current.map((b) => b.plateColor),
      current.map((b) => b.boundAt),
    ],
  );
  const gone = await client.query<{ driverId: string; vehicleId: string }>(
    `DELETE FROM current_bindings c WHERE NOT EXISTS
       (SELECT 1 FROM incoming i WHERE i.driver_id = c.driver_id AND i.vehicle_id = c.vehicle_id)
     RETURNING driver_id AS "driverId", vehicle_id AS "vehicleId"`,
  );
  await client.query(
    `INSERT INTO current_bindings SELECT * FROM incoming
     ON CONFLICT (driver_id, vehicle_id) DO UPDATE SET plate_number = EXCLUDED.plate_number,
       plate_color = EXCLUDED.plate_color, bound_at = EXCLUDED.bound_at`,
  );
  await historyFromIncoming(client, now);
  return gone.rows;
}

type Queryable = Pick<Pool, 'query'>;

/** A binding learned from bindings.events; an older event than the stored binding changes nothing. */
export async function upsertCurrentBinding(db: Queryable, b: CurrentBinding): Promise<void> {
  await db.query(
    `INSERT INTO current_bindings (driver_id, vehicle_id, plate_number, plate_color, bound_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (driver_id, vehicle_id) DO UPDATE SET bound_at = EXCLUDED.bound_at
       WHERE current_bindings.bound_at < EXCLUDED.bound_at`,
    [b.driverId, b.vehicleId, b.plateNumber, b.plateColor, b.boundAt],
  );
}

/**
 * An unbinding learned from bindings.events: removes the binding made before
 * it (an old event redelivered after a rebind must not remove the newer one).
 * Returns whether the driver holds a newer binding of the vehicle.
 */
export async function removeCurrentBinding(
  db: Queryable,
  driverId: string,
  vehicleId: string,
  unboundAt: Date,
): Promise<{ reboundSince: boolean }> {
  await db.query('DELETE FROM current_bindings WHERE driver_id = $1 AND vehicle_id = $2 AND bound_at <= $3', [
    driverId,
    vehicleId,
    unboundAt,
  ]);
  const rebound = await db.query(
    'SELECT 1 FROM current_bindings WHERE driver_id = $1 AND vehicle_id = $2 AND bound_at > $3',
    [driverId, vehicleId, unboundAt],
  );
  return { reboundSince: (rebound.rowCount ?? 0) > 0 };
}
