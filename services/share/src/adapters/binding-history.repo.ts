import type { Pool, PoolClient } from '@safewatch/common';

type Db = Pool | PoolClient;

/**
 * Binding history (table binding_history, X4): every binding the service has
 * learned, in force from bound_at (included) to unbound_at (excluded; null
 * while current). Kept next to current_bindings by the same writers.
 */

export interface HistoryBinding {
  driverId: string;
  vehicleId: string;
  plateNumber: string;
  plateColor: number;
  boundAtMs: number;
}

/**
 * A BOUND event. Idempotent: a redelivered event, or one for a binding
 * already in force (at most one per driver and vehicle), changes nothing.
 */
export async function historyBound(db: Db, b: HistoryBinding): Promise<void> {
  await db.query(
    `INSERT INTO binding_history (driver_id, vehicle_id, plate_number, plate_color, bound_at)
     VALUES ($1, $2, $3, $4, to_timestamp($5 / 1000.0)) ON CONFLICT DO NOTHING`,
    [b.driverId, b.vehicleId, b.plateNumber, b.plateColor, b.boundAtMs],
  );
}

/**
 * An UNBOUND event ends the binding in force, if it began no later than the
 * event: an UNBOUND redelivered after the vehicle was bound again leaves the
 * new binding alone.
 */
export async function historyUnbound(
  db: Db,
  driverId: string,
  vehicleId: string,
  unboundAtMs: number,
): Promise<void> {
  await db.query(
    `UPDATE binding_history SET unbound_at = to_timestamp($3 / 1000.0)
      WHERE driver_id = $1 AND vehicle_id = $2 AND unbound_at IS NULL AND bound_at <= to_timestamp($3 / 1000.0)`,
    [driverId, vehicleId, unboundAtMs],
  );
}

/**
 * The rebuild of the current bindings (temporary table `incoming`, in the
 * caller's transaction): a binding in force here but no longer current there
 * ends at `now` (when it ended is not known, at the latest now); a current
 * binding not in force here begins at its bound_at.
 */
export async function historyFromIncoming(db: Db, now: Date): Promise<void> {
  await db.query(
    `UPDATE binding_history h SET unbound_at = GREATEST(h.bound_at, $1::timestamptz)
      WHERE h.unbound_at IS NULL AND NOT EXISTS
        (SELECT 1 FROM incoming i WHERE i.driver_id = h.driver_id AND i.vehicle_id = h.vehicle_id)`,
    [now],
  );
  await db.query(
    `INSERT INTO binding_history (driver_id, vehicle_id, plate_number, plate_color, bound_at)
     SELECT i.driver_id, i.vehicle_id, i.plate_number, i.plate_color, i.bound_at FROM incoming i
      WHERE NOT EXISTS (SELECT 1 FROM binding_history h
                         WHERE h.driver_id = i.driver_id AND h.vehicle_id = i.vehicle_id AND h.unbound_at IS NULL)
     ON CONFLICT (driver_id, vehicle_id, bound_at) DO UPDATE SET unbound_at = NULL`,
  );
}
